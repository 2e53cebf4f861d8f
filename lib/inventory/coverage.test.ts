import { describe, expect, it } from "vitest";
import { COVERAGE_WEIGHTS, coverageOf, DEFAULT_SILENCE_MINUTES } from "./coverage";

const NOW = Date.parse("2026-11-27T12:00:00Z");
const ago = (min: number) => new Date(NOW - min * 60_000);

describe("coverageOf", () => {
  it("weights sum to one", () => {
    expect(Object.values(COVERAGE_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it("all five layers recent: score 100, nothing silent or missing", () => {
    const c = coverageOf({ audit: ago(1), "k8s-event": ago(2), container: ago(0), node: ago(14), runtime: ago(5) }, {}, NOW);
    expect(c).toMatchObject({ score: 100, reporting: 5, silent: [], missing: [] });
    expect(c.layers.every((l) => l.thresholdMinutes === DEFAULT_SILENCE_MINUTES)).toBe(true);
  });

  it("a layer past its threshold is silent and loses its weight; a layer never seen is missing", () => {
    const c = coverageOf({ audit: ago(1), container: ago(1), node: ago(1), runtime: ago(16) }, {}, NOW);
    expect(c.silent).toEqual(["runtime"]);
    expect(c.missing).toEqual(["k8s-event"]);
    expect(c.reporting).toBe(3);
    expect(c.score).toBe(60); // audit 30 + container 15 + node 15
    const runtime = c.layers.find((l) => l.layer === "runtime")!;
    expect(runtime).toMatchObject({ status: "silent", silentForMs: 16 * 60_000, lastSeen: ago(16).toISOString() });
    expect(c.layers.find((l) => l.layer === "k8s-event")).toMatchObject({ status: "missing", lastSeen: null, silentForMs: null });
  });

  it("per-layer thresholds move the line; exactly at the threshold still reports", () => {
    const seen = { audit: ago(15), runtime: ago(45) };
    expect(coverageOf(seen, {}, NOW).silent).toEqual(["runtime"]);
    expect(coverageOf(seen, { runtime: 60 }, NOW).silent).toEqual([]);
    expect(coverageOf(seen, { audit: 10 }, NOW).silent).toEqual(["audit", "runtime"]);
  });

  it("invalid thresholds fall back to the default", () => {
    const c = coverageOf({ audit: ago(20) }, { audit: 0, runtime: -5, node: 1.5, container: 1e9 }, NOW);
    expect(c.layers.map((l) => l.thresholdMinutes)).toEqual([15, 15, 15, 15, 15]);
    expect(c.silent).toEqual(["audit"]);
  });

  it("accepts ISO strings and epoch ms; future times count as now", () => {
    const c = coverageOf({ audit: ago(3).toISOString(), node: NOW - 60_000, runtime: new Date(NOW + 3_600_000) }, {}, NOW);
    expect(c.layers.find((l) => l.layer === "runtime")).toMatchObject({ status: "reporting", silentForMs: 0 });
    expect(c.reporting).toBe(3);
  });
});
