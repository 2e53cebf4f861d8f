import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/errors";
import { FIELDS, resolveField } from "./query/fields";
import { run, timeRange, whereFor } from "./events";
import type { FacetsParams } from "./schemas";

/** The fields facets can count: keyword columns, plus the response code. */
export const FACETABLE_FIELDS = Object.keys(FIELDS).filter((f) => FIELDS[f].kind === "keyword" || f === "code");

/**
 * Up to this many matching events are counted exactly; above it the counts
 * come from a block sample of the time range, scaled up, so that facets of
 * "everything in the last 7 days" cost about what facets of 50,000 events do.
 */
export const FACET_EXACT_LIMIT = 50_000;

export type FacetValue = { value: string | null; count: number };
export type FacetsResult = { facets: Record<string, FacetValue[]>; total: number; sampled: boolean };

type Row = { g: number; n: string } & Record<string, string | null | number>;

/**
 * Top values of key fields among the events matching a query: one pass with
 * GROUPING SETS (one hash table per field), top `size` per field by a window
 * over the grouped rows. Null is a value too (events without a namespace…).
 */
export async function facets(db: Db, p: FacetsParams, opts: { exactLimit?: number } = {}): Promise<FacetsResult> {
  const exactLimit = opts.exactLimit ?? FACET_EXACT_LIMIT;
  if (p.fields.length === 0) throw new HttpError(400, "no fields to count");
  if (p.fields.length > 20) throw new HttpError(400, "at most 20 facet fields");
  const columns = p.fields.map((name) => {
    const f = resolveField(name);
    if (!f || f.kind !== "column" || !FACETABLE_FIELDS.includes(f.name)) {
      throw new HttpError(400, `'${name}' cannot be faceted`, undefined, undefined, { hint: `fields: ${FACETABLE_FIELDS.join(", ")}` });
    }
    return f.def.column;
  });
  const { from, to } = timeRange(p.from, p.to);
  const where = whereFor(p.q);

  // Exact over at most exactLimit + 1 matches: when the subquery is not cut short, these counts are the answer.
  const limited = Prisma.sql`SELECT ${projection(columns)} FROM events e WHERE e.ts >= ${from} AND e.ts <= ${to} AND ${where} LIMIT ${exactLimit + 1}`;
  const exact = await run<Row>(db, grouped(limited, columns, p.size));
  const total = matched(exact, columns.length);
  if (total <= exactLimit) return { facets: shape(p.fields, exact, 1), total, sampled: false };

  // Too many to count quickly: sample blocks so that about exactLimit rows of the range are read.
  const inRange = await estimateRows(db, from, to);
  const percent = Math.min(100, Math.max(0.01, (exactLimit / Math.max(inRange, 1)) * 100));
  const sample = Prisma.sql`SELECT ${projection(columns)} FROM events e TABLESAMPLE SYSTEM (${percent}::float8) REPEATABLE (7)
    WHERE e.ts >= ${from} AND e.ts <= ${to} AND ${where}`;
  const rows = await run<Row>(db, grouped(sample, columns, p.size));
  const scale = 100 / percent;
  const sampledTotal = Math.round(matched(rows, columns.length) * scale);
  // A sample can never show fewer matches than the exact pass already counted.
  return { facets: shape(p.fields, rows, scale), total: Math.max(sampledTotal, total), sampled: true };
}

// Column names come from the allow-list above, never from the request text.
function projection(columns: string[]): Prisma.Sql {
  return Prisma.raw(columns.map((c, i) => `e."${c}" AS c${i}`).join(", "));
}

function grouped(source: Prisma.Sql, columns: string[], size: number): Prisma.Sql {
  const cols = columns.map((_, i) => `c${i}`);
  // The empty set () adds one row with the number of matching events.
  const sets = Prisma.raw(cols.map((c) => `(${c})`).join(", ") + ", ()");
  const list = Prisma.raw(cols.join(", "));
  const asText = Prisma.raw(cols.map((c) => `${c}::text AS ${c}`).join(", "));
  return Prisma.sql`
    SELECT * FROM (
      SELECT GROUPING(${list}) AS g, ${asText}, count(*) AS n,
             row_number() OVER (PARTITION BY GROUPING(${list}) ORDER BY count(*) DESC, ${list}) AS rn
      FROM (${source}) m GROUP BY GROUPING SETS (${sets})
    ) t WHERE rn <= ${size}`;
}

/** GROUPING() sets bit (n-1-i) when column i is NOT grouped: the one cleared bit names the field. */
function fieldIndex(g: number, n: number): number {
  for (let i = 0; i < n; i++) if ((g & (1 << (n - 1 - i))) === 0) return i;
  return -1;
}

function shape(fields: string[], rows: Row[], scale: number): Record<string, FacetValue[]> {
  const out: Record<string, FacetValue[]> = Object.fromEntries(fields.map((f) => [f, []]));
  for (const r of rows) {
    const i = fieldIndex(Number(r.g), fields.length);
    if (i < 0) continue;
    out[fields[i]].push({ value: (r[`c${i}`] as string | null) ?? null, count: Math.round(Number(r.n) * scale) });
  }
  for (const f of fields) out[f].sort((a, b) => b.count - a.count);
  return out;
}

/** The row of the empty grouping set (every bit set) counts all matching events. */
function matched(rows: Row[], n: number): number {
  const all = (1 << n) - 1;
  const r = rows.find((x) => Number(x.g) === all);
  return r ? Number(r.n) : 0;
}

/** The planner's estimate of rows in the time range, from the partitions' statistics: planning only, no scan. */
async function estimateRows(db: Db, from: Date, to: Date): Promise<number> {
  const { rows } = await db.pool.query<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(
    "EXPLAIN (FORMAT JSON) SELECT 1 FROM events e WHERE e.ts >= $1 AND e.ts <= $2",
    [from, to],
  );
  return rows[0]["QUERY PLAN"][0].Plan["Plan Rows"];
}
