import { LAYER_COLOR } from "@/components/ui/domain-badges";
import type { HistogramDto, StackBy } from "@/lib/client/search-types";
import { LAYERS, SEVERITIES } from "@/lib/events/types";

/** Bar colors per severity, matching the badge hues (low = cool, high = hot). */
export const SEVERITY_COLOR: Record<string, string> = {
  debug: "#71717a",
  info: "#64748b",
  notice: "#06b6d4",
  warning: "#f59e0b",
  error: "#f97316",
  critical: "#ef4444",
  alert: "#dc2626",
  emergency: "#c026d3",
};

export type Series = { key: string; color: string };

export function seriesFor(stack: StackBy): Series[] {
  return stack === "severity"
    ? SEVERITIES.map((s) => ({ key: s, color: SEVERITY_COLOR[s] }))
    : LAYERS.map((l) => ({ key: l, color: LAYER_COLOR[l] }));
}

export type Datum = { ts: number; total: number; [series: string]: number };

/** Buckets as chart rows: one number per series, 0 when absent. */
export function toData(h: HistogramDto, stack: StackBy): Datum[] {
  const keys = seriesFor(stack).map((s) => s.key);
  return h.buckets.map((b) => {
    const src = (stack === "severity" ? b.bySeverity : b.byLayer) ?? {};
    const d: Datum = { ts: Date.parse(b.ts), total: b.total };
    for (const k of keys) d[k] = (src as Record<string, number | undefined>)[k] ?? 0;
    return d;
  });
}

/** Human bucket size: 30s, 5m, 1h, 1d. */
export function intervalLabel(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)}s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)}m`;
  if (ms < 86_400_000) return `${Math.round(ms / 3_600_000)}h`;
  return `${Math.round(ms / 86_400_000)}d`;
}
