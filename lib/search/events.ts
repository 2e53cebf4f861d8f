import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StoredEvent } from "@/lib/events/types";
import { HttpError } from "@/lib/http/errors";
import { parseQuery } from "./query/parse";
import { compileWhere } from "./query/compile-sql";
import { QuerySyntaxError } from "./query/ast";
import { parseTime } from "./time";
import type { EventSearchParams, HistogramParams, StackBy } from "./schemas";


/** The columns toStoredEvent reads, from `events e`. */
export const EVENT_COLUMNS = Prisma.sql`e.id, e.ts, (extract(epoch from e.ts) * 1000000)::bigint AS ts_us, e.received_at, e.cluster, e.layer, e.source, e.severity,
  e.node, e.namespace, e.pod, e.container, e.workload, e.actor, e.actor_type, e.impersonated, e.verb, e.resource,
  e.subresource, e.object_name, e.code, host(e.source_ip) AS source_ip, e.message, e.attributes, e.flags`;

export type EventRow = {
  id: string; ts: Date; ts_us: string; received_at: Date; cluster: string; layer: StoredEvent["layer"]; source: string;
  severity: StoredEvent["severity"]; node: string | null; namespace: string | null; pod: string | null; container: string | null;
  workload: string | null; actor: string | null; actor_type: string | null; impersonated: string | null; verb: string | null;
  resource: string | null; subresource: string | null; object_name: string | null; code: number | null; source_ip: string | null;
  message: string; attributes: Record<string, unknown>; flags: string[] | null;
};

export function toStoredEvent(r: EventRow): StoredEvent {
  return {
    id: String(r.id), ts: usToIso(r.ts_us), receivedAt: r.received_at.toISOString(), cluster: r.cluster, layer: r.layer,
    source: r.source, severity: r.severity, node: r.node, namespace: r.namespace, pod: r.pod, container: r.container,
    workload: r.workload, actor: r.actor, actorType: r.actor_type, impersonated: r.impersonated, verb: r.verb,
    resource: r.resource, subresource: r.subresource, objectName: r.object_name, code: r.code, sourceIp: r.source_ip,
    message: r.message, attributes: r.attributes, flags: r.flags ?? [],
  };
}

/** Microsecond-exact ISO string (JS Dates keep only milliseconds). */
export function usToIso(us: string | bigint): string {
  const big = BigInt(us);
  const ms = big / 1000n;
  const micro = Number(((big % 1000n) + 1000n) % 1000n);
  return new Date(Number(ms)).toISOString().replace("Z", String(micro).padStart(3, "0") + "Z");
}

/** A microsecond-exact timestamp parameter (a float division would round). */
export function tsParam(us: string | bigint): Prisma.Sql {
  return Prisma.sql`${usToIso(us)}::timestamptz`;
}

export async function run<T>(db: Db, sql: Prisma.Sql): Promise<T[]> {
  const { rows } = await db.pool.query(sql.text, sql.values as unknown[]);
  return rows as T[];
}

/** Parses and compiles a query; syntax errors become 400 with position and hint. */
export function whereFor(q: string): Prisma.Sql {
  // PostgreSQL text cannot hold NUL: as a bind parameter it would be a database error, so it is a syntax error here.
  const nul = q.indexOf("\u0000");
  if (nul >= 0) throw new HttpError(400, "the query contains a NUL character", undefined, undefined, { position: nul, hint: "remove it" });
  try {
    return compileWhere(parseQuery(q));
  } catch (err) {
    if (err instanceof QuerySyntaxError) throw new HttpError(400, err.message, undefined, undefined, { position: err.position, hint: err.hint });
    throw err;
  }
}

export function timeRange(from: string, to: string, now = Date.now()): { from: Date; to: Date } {
  const f = parseTime(from, now);
  const t = parseTime(to, now);
  if (!f || !t) throw new HttpError(400, "invalid time range");
  if (f > t) throw new HttpError(400, "'from' is after 'to'");
  return { from: f, to: t };
}

type Cursor = { tsUs: string; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.tsUs}:${c.id}`).toString("base64url");
}

export function decodeCursor(s: string): Cursor {
  const m = Buffer.from(s, "base64url").toString().match(/^(-?\d{1,20}):(\d{1,20})$/);
  if (!m) throw new HttpError(400, "invalid cursor");
  return { tsUs: m[1], id: m[2] };
}

/** Newest first, keyset-paginated on (ts, id): page N costs the same as page 1. */
export async function searchEvents(db: Db, p: EventSearchParams): Promise<{ events: StoredEvent[]; nextCursor: string | null }> {
  const { from, to } = timeRange(p.from, p.to);
  const where = whereFor(p.q);
  const c = p.cursor ? decodeCursor(p.cursor) : null;
  // The plain bound on ts prunes partitions and lets the time index start at the cursor.
  const after = c ? Prisma.sql`AND e.ts <= ${tsParam(c.tsUs)} AND (e.ts, e.id) < (${tsParam(c.tsUs)}, ${c.id}::bigint)` : Prisma.empty;
  const rows = await run<EventRow>(db, Prisma.sql`
    SELECT ${EVENT_COLUMNS} FROM events e
    WHERE e.ts >= ${from} AND e.ts <= ${to} ${after} AND ${where}
    ORDER BY e.ts DESC, e.id DESC LIMIT ${p.limit + 1}`);
  const page = rows.slice(0, p.limit);
  const last = page[page.length - 1];
  return {
    events: page.map(toStoredEvent),
    nextCursor: rows.length > p.limit && last ? encodeCursor({ tsUs: String(last.ts_us), id: String(last.id) }) : null,
  };
}

export async function getEvent(db: Db, id: string): Promise<StoredEvent | null> {
  if (!/^\d{1,19}$/.test(id)) return null;
  const rows = await run<EventRow>(db, Prisma.sql`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = ${id}::bigint LIMIT 1`);
  return rows[0] ? toStoredEvent(rows[0]) : null;
}

export async function getEventsByIds(db: Db, refs: { id: string; ts: Date }[]): Promise<StoredEvent[]> {
  if (refs.length === 0) return [];
  const rows = await run<EventRow>(db, Prisma.sql`
    SELECT ${EVENT_COLUMNS} FROM events e
    JOIN unnest(${refs.map((r) => r.id)}::bigint[], ${refs.map((r) => r.ts)}::timestamptz[]) AS k(id, ts)
      -- Refs carry Dates (milliseconds); stored times have microseconds: match within the millisecond.
      ON e.id = k.id AND e.ts >= k.ts AND e.ts < k.ts + interval '1 millisecond'
    ORDER BY e.ts DESC, e.id DESC`);
  return rows.map(toStoredEvent);
}

const NICE_INTERVALS_S = [1, 5, 10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800];

export function bucketSeconds(rangeMs: number, target = 100): number {
  const ideal = rangeMs / 1000 / target;
  return NICE_INTERVALS_S.find((s) => s >= ideal) ?? NICE_INTERVALS_S[NICE_INTERVALS_S.length - 1];
}

export type HistogramBucket = { ts: string; total: number; byLayer: Record<string, number>; bySeverity: Record<string, number> };

/**
 * Counts per time bucket (about `buckets` of them, at a round interval),
 * stacked by layer or severity: the map named by `stack` is filled, the
 * other left empty. Grouping by one column only lets PostgreSQL answer an
 * unfiltered layer histogram from the (layer, ts) index alone.
 */
export async function histogram(
  db: Db,
  p: HistogramParams & { stack?: StackBy },
): Promise<{ from: string; to: string; intervalMs: number; stack: StackBy; buckets: HistogramBucket[] }> {
  const { from, to } = timeRange(p.from, p.to);
  const where = whereFor(p.q);
  const stack: StackBy = p.stack ?? "layer";
  const secs = bucketSeconds(to.getTime() - from.getTime(), p.buckets);
  const origin = new Date(Math.floor(from.getTime() / (secs * 1000)) * secs * 1000);
  const key = stack === "layer" ? Prisma.sql`e.layer` : Prisma.sql`e.severity`;
  const rows = await run<{ b: Date; k: string; n: string }>(db, Prisma.sql`
    SELECT date_bin(make_interval(secs => ${secs}), e.ts, ${origin}::timestamptz) AS b, ${key} AS k, count(*) AS n
    FROM events e WHERE e.ts >= ${from} AND e.ts <= ${to} AND ${where}
    GROUP BY 1, 2`);
  const map = new Map<number, HistogramBucket>();
  for (let t = origin.getTime(); t <= to.getTime(); t += secs * 1000) {
    map.set(t, { ts: new Date(t).toISOString(), total: 0, byLayer: {}, bySeverity: {} });
  }
  for (const r of rows) {
    const b = map.get(r.b.getTime());
    if (!b) continue;
    const m = stack === "layer" ? b.byLayer : b.bySeverity;
    m[r.k] = (m[r.k] ?? 0) + Number(r.n);
    b.total += Number(r.n);
  }
  return { from: from.toISOString(), to: to.toISOString(), intervalMs: secs * 1000, stack, buckets: [...map.values()] };
}
