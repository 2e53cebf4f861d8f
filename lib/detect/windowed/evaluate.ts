/**
 * Threshold, sequence and silence rules as pure functions: (state, newly
 * scanned rows, now) → (new state, alert links, suppressed counts). The state
 * holds only the matching events of still-open windows, so a run never
 * re-reads old events, and re-scanning rows a previous run saw changes
 * nothing (event ids are de-duplicated here and by the alert links).
 */
import type { AlertUpsert, SuppressedUpsert } from "@/lib/alerts/raise";
import { LAYERS, type Layer } from "@/lib/events/types";
import { coverageOf } from "@/lib/inventory/coverage";
import type { CompiledSuppression } from "../compile";
import { groupKeyOf, renderTitle } from "../template";
import { DEFAULT_WINDOW_MINUTES, type RuleSeverity, type SequenceDefinition, type SilenceDefinition, type ThresholdDefinition } from "../types";
import type { ScanRow } from "./scan";

/** Events arriving later than this after their window closed are not counted any more. */
export const LATENESS_MS = 60 * 60_000;

export type WindowedRule = {
  id: string;
  name: string;
  severity: RuleSeverity;
  suppressions: CompiledSuppression[];
};

/** What a run does: link events to alerts (creating them), count suppressed matches. */
export type Effects = { alerts: AlertUpsert[]; suppressed: SuppressedUpsert[] };

type Ev = [id: string, ts: string, tsMs: number];
/** A sample's columns (what titles and suppressions of windowed rules can use). */
type Sample = Record<string, unknown>;

function sampleOf(r: ScanRow): Sample {
  const s: Sample = { ...r, attributes: {} };
  delete s.m;
  delete s.tsText;
  delete s.tsMs;
  return s;
}

function asEvent(s: Sample) {
  return { ...s, attributes: {} } as Parameters<typeof groupKeyOf>[0];
}

function alertFrom(rule: WindowedRule, title: string | undefined, defaultTitle: string, key: string, windowStart: number, sample: Sample, events: Ev[], extra: Record<string, string | number>): AlertUpsert {
  const first = Math.min(...events.map((e) => e[2]));
  const last = Math.max(...events.map((e) => e[2]));
  return {
    ruleId: rule.id, groupKey: key, windowStart: new Date(windowStart),
    title: renderTitle(title ?? defaultTitle, asEvent(sample), extra),
    severity: rule.severity, cluster: String(sample.cluster ?? ""), namespace: (sample.namespace as string) ?? null, pod: (sample.pod as string) ?? null,
    actor: (sample.actor as string) ?? null, firstSeen: new Date(first), lastSeen: new Date(last), count: 0,
    events: events.map(([id, ts]) => ({ id, ts })),
  };
}

function suppressedBy(rule: WindowedRule, sample: Sample): number | null {
  return rule.suppressions.find((s) => s.test(asEvent(sample)))?.id ?? null;
}

function pushUnique(list: Ev[], ev: Ev): boolean {
  if (list.some((x) => x[0] === ev[0])) return false;
  list.push(ev);
  return true;
}

// ---------------------------------------------------------------- threshold

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
  let i = 0;
  for (let j = 0; j < ev.length; j++) {
    counts.set(ev[j][3], (counts.get(ev[j][3]) ?? 0) + 1);
    while (ev[j][2] - ev[i][2] >= W) {
      const c = counts.get(ev[i][3])! - 1;
      if (c === 0) counts.delete(ev[i][3]);
      else counts.set(ev[i][3], c);
      i++;
    }
    const n = distinct ? [...counts.keys()].filter((k) => k !== null).length : j - i + 1;
    if (n >= threshold) return i;
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
      else if (!f.n.includes(ev[0])) {
        f.n.push(ev[0]);
        f.last = Math.max(f.last, r.tsMs);
        changed.add(grp);
      }
      continue;
    }
    if (grp.ev.some((x) => x[0] === ev[0])) continue;
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
          else if (!overlap.n.includes(x[0])) overlap.n.push(x[0]);
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

// ---------------------------------------------------------------- sequence

type SeqEv = [...Ev, Sample?];
export type SequenceState = { a: Record<string, SeqEv[]>; b: Record<string, Ev[]>; w: Record<string, { b: number; st: "alert" | number; n: string[] }> };

export function evaluateSequence(rule: WindowedRule, def: SequenceDefinition, state: SequenceState | undefined, firstRows: ScanRow[], thenRows: ScanRow[], now: number): { state: SequenceState; effects: Effects } {
  const T = def.withinMinutes * 60_000;
  const W = (def.windowMinutes ?? DEFAULT_WINDOW_MINUTES) * 60_000;
  const horizon = now - LATENESS_MS - T - W;
  const a: SequenceState["a"] = Object.fromEntries(Object.entries(state?.a ?? {}).map(([k, v]) => [k, v.filter((e) => e[2] >= horizon)]));
  const bs: SequenceState["b"] = Object.fromEntries(Object.entries(state?.b ?? {}).map(([k, v]) => [k, v.filter((e) => e[2] >= horizon)]));
  const w: SequenceState["w"] = Object.fromEntries(Object.entries(state?.w ?? {}).filter(([, v]) => v.b + W >= horizon));
  const touched = new Set<string>();
  for (const r of firstRows) {
    const k = groupKeyOf(r, def.joinOn);
    const list = (a[k] ??= []);
    if (!list.some((x) => x[0] === r.id)) list.push([r.id, r.tsText, r.tsMs, sampleOf(r)]);
    touched.add(k);
  }
  for (const r of thenRows) {
    const k = groupKeyOf(r, def.joinOn);
    pushUnique((bs[k] ??= []), [r.id, r.tsText, r.tsMs]);
    touched.add(k);
  }
  const effects: Effects = { alerts: [], suppressed: [] };
  for (const k of touched) {
    const groups = new Map<number, { sample: Sample; evs: Map<string, Ev> }>();
    for (const x of a[k] ?? []) {
      const followers = (bs[k] ?? []).filter((y) => y[0] !== x[0] && y[2] >= x[2] && y[2] <= x[2] + T);
      if (!followers.length) continue;
      const bucket = Math.floor(x[2] / W) * W;
      const g = groups.get(bucket) ?? { sample: x[3] ?? {}, evs: new Map<string, Ev>() };
      g.evs.set(x[0], [x[0], x[1], x[2]]);
      for (const y of followers) g.evs.set(y[0], y);
      groups.set(bucket, g);
    }
    for (const [bucket, g] of groups) {
      const wid = `${k}\u001f${bucket}`;
      const win = (w[wid] ??= { b: bucket, st: suppressedBy(rule, g.sample) ?? "alert", n: [] });
      const evs = [...g.evs.values()];
      if (win.st === "alert") {
        effects.alerts.push(alertFrom(rule, def.title, `${rule.name}: {cluster}`, k, bucket, g.sample, evs, { count: evs.length }));
      } else {
        for (const e of evs) if (!win.n.includes(e[0])) win.n.push(e[0]);
        const ts = evs.map((e) => e[2]);
        effects.suppressed.push({ suppressionId: win.st, ruleId: rule.id, groupKey: k, windowStart: new Date(bucket), firstSeen: new Date(Math.min(...ts)), lastSeen: new Date(Math.max(...ts)), count: win.n.length, sample: { id: evs[0][0], ts: evs[0][1] } });
      }
    }
  }
  for (const m of [a, bs]) for (const k of Object.keys(m)) if (m[k].length === 0) delete m[k];
  return { state: { a, b: bs, w }, effects };
}

// ---------------------------------------------------------------- silence

export type SilenceState = { alerted: Record<string, number> };
/** A layer silent for longer than this is not news any more (and was reported when it went silent). */
const ACTIVE_WITHIN_MS = 24 * 60 * 60_000;

/** Per cluster, the newest event of each layer and the admins' silence thresholds (lib/inventory coverage). */
export type ClusterLayers = { cluster: string; lastSeen: Partial<Record<Layer, Date>>; thresholds: Partial<Record<Layer, number>> };

/**
 * One alert per silence episode (cluster + layer + the last event before the
 * silence), using the coverage module's definition of "silent". The rule's
 * silentMinutes applies where an admin set no threshold for the layer.
 */
export function evaluateSilence(rule: WindowedRule, def: SilenceDefinition, state: SilenceState | undefined, clusters: ClusterLayers[], now: number): { state: SilenceState; effects: Effects } {
  const alerted: SilenceState["alerted"] = Object.fromEntries(Object.entries(state?.alerted ?? {}).filter(([, t]) => t >= now - 2 * ACTIVE_WITHIN_MS));
  const effects: Effects = { alerts: [], suppressed: [] };
  for (const c of clusters) {
    const thresholds = Object.fromEntries(LAYERS.map((l) => [l, c.thresholds[l] ?? def.silentMinutes]));
    for (const l of coverageOf(c.lastSeen, thresholds, now).layers) {
      if (l.status !== "silent" || (def.layers && !def.layers.includes(l.layer))) continue;
      const last = Date.parse(l.lastSeen!);
      const k = `${c.cluster}|${l.layer}`;
      if (last < now - ACTIVE_WITHIN_MS || alerted[k] === last) continue;
      alerted[k] = last;
      const sample: Sample = { cluster: c.cluster, layer: l.layer, attributes: {} };
      const windowStart = new Date(last);
      const sup = suppressedBy(rule, sample);
      if (sup !== null) {
        effects.suppressed.push({ suppressionId: sup, ruleId: rule.id, groupKey: k, windowStart, firstSeen: windowStart, lastSeen: new Date(now), count: 1, sample: { id: "0", ts: windowStart.toISOString() } });
        continue;
      }
      effects.alerts.push({
        ruleId: rule.id, groupKey: k, windowStart, title: renderTitle(def.title ?? `${rule.name}: {layer} of {cluster}`, asEvent(sample)),
        severity: rule.severity, cluster: c.cluster, namespace: null, pod: null, actor: null, firstSeen: windowStart, lastSeen: new Date(now), count: 1, events: [],
      });
    }
  }
  return { state: { alerted }, effects };
}
