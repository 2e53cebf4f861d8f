/**
 * `npm run bench:ingest -- [--events 200000] [--batch 1000] [--concurrency 4] [--no-rules]`
 *
 * Starts Crowsnest (`scripts/start.ts`, i.e. `next start` on a fresh embedded
 * PostgreSQL in a temp folder), posts generated demo events (all five layers,
 * in their native wire formats, to their endpoints) over HTTP with
 * concurrency, and prints end-to-end events/s, p50/p95 batch latency and the
 * server's peak RSS — then COPYs the same rows into the same table for
 * comparison. The load generator runs on the same 2 cores.
 */
import { spawn } from "node:child_process";
import { pct, writeResults } from "./stats";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { from as copyFrom } from "pg-copy-streams";
import { createDb } from "../lib/db";
import { createIngestToken } from "../lib/auth/tokens";
import { generateDemo } from "../lib/demo/generate";
import { freePort } from "../lib/embedded-pg";
import type { NormalizedEvent } from "../lib/events/types";
import { wireBatches, type WireBatch } from "./wire";
import { COPY_COLUMNS, copyLine } from "./copy-events";

const root = resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "200000" },
    batch: { type: "string", default: "1000" },
    concurrency: { type: "string", default: "4" },
    "no-rules": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const total = Number(args.events);
const batchSize = Number(args.batch);
const concurrency = Number(args.concurrency);

function descendants(pid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    try {
      const ppid = Number(readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1].split(" ")[1]);
      if (ppid === pid) out.push(Number(d), ...descendants(Number(d)));
    } catch {
      /* process went away */
    }
  }
  return out;
}

function peakRssMb(pid: number): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+) kB/);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "crowsnest-bench-"));
  const port = await freePort();
  console.log(`[bench] starting Crowsnest on :${port} (data in ${dataDir}) …`);
  const server = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/start.ts", "--port", String(port)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: "", CROWSNEST_DATA_DIR: dataDir, CROWSNEST_INGEST_RPS: "100000", CROWSNEST_ADMIN_PASSWORD: "bench-password-123" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error("server did not come up");
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const { url } = JSON.parse(readFileSync(join(dataDir, "server.json"), "utf8"));
  const db = createDb(url, 2);
  if (args["no-rules"]) await db.pool.query("UPDATE rules SET enabled = false");
  const { token } = await createIngestToken(db, { cluster: "bench" });

  console.log(`[bench] generating ${total} events …`);
  const events: NormalizedEvent[] = [];
  for (const b of generateDemo({ events: total, seed: 7 })) events.push(...b);
  const batches: WireBatch[] = wireBatches(events, batchSize);
  const bytes = batches.reduce((s, b) => s + b.body.length, 0);
  console.log(`[bench] ${batches.length} batches, ${(bytes / total).toFixed(0)} B/event on the wire`);

  const latencies: number[] = [];
  let accepted = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches.length) {
        const b = batches[next++];
        const s = performance.now();
        const r = await fetch(`${base}${b.path}`, { method: "POST", body: b.body, headers: { authorization: `Bearer ${token}`, "content-type": b.contentType } });
        const body = (await r.json()) as { accepted?: number; partialSuccess?: unknown };
        if (!r.ok) throw new Error(`${b.path} → ${r.status} ${JSON.stringify(body)}`);
        accepted += body.accepted ?? b.count;
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const stored = Number((await db.pool.query("SELECT count(*) FROM events")).rows[0].count);
  const serverPids = descendants(server.pid!);
  const rss = Math.max(...serverPids.map(peakRssMb).filter((x) => !Number.isNaN(x)));

  // The same rows, COPYed straight into the same table (with fresh hashes so they are new rows).
  const copySeconds = await rawCopy(db, events);
  latencies.sort((a, b) => a - b);
  const result = {
    events: total,
    stored,
    batchSize,
    concurrency,
    rules: !args["no-rules"],
    seconds: +seconds.toFixed(2),
    eventsPerSecond: Math.round(accepted / seconds),
    p50ms: +pct(latencies, 50).toFixed(1),
    p95ms: +pct(latencies, 95).toFixed(1),
    serverPeakRssMb: Math.round(rss),
    rawCopyEventsPerSecond: Math.round(total / copySeconds),
    ratioToCopy: +(accepted / seconds / (total / copySeconds)).toFixed(2),
  };
  console.table(result);
  writeResults(root, "ingest", result);
  await db.pool.end();
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  if (!process.argv.includes("--keep")) rmSync(dataDir, { recursive: true, force: true });
}

async function rawCopy(db: ReturnType<typeof createDb>, events: NormalizedEvent[]): Promise<number> {
  const client = await db.pool.connect();
  try {
    const t0 = performance.now();
    const stream = client.query(copyFrom(`COPY events (${COPY_COLUMNS}) FROM STDIN`));
    const chunk = 5000;
    async function* lines() {
      for (let i = 0; i < events.length; i += chunk) yield events.slice(i, i + chunk).map((e, k) => copyLine(e, createHash("sha256").update(`copy-${i + k}-${Date.now()}`).digest("hex"))).join("");
    }
    await pipeline(Readable.from(lines()), stream);
    return (performance.now() - t0) / 1000;
  } finally {
    client.release();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
