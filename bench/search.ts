/**
 * `npm run bench:search -- [--events 1000000] [--runs 50] [--baseline-runs 3] [--lnav-cases a,b,c,d,e] [--fresh] [--no-baseline] [--load-only] [--resume-load] [--data-dir DIR]`
 *
 * Loads demo events (7 days, all layers, attack stories included) into an
 * embedded PostgreSQL with the project's migrations, then times, warm, over
 * `--runs` runs each: (a) 24 h + two field filters + one text term, first 200
 * rows; (b) its histogram; (c) its facets; (d) a rare term over 7 days;
 * (e) page 50 of (a) via the cursor — through the same lib functions the API
 * calls. Then the same searches the way an analyst without Crowsnest would
 * run them: ripgrep and lnav over the same events as NDJSON files (one per
 * day). Prints a table with p50/p95 and ratios and writes JSON to bench/out/.
 * A loaded database is kept in the data folder and reused by the next run
 * with the same --events (`--fresh` reloads).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { time, writeResults } from "./stats";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "../lib/db";
import { startEmbeddedPostgres } from "../lib/embedded-pg";
import { migrate } from "../lib/migrate";
import { loadSearchBench, resumeSearchBench, type LoadReport } from "./search-load";
import { benchQueries, RARE_TERM, type BenchCase } from "./search-queries";
import { baselineCases, type BaselineCase } from "./search-baseline";

const root = resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    runs: { type: "string", default: "50" },
    "baseline-runs": { type: "string", default: "3" },
    "data-dir": { type: "string" },
    fresh: { type: "boolean", default: false },
    "no-baseline": { type: "boolean", default: false },
    "load-only": { type: "boolean", default: false },
    /** finish a load whose COPYs completed but whose index builds were interrupted */
    "resume-load": { type: "boolean", default: false },
    /** lnav takes ~15 s per GB: at 10M events, time it on fewer cases */
    "lnav-cases": { type: "string", default: "a,b,c,d,e" },
  },
});
const total = Number(args.events);
const runs = Number(args.runs);
const dataDir = resolve(args["data-dir"] ?? join(tmpdir(), `crowsnest-bench-search-${total}`));
const log = (s: string) => console.log(`[bench] ${s}`);

type Marker = { events: number; now: number; seed: number; load: LoadReport };

async function main() {
  if (args.fresh && existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const markerFile = join(dataDir, "bench.json");
  let marker: Marker | null = existsSync(markerFile) ? JSON.parse(readFileSync(markerFile, "utf8")) : null;
  if (marker && marker.events !== total) throw new Error(`${dataDir} holds ${marker.events} events; use --fresh or another --data-dir`);
  log(`PostgreSQL in ${dataDir} …`);
  const pg = await startEmbeddedPostgres(dataDir);
  const db = createDb(pg.url, 4);
  try {
    try {
      await migrate(pg.url, join(root, "prisma", "migrations"));
    } catch (err) {
      // A migration edited since this database was loaded (work in progress elsewhere): the events table is what is timed.
      if ((!marker && !args["resume-load"]) || !/modified after it was applied/.test(String(err))) throw err;
      log(`warning: ${(err as Error).message}; timing the schema as loaded`);
    }
    if (!marker && args["resume-load"]) {
      log("resuming an interrupted load: missing indexes, attach, VACUUM ANALYZE …");
      const r = await resumeSearchBench(pg.url, log);
      const ndjsonDir = join(dataDir, "ndjson");
      r.report.ndjsonFiles = readdirSync(ndjsonDir).filter((f) => f.endsWith(".ndjson")).sort().map((f) => join(ndjsonDir, f));
      marker = { events: r.events, now: r.now, seed: 7, load: r.report };
      writeFileSync(markerFile, JSON.stringify(marker, null, 2));
    }
    if (!marker) {
      const now = Date.now();
      log(`loading ${total.toLocaleString("en-US")} demo events over 7 days (COPY, indexes built per day) …`);
      const load = await loadSearchBench(pg.url, { events: total, now, seed: 7, ndjsonDir: join(dataDir, "ndjson"), log });
      marker = { events: total, now, seed: 7, load };
      writeFileSync(markerFile, JSON.stringify(marker, null, 2));
      log(`loaded in ${(load.copySeconds + load.attachSeconds).toFixed(0)} s (+ ${load.analyzeSeconds.toFixed(0)} s VACUUM ANALYZE)`);
    } else log(`reusing ${total.toLocaleString("en-US")} events loaded ${new Date(marker.now).toISOString()}`);
    if (args["load-only"]) return;

    const now = marker.now;
    const cases: BenchCase[] = await benchQueries(db, now);
    const results: Record<string, unknown>[] = [];
    for (const c of cases) {
      log(`${c.id}: ${c.title} …`);
      const t = await time(c.run, runs);
      results.push({ case: c.id, what: c.title, query: c.query, rows: c.rows(), p50ms: t.p50, p95ms: t.p95, runs: t.runs, targetMs: c.targetMs(total) });
    }
    const baselines: BaselineCase[] = args["no-baseline"] ? [] : baselineCases(join(dataDir, "ndjson"), marker.load.ndjsonFiles, now);
    const baseRuns = Number(args["baseline-runs"]);
    const lnavCases = new Set(args["lnav-cases"].split(","));
    for (const b of baselines.filter((x) => x.tool !== "lnav" || lnavCases.has(x.id))) {
      const r = results.find((x) => x.case === b.id)!;
      log(`${b.id}: ${b.tool} …`);
      // ripgrep is timed warm (files in the page cache, as for the database); lnav re-reads and indexes every time anyway.
      const t = await time(async () => b.run(), baseRuns, b.tool === "rg");
      r[`${b.tool}P50ms`] = t.p50;
      r[`${b.tool}Rows`] = b.rows();
      r[`${b.tool}Ratio`] = +(t.p50 / (r.p95ms as number)).toFixed(1);
    }
    const load = loadavg().map((x) => +x.toFixed(1));
    console.log(`\n${total.toLocaleString("en-US")} events over 7 days; load average ${load.join(" ")} (2 cores, shared); Crowsnest p50/p95 over ${runs} warm runs; ripgrep/lnav p50 over ${baseRuns} runs; ratio = tool p50 / Crowsnest p95\n`);
    console.table(results.map(({ query: _q, what: _w, ...r }) => r));
    for (const r of results) console.log(`  ${r.case}: ${r.what} — q=${JSON.stringify(r.query)}`);
    const out = { events: total, loadAverage: load, loadedAt: new Date(now).toISOString(), rareTerm: RARE_TERM, load: marker.load, runs, baselineRuns: baseRuns, results };
    log(`wrote ${writeResults(root, `search-${total}`, out)}`);
  } finally {
    await db.pool.end();
    await pg.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
