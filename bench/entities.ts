/**
 * `npm run bench:entities -- [--events 1000000] [--window-hours 168] [--runs 50] [--data-dir DIR] [--fresh]`
 *
 * Loads demo events (over 7 days by default, all layers, attack stories) into an embedded
 * PostgreSQL with the project's migrations — by COPY through the search
 * bench's loader (bench/search-load.ts), then the entity tables and rollups
 * are derived from them (lib/inventory/backfill.ts), since COPY bypasses
 * ingest. Then times, warm, over --runs runs each, the data of the cluster,
 * node and pod pages for the default 24 h range through the same lib
 * functions the API calls (the parallel requests a page makes, together),
 * and prints p50/p95. A loaded database is kept and reused by the next run
 * with the same --events (`--fresh` reloads).
 *
 * The pages read only their range (daily partitions outside it are pruned),
 * so what sets their cost is how many events fall in the 24 h range: the
 * density of N events over 7 days can be had with N × 26/168 events over
 * `--window-hours 26` when the disk cannot hold all N (10M ≈ 33 GB).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { time, writeResults } from "./stats";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDb, type Db } from "../lib/db";
import { startEmbeddedPostgres } from "../lib/embedded-pg";
import { migrate } from "../lib/migrate";
import { backfillInventory } from "../lib/inventory/backfill";
import { getClusterOverview, listClusters } from "../lib/inventory/clusters";
import { listNamespaces, listNodes } from "../lib/inventory/lists";
import { getNodeDetail } from "../lib/inventory/nodes";
import { getPodDetail, podTimeline } from "../lib/inventory/pods";
import { getCoverage } from "../lib/inventory/coverage-store";
import { NamespaceListParams, NodeListParams, PodTimelineParams } from "../lib/inventory/params";
import { loadSearchBench, type LoadReport } from "./search-load";

const root = resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    runs: { type: "string", default: "50" },
    "data-dir": { type: "string" },
    "window-hours": { type: "string", default: "168" },
    fresh: { type: "boolean", default: false },
    "load-only": { type: "boolean", default: false },
  },
});
const total = Number(args.events);
const runs = Math.max(50, Number(args.runs));
const windowHours = Number(args["window-hours"]);
const windowMs = windowHours * 3_600_000;
const dataDir = resolve(args["data-dir"] ?? join(tmpdir(), `crowsnest-bench-entities-${total}${windowHours === 168 ? "" : `-${windowHours}h`}`));
const log = (s: string) => console.log(`[bench] ${s}`);
const TARGET_P95_MS = 300;

type Marker = { events: number; windowHours?: number; now: number; seed: number; load: LoadReport };

/** The busiest node of the cluster (most pods), the log-heaviest pod and the pod of the stolen-token story. */
async function targets(db: Db) {
  const q = async <T>(sql: string, values: unknown[] = []) => (await db.pool.query(sql, values)).rows[0] as T;
  const cluster = "prod-eu-1";
  const node = await q<{ node: string }>("SELECT node FROM pods WHERE cluster = $1 AND node IS NOT NULL GROUP BY node ORDER BY count(*) DESC, node LIMIT 1", [cluster]);
  const chatty = await q<{ namespace: string; name: string }>(
    "SELECT namespace, name FROM pods WHERE cluster = $1 AND workload = 'ingress-nginx-controller' ORDER BY name LIMIT 1", [cluster]);
  const story = await q<{ namespace: string; pod: string }>(
    "SELECT namespace, pod FROM events WHERE cluster = $1 AND layer = 'audit' AND subresource = 'exec' AND code = 101 AND pod IS NOT NULL ORDER BY ts LIMIT 1", [cluster]);
  return { cluster, node: node.node, chatty: { cluster, namespace: chatty.namespace, pod: chatty.name }, story: { cluster, namespace: story.namespace, pod: story.pod } };
}

async function main() {
  if (args.fresh && existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const markerFile = join(dataDir, "bench.json");
  let marker: Marker | null = existsSync(markerFile) ? JSON.parse(readFileSync(markerFile, "utf8")) : null;
  if (marker && marker.events !== total) throw new Error(`${dataDir} holds ${marker.events} events; use --fresh or another --data-dir`);
  log(`PostgreSQL in ${dataDir} …`);
  const server = await startEmbeddedPostgres(dataDir);
  const db = createDb(server.url, 10);
  try {
    await migrate(server.url, join(root, "prisma", "migrations"));
    if (!marker) {
      const now = Date.now();
      log(`loading ${total.toLocaleString("en-US")} demo events over ${windowHours} h (COPY, indexes built per day) …`);
      // The loader also writes one NDJSON file per day for the search bench's ripgrep comparison
      // (~800 B per event: 8 GB at 10M). Not needed here: each day's file is a link to /dev/null.
      const ndjsonDir = join(dataDir, "ndjson");
      mkdirSync(ndjsonDir, { recursive: true });
      for (let d = now - 9 * 86_400_000; d <= now + 86_400_000; d += 86_400_000) {
        const file = join(ndjsonDir, `events-${new Date(d).toISOString().slice(0, 10)}.ndjson`);
        if (!existsSync(file)) symlinkSync("/dev/null", file);
      }
      const load = await loadSearchBench(server.url, { events: total, now, seed: 7, ndjsonDir, log, windowMs });
      rmSync(ndjsonDir, { recursive: true, force: true });
      log("deriving entity tables and rollups from the loaded events …");
      const bulk = new pg.Pool({ connectionString: server.url, max: 1 });
      try {
        await backfillInventory(bulk, log);
      } finally {
        await bulk.end();
      }
      marker = { events: total, windowHours, now, seed: 7, load };
      writeFileSync(markerFile, JSON.stringify(marker, null, 2));
      log(`loaded in ${(load.copySeconds + load.attachSeconds).toFixed(0)} s (+ ${load.analyzeSeconds.toFixed(0)} s VACUUM ANALYZE)`);
    } else log(`reusing ${total.toLocaleString("en-US")} events loaded ${new Date(marker.now).toISOString()}`);
    if (args["load-only"]) return;

    const now = marker.now;
    const range = { from: new Date(now - 86_400_000).toISOString(), to: new Date(now).toISOString() };
    const week = { from: new Date(now - 7 * 86_400_000).toISOString(), to: range.to };
    const total7d = Math.round((total * 168) / windowHours);
    const t = await targets(db);
    log(`cluster ${t.cluster}, node ${t.node}, pods ${t.chatty.namespace}/${t.chatty.pod} (log-heaviest) and ${t.story.namespace}/${t.story.pod} (exec story)`);
    const inRange = Number((await db.pool.query("SELECT count(*) FROM events WHERE ts >= $1 AND ts <= $2", [range.from, range.to])).rows[0].count);
    const lists = { nodes: NodeListParams.parse({}), namespaces: NamespaceListParams.parse({}) };
    const timeline = PodTimelineParams.parse({ ...range });

    // What each page requests from the API when it opens, in parallel as the browser does.
    const cases: { id: string; what: string; target: boolean; run: () => Promise<unknown> }[] = [
      { id: "cluster", what: `cluster page ${t.cluster}, 24 h (overview + nodes + namespaces)`, target: true,
        run: () => Promise.all([getClusterOverview(db, t.cluster, range, now), listNodes(db, t.cluster, lists.nodes), listNamespaces(db, t.cluster, lists.namespaces)]) },
      { id: "node", what: `node page ${t.node}, 24 h`, target: true, run: () => getNodeDetail(db, t.cluster, t.node, range, now) },
      { id: "pod", what: `pod page ${t.chatty.pod} (log-heaviest), 24 h (detail + first 200 of the timeline)`, target: true,
        run: () => Promise.all([getPodDetail(db, t.chatty, range, now), podTimeline(db, t.chatty, timeline, now)]) },
      { id: "pod-story", what: `pod page ${t.story.pod} (exec story), 24 h`, target: true,
        run: () => Promise.all([getPodDetail(db, t.story, range, now), podTimeline(db, t.story, timeline, now)]) },
      ...(windowHours >= 168 ? [{ id: "cluster-7d", what: `cluster page ${t.cluster}, 7 d`, target: false,
        run: () => Promise.all([getClusterOverview(db, t.cluster, week, now), listNodes(db, t.cluster, lists.nodes), listNamespaces(db, t.cluster, lists.namespaces)]) }] : []),
      { id: "clusters", what: "clusters page (3 clusters), 24 h", target: false, run: () => listClusters(db, range, now) },
      { id: "coverage", what: "coverage of all clusters", target: false, run: () => getCoverage(db, undefined, now) },
    ];
    const results = [];
    for (const c of cases) {
      log(`${c.id}: ${c.what} …`);
      const r = await time(c.run, runs);
      results.push({ case: c.id, p50ms: r.p50, p95ms: r.p95, maxMs: r.max, runs, targetP95ms: c.target ? TARGET_P95_MS : null, ok: c.target ? r.p95 <= TARGET_P95_MS : null });
    }
    const scale = windowHours === 168 ? "" : ` — the 24 h density of ${total7d.toLocaleString("en-US")} events over 7 days`;
    console.log(`\n${total.toLocaleString("en-US")} events over ${windowHours} h (${inRange.toLocaleString("en-US")} in the 24 h range${scale}); p50/p95 over ${runs} warm runs\n`);
    console.table(results);
    for (const c of cases) console.log(`  ${c.id}: ${c.what}`);
    const out = { events: total, windowHours, equivalentEventsOver7Days: total7d, eventsIn24h: inRange, loadedAt: new Date(now).toISOString(), load: marker.load, targets: t, runs, results };
    log(`wrote ${writeResults(root, `entities-${total7d}`, out)}`);
  } finally {
    await db.pool.end();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
