/**
 * The searches the bench times, run through the same lib functions the API
 * routes call (parse → compile → SQL), against absolute time ranges relative
 * to when the data was loaded.
 */
import type { Db } from "../lib/db";
import { histogram, searchEvents } from "../lib/search/events";
import { facets } from "../lib/search/facets";
import { FacetsParams } from "../lib/search/schemas";

/** In the demo only the SSH brute-force story logs "[preauth]": a handful of events in 7 days. */
export const RARE_TERM = "preauth";
export const QUERY_A = "cluster:prod-eu-1 namespace:payments settlement";
/** (e) pages through something broad enough to have 50 pages of 200 at 1M events. */
export const QUERY_E = "cluster:prod-eu-1 layer:container";
export const PAGE = 200;

export type BenchCase = {
  id: string;
  title: string;
  query: string;
  run: () => Promise<unknown>;
  rows: () => number;
  targetMs: (events: number) => number | null;
};

const iso = (ms: number) => new Date(ms).toISOString();

export function ranges(now: number) {
  return { dayFrom: iso(now - 86_400_000), weekFrom: iso(now - 7 * 86_400_000 - 60_000), to: iso(now) };
}

export async function benchQueries(db: Db, now: number): Promise<BenchCase[]> {
  const { dayFrom, weekFrom, to } = ranges(now);
  const a = { q: QUERY_A, from: dayFrom, to, limit: PAGE };
  let rowsA = 0;
  let rowsB = 0;
  let rowsC = 0;
  let rowsD = 0;
  let rowsE = 0;

  // The cursor for page 50 is found once by paging; the timed call is the one request a browser makes for that page.
  let cursor: string | null = null;
  for (let page = 1; page < 50; page++) {
    const r: Awaited<ReturnType<typeof searchEvents>> = await searchEvents(db, { q: QUERY_E, from: dayFrom, to, limit: PAGE, cursor: cursor ?? undefined });
    cursor = r.nextCursor;
    if (!cursor) throw new Error(`'${QUERY_E}' has fewer than 50 pages of ${PAGE} in 24 h`);
  }
  const page50 = cursor!;

  return [
    {
      id: "a", title: "24 h, two field filters + a text term, first 200 rows", query: QUERY_A,
      run: async () => (rowsA = (await searchEvents(db, a)).events.length), rows: () => rowsA,
      targetMs: (n) => (n <= 1_000_000 ? 50 : 250),
    },
    {
      id: "b", title: "histogram of (a), ~100 buckets stacked by layer", query: QUERY_A,
      run: async () => (rowsB = (await histogram(db, { q: QUERY_A, from: dayFrom, to, buckets: 100, stack: "layer" })).buckets.reduce((s, b) => s + b.total, 0)),
      rows: () => rowsB, targetMs: (n) => (n <= 1_000_000 ? 50 : 250),
    },
    {
      id: "c", title: "facets of (a), 10 key fields, top 10", query: QUERY_A,
      run: async () => (rowsC = (await facets(db, FacetsParams.parse({ q: QUERY_A, from: dayFrom, to }))).total),
      rows: () => rowsC, targetMs: (n) => (n <= 1_000_000 ? null : 250),
    },
    {
      id: "d", title: `rare term '${RARE_TERM}' over 7 days`, query: RARE_TERM,
      run: async () => (rowsD = (await searchEvents(db, { q: RARE_TERM, from: weekFrom, to, limit: PAGE })).events.length),
      rows: () => rowsD, targetMs: (n) => (n <= 1_000_000 ? null : 1000),
    },
    {
      id: "e", title: "page 50 (rows 9,801–10,000) via the cursor", query: QUERY_E,
      run: async () => (rowsE = (await searchEvents(db, { q: QUERY_E, from: dayFrom, to, limit: PAGE, cursor: page50 })).events.length),
      rows: () => rowsE, targetMs: (n) => (n <= 1_000_000 ? null : 250),
    },
  ];
}
