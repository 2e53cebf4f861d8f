import { describe, expect, it } from "vitest";
import { evaluateSequence, evaluateThreshold, LATENESS_MS, type WindowedRule } from "./evaluate";
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
    expect(Object.keys(r.state.w)).toHaveLength(0);
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
