import { describe, expect, it } from "vitest";
import { evaluateSequence, LATENESS_MS, type WindowedRule } from "./evaluate";
import { evaluateThreshold } from "./threshold";
import type { ScanRow } from "./scan";

const rule: WindowedRule = { id: "t", name: "T", severity: "high", suppressions: [] };
const MIN = 60_000;
const base = Math.floor(Date.now() / (5 * MIN)) * 5 * MIN - 20 * MIN;
let n = 0;
function row(over: Partial<ScanRow> & { at: number }): ScanRow {
  n++;
  const { at, ...rest } = over;
  return { id: String(n), tsText: new Date(at).toISOString(), tsMs: at, m: [true], attributes: {}, cluster: "c", actor: "eve", objectName: `s${n}`, ...rest };
}

describe("threshold", () => {
  const def = { query: "x", groupBy: ["cluster", "actor"], windowMinutes: 5, threshold: 3, distinct: "object_name" };
  it("counts distinct values, raises once, then links the rest to the same alert", () => {
    const same = { objectName: "same" };
    let r = evaluateThreshold(rule, def, undefined, [row({ at: base, ...same }), row({ at: base + 1000, ...same }), row({ at: base + 2000 })], Date.now());
    expect(r.effects.alerts).toHaveLength(0); // two distinct names only
    r = evaluateThreshold(rule, def, r.state, [row({ at: base + 3000 })], Date.now());
    expect(r.effects.alerts).toHaveLength(1);
    expect(r.effects.alerts[0].events).toHaveLength(4);
    const again = evaluateThreshold(rule, def, r.state, [row({ at: base + 4000 })], Date.now());
    expect(again.effects.alerts).toHaveLength(1);
    expect(again.effects.alerts[0].events).toHaveLength(1);
    expect(again.effects.alerts[0].windowStart.getTime()).toBe(r.effects.alerts[0].windowStart.getTime());
  });
  it("forgets windows that closed more than the lateness ago", () => {
    const old = Date.now() - LATENESS_MS - 10 * MIN;
    const r = evaluateThreshold(rule, { ...def, distinct: undefined }, undefined, [row({ at: old }), row({ at: old }), row({ at: old })], Date.now());
    expect(r.effects.alerts).toHaveLength(0);
    expect(Object.keys(r.state.g)).toHaveLength(0);
  });
  it("slides: a burst split by a clock-aligned 5-minute boundary still fires, once, from its first event", () => {
    const boundary = base + 5 * MIN;
    const plain = { ...def, distinct: undefined };
    const burst = [row({ at: boundary - 2000 }), row({ at: boundary - 1000 }), row({ at: boundary + 1000 })];
    const r = evaluateThreshold(rule, plain, undefined, burst, Date.now());
    expect(r.effects.alerts).toHaveLength(1);
    expect(r.effects.alerts[0].windowStart.getTime()).toBe(boundary - 2000);
    // Re-scanning the same rows changes nothing; a match 4 minutes later joins; one after the span starts afresh.
    const again = evaluateThreshold(rule, plain, r.state, burst, Date.now());
    expect(again.effects.alerts.map((a) => a.windowStart.getTime())).toEqual([boundary - 2000]);
    const later = evaluateThreshold(rule, plain, r.state, [row({ at: boundary + 4 * MIN }), row({ at: boundary + 6 * MIN })], Date.now());
    expect(later.effects.alerts.map((a) => [a.windowStart.getTime(), a.events.length])).toEqual([[boundary - 2000, 1]]);
    expect(later.state.g["c|eve"].ev.map((e) => e[2])).toEqual([boundary + 6 * MIN]);
  });
  it("late matches just before a fired window join its alert instead of opening an overlapping one", () => {
    const plain = { ...def, distinct: undefined };
    const t = base + 10 * MIN;
    const r = evaluateThreshold(rule, plain, undefined, [row({ at: t }), row({ at: t + 1000 }), row({ at: t + 2000 })], Date.now());
    expect(r.effects.alerts.map((a) => a.windowStart.getTime())).toEqual([t]);
    // Three late ones from the minute before: a qualifying window of their own, overlapping the fired one.
    const late = evaluateThreshold(rule, plain, r.state, [row({ at: t - 60_000 }), row({ at: t - 50_000 }), row({ at: t - 40_000 })], Date.now());
    expect(late.effects.alerts.map((a) => [a.windowStart.getTime(), a.events.length])).toEqual([[t, 3]]);
    // Late ones well before it (more than a window earlier) are a burst of their own.
    const older = evaluateThreshold(rule, plain, late.state, [row({ at: t - 9 * MIN }), row({ at: t - 9 * MIN + 1000 }), row({ at: t - 9 * MIN + 2000 })], Date.now());
    expect(older.effects.alerts.map((a) => a.windowStart.getTime())).toEqual([t - 9 * MIN]);
  });

  it("does not fire for matches spread wider than the window", () => {
    const r = evaluateThreshold(rule, { ...def, distinct: undefined }, undefined, [row({ at: base }), row({ at: base + 3 * MIN }), row({ at: base + 6 * MIN }), row({ at: base + 9 * MIN })], Date.now());
    expect(r.effects.alerts).toHaveLength(0);
  });
  it("carries over windows fired under clock-aligned blocks", () => {
    const old = { w: { x: { b: base, k: "c|eve", ev: [["1", new Date(base).toISOString(), base]], s: { cluster: "c", actor: "eve" }, st: "alert" } } };
    const r = evaluateThreshold(rule, { ...def, distinct: undefined }, old as never, [row({ at: base + MIN })], Date.now());
    expect(r.effects.alerts.map((a) => a.windowStart.getTime())).toEqual([base]);
  });
});

describe("sequence", () => {
  const def = { first: "a", then: "b", joinOn: ["cluster", "pod"], withinMinutes: 10 };
  it("pairs A then B on the same entity within the limit, whichever arrives first", () => {
    const b = row({ at: base + 5 * MIN, pod: "p1" });
    let r = evaluateSequence(rule, def, undefined, [], [b], Date.now());
    expect(r.effects.alerts).toHaveLength(0);
    r = evaluateSequence(rule, def, r.state, [row({ at: base, pod: "p1" }), row({ at: base, pod: "p2" })], [], Date.now());
    expect(r.effects.alerts).toHaveLength(1);
    expect(r.effects.alerts[0].groupKey).toBe("c|p1");
    const late = evaluateSequence(rule, def, r.state, [], [row({ at: base + 30 * MIN, pod: "p2" })], Date.now());
    expect(late.effects.alerts).toHaveLength(0);
  });
});
