/**
 * The one read of the windowed-rule loop: every event that arrived since the
 * checkpoint, scanned once by id range (the primary key), returning only the
 * rows some windowed rule's query matches, with a flag per query.
 */
import type { PoolClient } from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MatchableEvent } from "@/lib/search/query/match";

/** Columns windowed rules group, join and title on; as event properties, so fieldText() reads them. */
const SCAN_COLUMNS: [sql: string, prop: string][] = [
  ["e.cluster", "cluster"], ["e.layer", "layer"], ["e.source", "source"], ["e.severity", "severity"], ["e.node", "node"],
  ["e.namespace", "namespace"], ["e.pod", "pod"], ["e.container", "container"], ["e.workload", "workload"], ["e.actor", "actor"],
  ["e.actor_type", "actorType"], ["e.impersonated", "impersonated"], ["e.verb", "verb"], ["e.resource", "resource"],
  ["e.subresource", "subresource"], ["e.object_name", "objectName"], ["e.code", "code"], ["host(e.source_ip)", "sourceIp"],
];

export type ScanRow = MatchableEvent & {
  id: string;
  /** microsecond-exact timestamp text, for alert links */
  tsText: string;
  tsMs: number;
  /** which of the scan's conditions the row matched */
  m: boolean[];
};

/**
 * Scans ids in (fromId, toId]. `conditions` are compiled queries (over alias
 * e); a row is returned when one matches and its ts is at or after `matchFrom`.
 * `scanFrom` bounds ts for partition pruning.
 */
export async function scanEvents(
  client: PoolClient,
  p: { fromId: string; toId: string; scanFrom: Date; matchFrom: Date; conditions: Prisma.Sql[] },
): Promise<ScanRow[]> {
  if (p.conditions.length === 0 || BigInt(p.toId) <= BigInt(p.fromId)) return [];
  const cols = Prisma.raw(SCAN_COLUMNS.map(([sql], i) => `${sql} AS c${i}`).join(", "));
  const any = Prisma.join(p.conditions.map((c) => Prisma.sql`(${c})`), " OR ");
  const flags = Prisma.sql`ARRAY[${Prisma.join(p.conditions.map((c) => Prisma.sql`((${c}) IS TRUE)`), ", ")}]`;
  const sql = Prisma.sql`
    SELECT e.id::text AS id, to_char(e.ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ts_text,
           (extract(epoch from e.ts) * 1000)::float8 AS ts_ms, ${flags} AS m, ${cols}
    FROM events e
    WHERE e.id > ${p.fromId}::bigint AND e.id <= ${p.toId}::bigint AND e.ts >= ${p.scanFrom} AND e.ts >= ${p.matchFrom} AND (${any})
    ORDER BY e.ts, e.id`;
  const { rows } = await client.query<Record<string, unknown> & { id: string; ts_text: string; ts_ms: number; m: boolean[] }>(sql.text, sql.values as unknown[]);
  return rows.map((r) => {
    const row: ScanRow = { id: r.id, tsText: r.ts_text, tsMs: r.ts_ms, m: r.m, attributes: {} };
    SCAN_COLUMNS.forEach(([, prop], i) => (row[prop] = r[`c${i}`] ?? null));
    return row;
  });
}

/** The highest event id handed out so far (possibly not committed yet). */
export async function currentMaxEventId(client: PoolClient): Promise<string> {
  const { rows } = await client.query<{ v: string }>(`SELECT CASE WHEN is_called THEN last_value ELSE 0 END::text AS v FROM events_id_seq`);
  return rows[0]?.v ?? "0";
}
