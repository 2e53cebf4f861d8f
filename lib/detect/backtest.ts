/**
 * "Would have fired N times in the last 24 h": a rule definition run as SQL
 * aggregates over stored events (before suppressions), with the events.
 */
import type { PoolClient } from "pg";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/errors";
import type { StoredEvent } from "@/lib/events/types";
import { compileWhere } from "@/lib/search/query/compile-sql";
import { resolveField } from "@/lib/search/query/fields";
import { parseQuery } from "@/lib/search/query/parse";
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from "@/lib/search/events";
import { jsonPath } from "@/lib/search/query/compile-sql";
import { keySql } from "./windowed/new-value";
import { slidingWindows, type TEv } from "./windowed/threshold";
import { DEFAULT_GROUP_BY, DEFAULT_WINDOW_MINUTES, type MatchDefinition, type NewValueDefinition, type RuleDefinition, type RuleKind, type SequenceDefinition, type ThresholdDefinition } from "./types";

export type BacktestResult = {
  /** alerts the rule would have raised */
  count: number;
  /** events that matched */
  matches: number;
  /** the newest matching events (at most 50) */
  events: StoredEvent[];
  from: string;
  to: string;
};

const SAMPLE = 50;

/** Group key text as groupKeyOf() builds it, for any field (attribute values joined by ','). */
function groupKeySql(fields: string[]): Prisma.Sql {
  const parts = fields.map((name) => {
    const f = resolveField(name);
    if (!f) throw new HttpError(400, `unknown field '${name}'`);
    if (f.kind === "attribute") {
      return Prisma.sql`coalesce((SELECT string_agg(j.v #>> '{}', ',') FROM jsonb_path_query(e.attributes, ${jsonPath(f.path)}::jsonpath) AS j(v) WHERE jsonb_typeof(j.v) NOT IN ('object', 'array', 'null')), '')`;
    }
    return Prisma.raw(f.def.kind === "inet" ? `coalesce(host(e."${f.def.column}"), '')` : `coalesce(e."${f.def.column}"::text, '')`);
  });
  return Prisma.sql`concat_ws('|', ${Prisma.join(parts, ", ")})`;
}

function where(q: string): Prisma.Sql {
  return compileWhere(parseQuery(q));
}

export async function backtestRule(db: Db, kind: RuleKind, definition: RuleDefinition, opts: { hours?: number; now?: number } = {}): Promise<BacktestResult> {
  const to = new Date(opts.now ?? Date.now());
  const from = new Date(to.getTime() - (opts.hours ?? 24) * 3_600_000);
  let counts: Prisma.Sql;
  let sample: Prisma.Sql;
  if (kind === "threshold") return backtestThreshold(db, definition as ThresholdDefinition, from, to);
  if (kind === "match") {
    const d = definition as MatchDefinition;
    const W = (d.windowMinutes ?? DEFAULT_WINDOW_MINUTES) * 60;
    const key = groupKeySql(d.groupBy?.length ? d.groupBy : DEFAULT_GROUP_BY);
    const m = Prisma.sql`SELECT e.id, e.ts, ${key} AS k,
      to_timestamp(floor(extract(epoch from e.ts) / ${W}) * ${W}) AS b FROM events e WHERE e.ts >= ${from} AND e.ts <= ${to} AND (${where(d.query)})`;
    counts = Prisma.sql`WITH m AS (${m}) SELECT (SELECT count(*) FROM (SELECT DISTINCT m.k, m.b FROM m) g)::int AS alerts, (SELECT count(*) FROM m)::int AS matches`;
    sample = Prisma.sql`WITH m AS (${m}) SELECT m.id, m.ts FROM m ORDER BY m.ts DESC LIMIT ${SAMPLE}`;
  } else if (kind === "new-value") {
    const d = definition as NewValueDefinition;
    const W = (d.windowMinutes ?? DEFAULT_WINDOW_MINUTES) * 60;
    const baselineFrom = new Date(from.getTime() - (d.baselineHours ?? 24) * 3_600_000);
    const m = Prisma.sql`SELECT e.id, e.ts, ${keySql(d.fields)} AS k FROM events e WHERE e.ts >= ${baselineFrom} AND e.ts <= ${to} AND (${where(d.query)})`;
    const f = Prisma.sql`SELECT m.k, min(m.ts) AS first FROM m GROUP BY m.k HAVING min(m.ts) >= ${from}`;
    const inWin = Prisma.sql`m.k = f.k AND m.ts < to_timestamp(floor(extract(epoch from f.first) / ${W}) * ${W} + ${W})`;
    counts = Prisma.sql`WITH m AS (${m}), f AS (${f}) SELECT (SELECT count(*) FROM f)::int AS alerts, (SELECT count(*) FROM m JOIN f ON ${inWin})::int AS matches`;
    sample = Prisma.sql`WITH m AS (${m}), f AS (${f}) SELECT m.id, m.ts FROM m JOIN f ON ${inWin} ORDER BY m.ts DESC LIMIT ${SAMPLE}`;
  } else if (kind === "sequence") {
    const d = definition as SequenceDefinition;
    const T = d.withinMinutes * 60;
    const W = (d.windowMinutes ?? DEFAULT_WINDOW_MINUTES) * 60;
    const key = keySql(d.joinOn);
    const ab = Prisma.sql`a AS (SELECT e.id, e.ts, ${key} AS k FROM events e WHERE e.ts >= ${from} AND e.ts <= ${to} AND (${where(d.first)})),
      b AS (SELECT e.id, e.ts, ${key} AS k FROM events e WHERE e.ts >= ${from} AND e.ts <= ${new Date(to.getTime() + T * 1000)} AND (${where(d.then)})),
      p AS (SELECT a.id AS aid, a.ts AS ats, b.id AS bid, b.ts AS bts, a.k FROM a JOIN b ON a.k = b.k AND b.ts >= a.ts AND b.ts <= a.ts + make_interval(secs => ${T}) AND b.id <> a.id)`;
    counts = Prisma.sql`WITH ${ab} SELECT count(DISTINCT (p.k, floor(extract(epoch from p.ats) / ${W})))::int AS alerts,
      (SELECT count(*) FROM (SELECT aid FROM p UNION SELECT bid FROM p) x)::int AS matches FROM p`;
    sample = Prisma.sql`WITH ${ab} SELECT x.id, x.ts FROM (SELECT aid AS id, ats AS ts FROM p UNION SELECT bid, bts FROM p) x ORDER BY x.ts DESC LIMIT ${SAMPLE}`;
  } else {
    throw new HttpError(400, "a silence rule has no events to backtest: it fires when a layer stops sending");
  }
  // Microseconds as text: a JS Date would round the stored time and miss the event.
  const refsSql = Prisma.sql`SELECT s.id::text AS id, (extract(epoch from s.ts) * 1000000)::bigint::text AS us FROM (${sample}) s`;
  return readOnly(db, async (client) => {
    const c = (await client.query<{ alerts: number; matches: number }>(counts.text, counts.values as unknown[])).rows[0];
    const refs = (await client.query<{ id: string; us: string }>(refsSql.text, refsSql.values as unknown[])).rows;
    return { count: c.alerts, matches: c.matches, events: await eventsByUs(client, refs), from: from.toISOString(), to: to.toISOString() };
  });
}

type Client = PoolClient;

/** A backtest is an analyst's question, not ingest: read-only, and given up rather than load the database for long. */
async function readOnly<T>(db: Db, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN READ ONLY");
    await client.query("SET LOCAL statement_timeout = '20s'");
    const out = await fn(client);
    await client.query("COMMIT");
    return out;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    if ((err as { code?: string }).code === "57014") throw new HttpError(400, "the backtest took longer than 20 s: narrow the query (a layer, a verb, a resource) and try again");
    throw err;
  } finally {
    client.release();
  }
}

async function eventsByUs(client: Client, refs: { id: string; us: string }[]): Promise<StoredEvent[]> {
  if (!refs.length) return [];
  const ev = Prisma.sql`SELECT ${EVENT_COLUMNS} FROM events e JOIN unnest(${refs.map((r) => r.id)}::bigint[], ${refs.map((r) => r.us)}::bigint[]) AS k(id, us)
    ON e.id = k.id AND e.ts = timestamptz 'epoch' + k.us * interval '1 microsecond' ORDER BY e.ts DESC, e.id DESC`;
  return (await client.query<EventRow>(ev.text, ev.values as unknown[])).rows.map(toStoredEvent);
}

/** More matches than this and a threshold backtest asks for a narrower query (they are windowed in memory). */
const MAX_THRESHOLD_ROWS = 500_000;

/** Threshold rules slide their windows (windowed/threshold.ts); the backtest runs the same function over the matches. */
async function backtestThreshold(db: Db, d: ThresholdDefinition, from: Date, to: Date): Promise<BacktestResult> {
  const key = groupKeySql(d.groupBy?.length ? d.groupBy : DEFAULT_GROUP_BY);
  const dv = d.distinct ? groupKeySql([d.distinct]) : Prisma.sql`NULL::text`;
  const q = Prisma.sql`SELECT e.id::text AS id, (extract(epoch from e.ts) * 1000000)::bigint::text AS us, ${key} AS k, ${dv} AS dv
    FROM events e WHERE e.ts >= ${from} AND e.ts <= ${to} AND (${where(d.query)}) ORDER BY 3, e.ts LIMIT ${MAX_THRESHOLD_ROWS + 1}`;
  return readOnly(db, async (client) => {
    const { rows } = await client.query<{ id: string; us: string; k: string; dv: string | null }>(q.text, q.values as unknown[]);
    if (rows.length > MAX_THRESHOLD_ROWS) throw new HttpError(400, `more than ${MAX_THRESHOLD_ROWS.toLocaleString("en-US")} events match in the range: narrow the query to backtest this threshold rule`);
    const byKey = new Map<string, TEv[]>();
    for (const r of rows) {
      const list = byKey.get(r.k) ?? [];
      list.push([r.id, r.us, Number(BigInt(r.us) / 1000n), d.distinct ? r.dv || null : null]);
      byKey.set(r.k, list);
    }
    let alerts = 0;
    const matched: TEv[] = [];
    for (const list of byKey.values()) {
      for (const w of slidingWindows(list, d.windowMinutes * 60_000, d.threshold, !!d.distinct).windows) {
        alerts++;
        matched.push(...w.events);
      }
    }
    const newest = matched.sort((a, b) => b[2] - a[2]).slice(0, SAMPLE).map((e) => ({ id: e[0], us: e[1] }));
    return { count: alerts, matches: matched.length, events: await eventsByUs(client, newest), from: from.toISOString(), to: to.toISOString() };
  });
}
