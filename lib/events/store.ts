import { createHash } from "node:crypto";
import type { PoolClient } from "pg";
import { eventTime, type NormalizedEvent } from "./types";
import { cleanJson, cleanNullable, cleanText } from "./sanitize";
import { tsvectorLiteral } from "@/lib/search/query/words";

export type InsertedEvent = { index: number; id: string; ts: Date };
export type InsertResult = { inserted: InsertedEvent[]; duplicates: number };

/**
 * Content hash for deduplication: the same record replayed by a shipper hashes
 * the same; a different record that merely reuses an auditID does not.
 */
export function eventHash(e: NormalizedEvent, attributesJson: string): string {
  const h = createHash("sha256").update(`${e.cluster}\u0001${e.layer}\u0001${e.source}\u0001${eventTime(e)}\u0001`);
  if (e.dedupKey) return h.update(`key\u0001${e.dedupKey}`).digest("hex");
  return h.update(`${e.message}\u0001`).update(attributesJson).digest("hex");
}

export type PreparedBatch = { events: NormalizedEvent[]; attributes: string[]; hashes: string[] };

/** Serializes attributes and hashes every record once; the pipeline reads the hashes before inserting. */
export function prepareBatch(events: NormalizedEvent[]): PreparedBatch {
  const attributes = new Array<string>(events.length);
  const hashes = new Array<string>(events.length);
  for (let i = 0; i < events.length; i++) {
    attributes[i] = cleanJson(JSON.stringify(events[i].attributes ?? {}));
    hashes[i] = eventHash(events[i], attributes[i]);
  }
  return { events, attributes, hashes };
}

/**
 * Inserts a batch in one statement (column arrays + unnest), skipping records
 * already stored. Runs on the caller's connection so ingest can commit events,
 * entities and alerts together. Partitions must exist (ensurePartitions).
 */
export async function insertEvents(client: PoolClient, batch: PreparedBatch | NormalizedEvent[]): Promise<InsertResult> {
  const { events, attributes, hashes } = Array.isArray(batch) ? prepareBatch(batch) : batch;
  if (events.length === 0) return { inserted: [], duplicates: 0 };
  const n = events.length;
  const cols = {
    ts: new Array<string>(n), cluster: new Array<string>(n), layer: new Array<string>(n), source: new Array<string>(n),
    severity: new Array<string>(n), node: new Array<string | null>(n), namespace: new Array<string | null>(n),
    pod: new Array<string | null>(n), container: new Array<string | null>(n), workload: new Array<string | null>(n),
    actor: new Array<string | null>(n), actorType: new Array<string | null>(n), impersonated: new Array<string | null>(n),
    verb: new Array<string | null>(n), resource: new Array<string | null>(n), subresource: new Array<string | null>(n),
    objectName: new Array<string | null>(n), code: new Array<number | null>(n), sourceIp: new Array<string | null>(n),
    message: new Array<string>(n), flags: new Array<string | null>(n), search: new Array<string>(n),
  };
  const indexByHash = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const e = events[i];
    const h = hashes[i];
    cols.ts[i] = eventTime(e);
    cols.cluster[i] = cleanText(e.cluster);
    cols.layer[i] = e.layer;
    cols.source[i] = cleanText(e.source);
    cols.severity[i] = e.severity;
    cols.node[i] = cleanNullable(e.node);
    cols.namespace[i] = cleanNullable(e.namespace);
    cols.pod[i] = cleanNullable(e.pod);
    cols.container[i] = cleanNullable(e.container);
    cols.workload[i] = cleanNullable(e.workload);
    cols.actor[i] = cleanNullable(e.actor);
    cols.actorType[i] = cleanNullable(e.actorType);
    cols.impersonated[i] = cleanNullable(e.impersonated);
    cols.verb[i] = cleanNullable(e.verb);
    cols.resource[i] = cleanNullable(e.resource);
    cols.subresource[i] = cleanNullable(e.subresource);
    cols.objectName[i] = cleanNullable(e.objectName);
    cols.code[i] = e.code;
    cols.sourceIp[i] = e.sourceIp;
    cols.message[i] = cleanText(e.message);
    cols.search[i] = tsvectorLiteral({ actor: cols.actor[i], objectName: cols.objectName[i], pod: cols.pod[i], namespace: cols.namespace[i], node: cols.node[i], message: cols.message[i] });
    // A Postgres array literal; flag names are fixed identifiers from our code.
    cols.flags[i] = e.flags?.length ? `{${e.flags.join(",")}}` : null;
    const list = indexByHash.get(h);
    if (list) list.push(i);
    else indexByHash.set(h, [i]);
  }
  const { rows } = await client.query<{ id: string; ts: Date; hash: string }>(
    `INSERT INTO events (ts, cluster, layer, source, severity, node, namespace, pod, container, workload,
        actor, actor_type, impersonated, verb, resource, subresource, object_name, code, source_ip, message, attributes, hash, flags, search)
     SELECT t.ts, t.cluster, t.layer, t.source, t.severity, t.node, t.namespace, t.pod, t.container, t.workload,
        t.actor, t.actor_type, t.impersonated, t.verb, t.resource, t.subresource, t.object_name, t.code, t.source_ip,
        t.message, t.attributes::jsonb, decode(t.hash, 'hex'), t.flags::text[], t.search::tsvector
     FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
        $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[],
        $18::smallint[], $19::inet[], $20::text[], $21::text[], $22::text[], $23::text[], $24::text[])
       AS t(ts, cluster, layer, source, severity, node, namespace, pod, container, workload, actor, actor_type,
        impersonated, verb, resource, subresource, object_name, code, source_ip, message, attributes, hash, flags, search)
     ON CONFLICT (ts, hash) DO NOTHING
     RETURNING id, ts, encode(hash, 'hex') AS hash`,
    [cols.ts, cols.cluster, cols.layer, cols.source, cols.severity, cols.node, cols.namespace, cols.pod, cols.container,
      cols.workload, cols.actor, cols.actorType, cols.impersonated, cols.verb, cols.resource, cols.subresource,
      cols.objectName, cols.code, cols.sourceIp, cols.message, attributes, hashes, cols.flags, cols.search],
  );
  const inserted: InsertedEvent[] = [];
  for (const r of rows) {
    // Identical records within one batch share a hash; only the first is stored.
    const idx = indexByHash.get(r.hash)?.[0];
    if (idx !== undefined) inserted.push({ index: idx, id: String(r.id), ts: r.ts });
  }
  inserted.sort((a, b) => a.index - b.index);
  return { inserted, duplicates: n - inserted.length };
}
