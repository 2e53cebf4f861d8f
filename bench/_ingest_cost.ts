// Temporary: the DB cost of the search migration's index on the real ingest pipeline (ingestEvents), before/after.
import { readdirSync, mkdtempSync, cpSync, rmSync, mkdirSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "../lib/db";
import { startEmbeddedPostgres } from "../lib/embedded-pg";
import { migrate } from "../lib/migrate";
import { generateDemo } from "../lib/demo/generate";
import { ingestEvents } from "../lib/ingest/pipeline";
import { resetPartitionCache } from "../lib/events/partitions";
import type { NormalizedEvent } from "../lib/events/types";

const events: NormalizedEvent[] = [];
for (const b of generateDemo({ events: 100_000, seed: 7 })) events.push(...b);
const migs = join(process.cwd(), "prisma", "migrations");
async function run(label: string, withMine: boolean) {
  resetPartitionCache();
  const dir = mkdtempSync(join(tmpdir(), "search-ingest-cost-"));
  chmodSync(dir, 0o755);
  const m = join(dir, "migrations");
  mkdirSync(m);
  for (const n of readdirSync(migs).filter((x) => /^\d{14}_/.test(x) && (withMine || x !== "20261127010000_saved_searches"))) cpSync(join(migs, n), join(m, n), { recursive: true });
  const pg = await startEmbeddedPostgres(join(dir, "db"));
  await migrate(pg.url, m);
  const db = createDb(pg.url, 4);
  const t0 = performance.now();
  // 4 batches of 1,000 in flight, as the HTTP bench's concurrency 4.
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < events.length) { const i = next; next += 1000; await ingestEvents(db, events.slice(i, i + 1000)); }
  }));
  const s = (performance.now() - t0) / 1000;
  console.log(`${label}: ${Math.round(events.length / s)} events/s (${s.toFixed(1)} s), load ${(await import("node:os")).loadavg()[0].toFixed(1)}`);
  await db.pool.end(); await pg.stop(); rmSync(dir, { recursive: true, force: true });
}
for (let r = 0; r < 2; r++) { await run(`before #${r + 1}`, false); await run(`after #${r + 1}`, true); }
