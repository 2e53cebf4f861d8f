import type { PoolClient } from "pg";
import type { NormalizedEvent } from "@/lib/events/types";
import type { PreparedBatch } from "@/lib/events/store";

/**
 * Fills pod, namespace and container of records that only carry a container
 * id (a Falco alert from a host without Kubernetes metadata), from containers
 * already seen in container logs — in this batch or before.
 */
export async function enrichFromContainers(client: PoolClient, events: NormalizedEvent[]): Promise<number> {
  const known = new Map<string, NormalizedEvent>();
  for (const e of events) if (e.containerId && e.pod && e.namespace) known.set(`${e.cluster}\u0000${e.containerId}`, e);
  const missing = events.filter((e) => e.containerId && !e.pod);
  if (missing.length === 0) return 0;
  const lookup = [...new Set(missing.map((e) => `${e.cluster}\u0000${e.containerId}`))].filter((k) => !known.has(k));
  if (lookup.length) {
    const { rows } = await client.query<{ cluster: string; namespace: string; pod: string; name: string; container_id: string; node: string | null; workload: string | null; image: string | null }>(
      `SELECT DISTINCT ON (c.cluster, c.container_id) c.cluster, c.namespace, c.pod, c.name, c.container_id, c.image, p.node, p.workload
       FROM containers c JOIN unnest($1::text[], $2::text[]) AS k(cluster, id) ON c.cluster = k.cluster AND c.container_id = k.id
       LEFT JOIN pods p ON p.cluster = c.cluster AND p.namespace = c.namespace AND p.name = c.pod
       ORDER BY c.cluster, c.container_id, c.last_seen DESC`,
      [lookup.map((k) => k.split("\u0000")[0]), lookup.map((k) => k.split("\u0000")[1])],
    );
    for (const r of rows) {
      known.set(`${r.cluster}\u0000${r.container_id}`, {
        namespace: r.namespace, pod: r.pod, container: r.name, node: r.node, workload: r.workload, image: r.image,
      } as NormalizedEvent);
    }
  }
  let filled = 0;
  for (const e of missing) {
    const src = known.get(`${e.cluster}\u0000${e.containerId}`);
    if (!src) continue;
    e.namespace = src.namespace;
    e.pod = src.pod;
    e.container ??= src.container;
    e.node ??= src.node;
    e.workload ??= src.workload;
    e.image ??= src.image ?? null;
    e.flags = [...(e.flags ?? []), "enriched-from-container-id"];
    filled++;
  }
  return filled;
}

/**
 * Marks records whose auditID + stage was already claimed by different
 * content (in this batch or stored before): both are kept, and flagged,
 * because a caller can set auditID and a forged one must not hide a record.
 */
export async function flagReusedAuditIds(client: PoolClient, batch: PreparedBatch): Promise<number> {
  const byKey = new Map<string, number[]>();
  let minTs = Infinity;
  let maxTs = -Infinity;
  batch.events.forEach((e, i) => {
    if (e.layer !== "audit") return;
    const attrs = e.attributes as { auditID?: unknown; stage?: unknown };
    if (typeof attrs.auditID !== "string") return;
    const key = `${attrs.auditID}\u0000${typeof attrs.stage === "string" ? attrs.stage : ""}`;
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(i);
    minTs = Math.min(minTs, e.ts.getTime());
    maxTs = Math.max(maxTs, e.ts.getTime());
  });
  if (byKey.size === 0) return 0;
  const ids = [...new Set([...byKey.keys()].map((k) => k.split("\u0000")[0]))];
  // The same request's events are seconds apart; a day either side keeps the lookup to few partitions.
  const { rows } = await client.query<{ audit_id: string; stage: string | null; hash: string }>(
    `SELECT attributes->>'auditID' AS audit_id, attributes->>'stage' AS stage, encode(hash, 'hex') AS hash
     FROM events WHERE layer = 'audit' AND attributes->>'auditID' = ANY($1::text[]) AND ts BETWEEN $2 AND $3`,
    [ids, new Date(minTs - 86_400_000), new Date(maxTs + 86_400_000)],
  );
  const stored = new Map<string, Set<string>>();
  for (const r of rows) {
    const key = `${r.audit_id}\u0000${r.stage ?? ""}`;
    (stored.get(key) ?? stored.set(key, new Set()).get(key)!).add(r.hash);
  }
  let flagged = 0;
  const storedToFlag: string[] = [];
  for (const [key, idxs] of byKey) {
    const hashes = new Set([...(stored.get(key) ?? []), ...idxs.map((i) => batch.hashes[i])]);
    if (hashes.size < 2) continue;
    storedToFlag.push(...(stored.get(key) ?? []));
    for (const i of idxs) {
      const e = batch.events[i];
      if (!e.flags?.includes("audit-id-reused")) e.flags = [...(e.flags ?? []), "audit-id-reused"];
      flagged++;
    }
  }
  if (storedToFlag.length) {
    await client.query(
      `UPDATE events SET flags = array_append(coalesce(flags, '{}'), 'audit-id-reused')
       WHERE layer = 'audit' AND ts BETWEEN $2 AND $3 AND hash = ANY(SELECT decode(h, 'hex') FROM unnest($1::text[]) AS h)
         AND NOT (coalesce(flags, '{}') @> ARRAY['audit-id-reused'])`,
      [storedToFlag, new Date(minTs - 86_400_000), new Date(maxTs + 86_400_000)],
    );
  }
  return flagged;
}
