/**
 * Loading demo data into a Crowsnest database through the normal ingest
 * pipeline (dedup, entities, detection), so the demo exercises the same path
 * real shippers do. Used by `npm run demo` and `npm start -- --demo`.
 */
import type { Db } from "@/lib/db";
import { ingestEvents } from "@/lib/ingest/pipeline";
import { generateDemo, type DemoOptions } from "./generate";

export { generateDemo, DAY_MS, MAX_DEMO_EVENTS, STORY_MIN_EVENTS, type DemoOptions } from "./generate";

export type LoadOptions = DemoOptions & { onProgress?(done: number, total: number): void };
export type LoadResult = { events: number; ms: number; accepted: number; duplicates: number };

export async function loadDemo(db: Db, opts: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  const total = Math.floor(opts.events);
  let done = 0;
  let accepted = 0;
  let duplicates = 0;
  let pending: Promise<void> | null = null;
  // One batch is stored while the next is generated: generation is CPU work in
  // this process and storing is mostly the database's, so they overlap. Never
  // more than one ingest in flight, so batches commit in time order.
  for (const batch of generateDemo(opts)) {
    if (pending) await pending;
    pending = ingestEvents(db, batch).then((r) => {
      accepted += r.accepted;
      duplicates += r.duplicates;
      done += batch.length;
      opts.onProgress?.(done, total);
    });
  }
  if (pending) await pending;
  return { events: done, ms: performance.now() - started, accepted, duplicates };
}

export type RunOptions = LoadOptions & { log?: (line: string) => void };

/**
 * loadDemo with progress on the terminal (unless the caller passes its own
 * onProgress) and a closing summary line.
 */
export async function runDemo(db: Db, opts: RunOptions): Promise<LoadResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  let lastPrint = 0;
  const onProgress =
    opts.onProgress ??
    ((done: number, total: number) => {
      const t = performance.now();
      if (done < total && t - lastPrint < 1_000) return;
      lastPrint = t;
      log(`  ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} events (${Math.round((done / Math.max(total, 1)) * 100)}%)`);
    });
  const r = await loadDemo(db, { ...opts, onProgress });
  const sec = r.ms / 1000;
  log(
    `loaded ${r.events.toLocaleString("en-US")} demo events in ${sec.toFixed(1)} s (${Math.round(r.events / Math.max(sec, 0.001)).toLocaleString("en-US")} events/s)` +
      (r.duplicates ? `, ${r.duplicates.toLocaleString("en-US")} already present` : ""),
  );
  return r;
}
