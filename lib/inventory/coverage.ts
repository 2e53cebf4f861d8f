/**
 * Logging coverage of one cluster: which of the five layers are reporting.
 * Pure (no database, no clock of its own) so the rules engine can call it
 * with what it has and the UI, API and tests agree on one definition.
 */
import { LAYERS, type Layer } from "@/lib/events/types";

/** A layer silent for longer than this (minutes) is a gap, unless an admin set another threshold. */
export const DEFAULT_SILENCE_MINUTES = 15;
export const MIN_SILENCE_MINUTES = 1;
/** One week: longer than that, "silent" stops meaning anything. */
export const MAX_SILENCE_MINUTES = 10_080;

/**
 * How much each layer counts toward the score (sums to 1). The API audit log
 * and the runtime (Falco) layer carry most detections — who did what through
 * the API, what ran inside containers — so losing either hurts most; container
 * logs, Kubernetes Events and node logs are the context around them.
 */
export const COVERAGE_WEIGHTS: Record<Layer, number> = {
  audit: 0.3,
  runtime: 0.25,
  container: 0.15,
  "k8s-event": 0.15,
  node: 0.15,
};

/** reporting: an event within the threshold; silent: events before, none since; missing: never reported. */
export type LayerStatus = "reporting" | "silent" | "missing";

export type LayerCoverage = {
  layer: Layer;
  status: LayerStatus;
  /** newest event time of the layer (ISO), null when it never reported */
  lastSeen: string | null;
  /** how long since the last event, null when it never reported */
  silentForMs: number | null;
  thresholdMinutes: number;
  weight: number;
};

export type Coverage = {
  /** 0–100: the weights of the reporting layers, in percent */
  score: number;
  /** number of reporting layers (of 5) */
  reporting: number;
  layers: LayerCoverage[];
  silent: Layer[];
  missing: Layer[];
};

type Instant = Date | string | number | null | undefined;

function toMs(t: Instant): number | null {
  if (t === null || t === undefined) return null;
  const ms = t instanceof Date ? t.getTime() : typeof t === "number" ? t : Date.parse(t);
  return Number.isFinite(ms) ? ms : null;
}

/** A threshold as given, or the default when absent or out of range. */
export function thresholdFor(thresholds: Partial<Record<Layer, number>>, layer: Layer): number {
  const v = thresholds[layer];
  return typeof v === "number" && Number.isInteger(v) && v >= MIN_SILENCE_MINUTES && v <= MAX_SILENCE_MINUTES ? v : DEFAULT_SILENCE_MINUTES;
}

/**
 * Coverage from the newest event time of each layer. `thresholds` are minutes
 * per layer (default 15). A layer is silent when `now - lastSeen` exceeds its
 * threshold; event times ahead of `now` count as now.
 */
export function coverageOf(
  lastSeenByLayer: Partial<Record<Layer, Instant>>,
  thresholds: Partial<Record<Layer, number>> = {},
  now: Date | number = Date.now(),
): Coverage {
  const nowMs = typeof now === "number" ? now : now.getTime();
  const layers = LAYERS.map((layer): LayerCoverage => {
    const thresholdMinutes = thresholdFor(thresholds, layer);
    const last = toMs(lastSeenByLayer[layer]);
    if (last === null) return { layer, status: "missing", lastSeen: null, silentForMs: null, thresholdMinutes, weight: COVERAGE_WEIGHTS[layer] };
    const silentForMs = Math.max(0, nowMs - last);
    return {
      layer,
      status: silentForMs > thresholdMinutes * 60_000 ? "silent" : "reporting",
      lastSeen: new Date(last).toISOString(),
      silentForMs,
      thresholdMinutes,
      weight: COVERAGE_WEIGHTS[layer],
    };
  });
  const reportingLayers = layers.filter((l) => l.status === "reporting");
  const score = Math.round(reportingLayers.reduce((s, l) => s + l.weight, 0) * 100);
  return {
    score,
    reporting: reportingLayers.length,
    layers,
    silent: layers.filter((l) => l.status === "silent").map((l) => l.layer),
    missing: layers.filter((l) => l.status === "missing").map((l) => l.layer),
  };
}
