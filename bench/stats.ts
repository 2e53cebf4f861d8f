/** Timing helpers shared by the benches: one percentile definition, one timing loop, one place results are written. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Nearest-rank percentile of ascending-sorted values. */
export function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Runs `fn` n times (after one untimed warm-up run unless `warm` is false) and reports p50/p95/max in ms. */
export async function time(fn: () => Promise<unknown>, n: number, warm = true): Promise<{ p50: number; p95: number; max: number; runs: number }> {
  if (warm) await fn(); // plans, caches
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: +pct(ms, 50).toFixed(1), p95: +pct(ms, 95).toFixed(1), max: +ms[ms.length - 1].toFixed(1), runs: n };
}

/** Writes a bench's results to bench/out/<name>-<timestamp>.json and returns the path. */
export function writeResults(root: string, name: string, out: unknown): string {
  mkdirSync(join(root, "bench", "out"), { recursive: true });
  const file = join(root, "bench", "out", `${name}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(out, null, 2));
  return file;
}
