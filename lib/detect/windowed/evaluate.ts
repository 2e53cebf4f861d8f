/**
 * Sequence and silence rules as pure functions, and the helpers threshold.ts
 * shares: (state, newly scanned rows, now) → (new state, alert links,
 * suppressed counts). The state holds only the matching events of still-open
 * windows, so a run never re-reads old events, and re-scanning rows a previous
 * run saw changes nothing (event ids are de-duplicated here and by the alert
 * links).
 */
import type { AlertUpsert, SuppressedUpsert } from "@/lib/alerts/raise";
import { LAYERS, type Layer } from "@/lib/events/types";
import { coverageOf } from "@/lib/inventory/coverage";
import type { CompiledSuppression } from "../compile";
import { groupKeyOf, renderTitle } from "../template";
import { DEFAULT_WINDOW_MINUTES, type RuleSeverity, type SequenceDefinition, type SilenceDefinition } from "../types";
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

export type Ev = [id: string, ts: string, tsMs: number];
/** A sample's columns (what titles and suppressions of windowed rules can use). */
export type Sample = Record<string, unknown>;

export function sampleOf(r: ScanRow): Sample {
  const s: Sample = { ...r, attributes: {} };
  delete s.m;
  delete s.tsText;
  delete s.tsMs;
  return s;
}

function asEvent(s: Sample) {
  return { ...s, attributes: {} } as Parameters<typeof groupKeyOf>[0];
}

export function alertFrom(rule: WindowedRule, title: string | undefined, defaultTitle: string, key: string, windowStart: number, sample: Sample, events: Ev[], extra: Record<string, string | number>): AlertUpsert {
  // A loop, not Math.min(...spread): an alert's events can outnumber the engine's argument limit.
  let first = Infinity;
  let last = -Infinity;
  for (const e of events) {
    first = Math.min(first, e[2]);
    last = Math.max(last, e[2]);
  }
  return {
    ruleId: rule.id, groupKey: key, windowStart: new Date(windowStart),
    title: renderTitle(title ?? defaultTitle, asEvent(sample), extra),
    severity: rule.severity, cluster: String(sample.cluster ?? ""), namespace: (sample.namespace as string) ?? null, pod: (sample.pod as string) ?? null,
    actor: (sample.actor as string) ?? null, firstSeen: new Date(first), lastSeen: new Date(last), count: 0,
    events: events.map(([id, ts]) => ({ id, ts })),
  };
}

export function suppressedBy(rule: WindowedRule, sample: Sample): number | null {
  return rule.suppressions.find((s) => s.test(asEvent(sample)))?.id ?? null;
}

function pushUnique(list: Ev[], ev: Ev): boolean {
  if (list.some((x) => x[0] === ev[0])) return false;
  list.push(ev);
  return true;
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
