/**
 * Threshold rules: N matches of a group within any window (sliding), as a
 * pure function of (state, newly scanned rows, now) like the other windowed
 * rules in evaluate.ts.
 */
import type { ThresholdDefinition } from "../types";
import { groupKeyOf } from "../template";
import { alertFrom, LATENESS_MS, sampleOf, suppressedBy, type Effects, type Ev, type Sample, type WindowedRule } from "./evaluate";
import type { ScanRow } from "./scan";

/** A matching event of a threshold rule: id, time, ms, and the value of the `distinct` field. */
export type TEv = [id: string, ts: string, tsMs: number, d: string | null];
/** A window that reached the threshold: from its first event, W long; its events went to an alert or a suppression. */
type Fired = { s: number; st: "alert" | number; n: string[]; t0: string; last: number };
type ThresholdGroup = { k: string; s: Sample; ev: TEv[]; f: Fired[] };
export type ThresholdState = { g: Record<string, ThresholdGroup> };
/** The state of clock-aligned windows (before sliding windows): its fired windows carry over. */
type BlockState = { w: Record<string, { b: number; k: string; ev: Ev[]; s: Sample; st?: "alert" | number }> };

function fromBlocks(old: BlockState): ThresholdState {
  const g: Record<string, ThresholdGroup> = {};
  for (const w of Object.values(old.w)) {
    if (w.st === undefined) continue;
    const grp = (g[w.k] ??= { k: w.k, s: w.s, ev: [], f: [] });
    grp.f.push({ s: w.b, st: w.st, n: w.ev.map((e) => e[0]), t0: new Date(w.b).toISOString(), last: w.b });
  }
  return { g };
}

/** Counts within [from, to] of sorted events: all of them, or distinct values of the `distinct` field. */
function firstQualifying(ev: TEv[], W: number, threshold: number, distinct: boolean): number | null {
  const counts = new Map<string | null, number>();
  let values = 0; // non-null distinct values in [i, j]
  let i = 0;
  for (let j = 0; j < ev.length; j++) {
    const c = counts.get(ev[j][3]) ?? 0;
    if (c === 0 && ev[j][3] !== null) values++;
    counts.set(ev[j][3], c + 1);
    while (ev[j][2] - ev[i][2] >= W) {
      const left = counts.get(ev[i][3])! - 1;
      counts.set(ev[i][3], left);
      if (left === 0 && ev[i][3] !== null) values--;
      i++;
    }
    if ((distinct ? values : j - i + 1) >= threshold) return i;
  }
  return null;
}

/**
 * Every window that fires over a group's events (sorted by time): from its
 * first event, W long, with all the events inside it; counting resumes after
 * it. `rest` are the events no window took. The backtest uses it too, so
 * "would have fired" matches what fires.
 */
export function slidingWindows<E extends TEv>(events: E[], W: number, threshold: number, distinct: boolean): { windows: { s: number; events: E[] }[]; rest: E[] } {
  let rest = events;
  const windows: { s: number; events: E[] }[] = [];
  for (let i = firstQualifying(rest, W, threshold, distinct); i !== null; i = firstQualifying(rest, W, threshold, distinct)) {
    const s = rest[i][2];
    windows.push({ s, events: rest.filter((x) => x[2] >= s && x[2] < s + W) });
    rest = rest.filter((x) => x[2] < s || x[2] >= s + W);
  }
  return { windows, rest };
}

/**
 * Sliding windows: an alert fires when `threshold` matches of one group fall
 * within any `windowMinutes` (not clock-aligned blocks, which miss a burst
 * split by a block boundary). The alert covers W from its first event; later
 * matches of the group in that span join it, and counting starts afresh after.
 */
export function evaluateThreshold(rule: WindowedRule, def: ThresholdDefinition, state: ThresholdState | undefined, rows: ScanRow[], now: number): { state: ThresholdState; effects: Effects } {
  const W = def.windowMinutes * 60_000;
  const horizon = now - LATENESS_MS - W;
  const prior = state && "w" in state ? fromBlocks(state as unknown as BlockState) : state;
  const g: Record<string, ThresholdGroup> = { ...(prior?.g ?? {}) };
  const effects: Effects = { alerts: [], suppressed: [] };
  const links = new Map<string, { grp: ThresholdGroup; f: Fired; ev: Ev[] }>();
  const changed = new Set<ThresholdGroup>();
  // Ids already held per window or group, built once a run: re-scanned rows must not count twice, and a
  // busy suppressed window can hold many thousands of ids.
  const held = new Map<Fired | ThresholdGroup, Set<string>>();
  const heldBy = (owner: Fired | ThresholdGroup, ids: () => string[]) => held.get(owner) ?? held.set(owner, new Set(ids())).get(owner)!;
  const link = (grp: ThresholdGroup, f: Fired, ev: Ev) => {
    const id = `${grp.k}\u001f${f.s}`;
    const l = links.get(id) ?? { grp, f, ev: [] };
    l.ev.push(ev);
    links.set(id, l);
  };
  for (const r of rows) {
    if (r.tsMs < horizon) continue;
    const k = groupKeyOf(r, def.groupBy);
    const grp = (g[k] ??= { k, s: sampleOf(r), ev: [], f: [] });
    const ev: TEv = [r.id, r.tsText, r.tsMs, def.distinct ? groupKeyOf(r, [def.distinct]) || null : null];
    const f = grp.f.find((x) => x.s <= r.tsMs && r.tsMs < x.s + W);
    if (f) {
      if (f.st === "alert") link(grp, f, [ev[0], ev[1], ev[2]]);
      else if (!heldBy(f, () => f.n).has(ev[0])) {
        heldBy(f, () => f.n).add(ev[0]);
        f.n.push(ev[0]);
        f.last = Math.max(f.last, r.tsMs);
        changed.add(grp);
      }
      continue;
    }
    const pending = heldBy(grp, () => grp.ev.map((x) => x[0]));
    if (pending.has(ev[0])) continue;
    pending.add(ev[0]);
    grp.ev.push(ev);
    grp.s = sampleOf(r);
    changed.add(grp);
  }
  for (const grp of changed) {
    grp.ev.sort((a, b) => a[2] - b[2]);
    const { windows, rest } = slidingWindows(grp.ev, W, def.threshold, !!def.distinct);
    grp.ev = rest;
    for (const { s, events: inside } of windows) {
      // Late events can complete a window that overlaps one already fired (just before it): same burst, same alert.
      const overlap = grp.f.find((x) => x.s < s + W && s < x.s + W);
      if (overlap) {
        for (const x of inside) {
          if (overlap.st === "alert") link(grp, overlap, [x[0], x[1], x[2]]);
          else if (!heldBy(overlap, () => overlap.n).has(x[0])) {
            heldBy(overlap, () => overlap.n).add(x[0]);
            overlap.n.push(x[0]);
          }
        }
        continue;
      }
      const sup = suppressedBy(rule, grp.s);
      const f: Fired = { s, st: sup ?? "alert", n: sup === null ? [] : inside.map((x) => x[0]), t0: inside[0][1], last: inside[inside.length - 1][2] };
      grp.f.push(f);
      if (sup === null) for (const x of inside) link(grp, f, [x[0], x[1], x[2]]);
    }
  }
  for (const { grp, f, ev } of links.values()) {
    effects.alerts.push(alertFrom(rule, def.title, `${rule.name}: {cluster}`, grp.k, f.s, grp.s, ev, { count: def.distinct ? `${def.threshold}+` : ev.length }));
  }
  for (const [k, grp] of Object.entries(g)) {
    for (const f of grp.f) {
      if (typeof f.st === "number" && changed.has(grp) && f.n.length) {
        effects.suppressed.push({ suppressionId: f.st, ruleId: rule.id, groupKey: grp.k, windowStart: new Date(f.s), firstSeen: new Date(f.s), lastSeen: new Date(f.last), count: f.n.length, sample: { id: f.n[0], ts: f.t0 } });
      }
    }
    grp.f = grp.f.filter((f) => f.s + W >= horizon);
    grp.ev = grp.ev.filter((x) => x[2] >= horizon);
    if (!grp.f.length && !grp.ev.length) delete g[k];
  }
  return { state: { g }, effects };
}
