import type { PoolClient } from "pg";
import type { NormalizedEvent } from "@/lib/events/types";
import { cleanNullable, cleanText } from "@/lib/events/sanitize";
import { upsertRollups } from "./rollups";

type Seen = { first: number; last: number };
type PodSeen = Seen & { node: string | null; workload: string | null };
type ContainerSeen = Seen & { image: string | null; containerId: string | null };

function widen(map: Map<string, Seen>, key: string, t: number): Seen {
  const s = map.get(key);
  if (s) {
    if (t < s.first) s.first = t;
    if (t > s.last) s.last = t;
    return s;
  }
  const fresh = { first: t, last: t };
  map.set(key, fresh);
  return fresh;
}

const SEP = "\u0000";

/**
 * Entity names as stored in events: NUL (which PostgreSQL text cannot hold,
 * and which separates the keys below) replaced the way insertEvents does.
 */
function cleaned(e: NormalizedEvent): NormalizedEvent {
  const fields = [e.cluster, e.node, e.namespace, e.pod, e.container, e.image, e.containerId, e.layer, e.source, e.actor, e.actorType];
  if (!fields.some((f) => f?.includes("\u0000"))) return e;
  return {
    ...e, cluster: cleanText(e.cluster), source: cleanText(e.source), node: cleanNullable(e.node), namespace: cleanNullable(e.namespace),
    pod: cleanNullable(e.pod), container: cleanNullable(e.container), image: cleanNullable(e.image), containerId: cleanNullable(e.containerId),
    actor: cleanNullable(e.actor), actorType: cleanNullable(e.actorType),
  };
}

/**
 * Keeps the entity tables (cluster → node / namespace → pod → container)
 * current with first/last seen. One statement per table per batch, keys
 * sorted so concurrent batches lock rows in the same order (no deadlocks).
 * Then the coverage and activity aggregates (rollups.ts), in the same order
 * for every batch.
 */
export async function upsertEntities(client: PoolClient, batch: NormalizedEvent[]): Promise<void> {
  const events = batch.map(cleaned);
  const clusters = new Map<string, Seen>();
  const nodes = new Map<string, Seen>();
  const namespaces = new Map<string, Seen>();
  const pods = new Map<string, PodSeen>();
  const containers = new Map<string, ContainerSeen>();
  for (const e of events) {
    const t = e.ts.getTime();
    widen(clusters, e.cluster, t);
    if (e.node) widen(nodes, e.cluster + SEP + e.node, t);
    if (e.namespace) widen(namespaces, e.cluster + SEP + e.namespace, t);
    if (e.namespace && e.pod) {
      const p = widen(pods as Map<string, Seen>, [e.cluster, e.namespace, e.pod].join(SEP), t) as PodSeen;
      if (e.node) p.node = e.node;
      else p.node ??= null;
      if (e.workload) p.workload = e.workload;
      else p.workload ??= null;
      if (e.container) {
        const c = widen(containers as Map<string, Seen>, [e.cluster, e.namespace, e.pod, e.container].join(SEP), t) as ContainerSeen;
        if (e.image) c.image = e.image;
        else c.image ??= null;
        if (e.containerId) c.containerId = e.containerId;
        else c.containerId ??= null;
      }
    }
  }
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const iso = (t: number) => new Date(t).toISOString();

  if (clusters.size) {
    const rows = sorted(clusters);
    await client.query(
      `INSERT INTO clusters (name, first_seen, last_seen)
       SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[])
       ON CONFLICT (name) DO UPDATE SET first_seen = LEAST(clusters.first_seen, EXCLUDED.first_seen),
         last_seen = GREATEST(clusters.last_seen, EXCLUDED.last_seen)`,
      [rows.map(([k]) => k), rows.map(([, s]) => iso(s.first)), rows.map(([, s]) => iso(s.last))],
    );
  }
  for (const [table, map] of [["nodes", nodes], ["namespaces", namespaces]] as const) {
    if (!map.size) continue;
    const rows = sorted(map).map(([k, s]) => [...k.split(SEP), s] as const);
    // Table name is one of two literals above.
    await client.query(
      `INSERT INTO ${table} (cluster, name, first_seen, last_seen)
       SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[])
       ON CONFLICT (cluster, name) DO UPDATE SET first_seen = LEAST(${table}.first_seen, EXCLUDED.first_seen),
         last_seen = GREATEST(${table}.last_seen, EXCLUDED.last_seen)`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => iso((r[2] as Seen).first)), rows.map((r) => iso((r[2] as Seen).last))],
    );
  }
  if (pods.size) {
    const rows = sorted(pods).map(([k, s]) => ({ k: k.split(SEP), s }));
    await client.query(
      `INSERT INTO pods (cluster, namespace, name, node, workload, first_seen, last_seen)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[])
       ON CONFLICT (cluster, namespace, name) DO UPDATE SET
         node = COALESCE(EXCLUDED.node, pods.node), workload = COALESCE(EXCLUDED.workload, pods.workload),
         first_seen = LEAST(pods.first_seen, EXCLUDED.first_seen), last_seen = GREATEST(pods.last_seen, EXCLUDED.last_seen)`,
      [rows.map((r) => r.k[0]), rows.map((r) => r.k[1]), rows.map((r) => r.k[2]), rows.map((r) => r.s.node),
        rows.map((r) => r.s.workload), rows.map((r) => iso(r.s.first)), rows.map((r) => iso(r.s.last))],
    );
  }
  if (containers.size) {
    const rows = sorted(containers).map(([k, s]) => ({ k: k.split(SEP), s }));
    await client.query(
      `INSERT INTO containers (cluster, namespace, pod, name, image, first_seen, last_seen, container_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::text[])
       ON CONFLICT (cluster, namespace, pod, name) DO UPDATE SET image = COALESCE(EXCLUDED.image, containers.image),
         container_id = COALESCE(EXCLUDED.container_id, containers.container_id),
         first_seen = LEAST(containers.first_seen, EXCLUDED.first_seen), last_seen = GREATEST(containers.last_seen, EXCLUDED.last_seen)`,
      [rows.map((r) => r.k[0]), rows.map((r) => r.k[1]), rows.map((r) => r.k[2]), rows.map((r) => r.k[3]),
        rows.map((r) => r.s.image), rows.map((r) => iso(r.s.first)), rows.map((r) => iso(r.s.last)), rows.map((r) => r.s.containerId)],
    );
  }
  await upsertRollups(client, events);
}
