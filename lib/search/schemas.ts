import { z } from "zod";
import { parseTime } from "./time";
import { resolveField } from "./query/fields";

const timeExpr = z.string().max(64).refine((s) => parseTime(s) !== null, { message: "expected ISO-8601 or a relative time like now-24h" });

/** Query-string parameters shared by the events endpoints (server and client). */
export const EventSearchParams = z.object({
  q: z.string().max(4096).default(""),
  from: timeExpr.default("now-24h"),
  to: timeExpr.default("now"),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(200).optional(),
});
export type EventSearchParams = z.infer<typeof EventSearchParams>;

export const HistogramParams = EventSearchParams.pick({ q: true, from: true, to: true }).extend({
  buckets: z.coerce.number().int().min(10).max(500).default(100),
});
export type HistogramParams = z.infer<typeof HistogramParams>;

export const STACK_BY = ["layer", "severity"] as const;
export type StackBy = (typeof STACK_BY)[number];
export const HistogramStackParams = HistogramParams.extend({ stack: z.enum(STACK_BY).default("layer") });
export type HistogramStackParams = z.infer<typeof HistogramStackParams>;

/** Fields the facets endpoint counts when none are asked for. */
export const DEFAULT_FACET_FIELDS = ["cluster", "layer", "severity", "namespace", "pod", "node", "actor", "verb", "resource", "code"] as const;

export const FacetsParams = EventSearchParams.pick({ q: true, from: true, to: true }).extend({
  fields: z
    .string()
    .max(500)
    .optional()
    .transform((s) => (s ? [...new Set(s.split(",").map((f) => f.trim()).filter(Boolean))] : [...DEFAULT_FACET_FIELDS])),
  size: z.coerce.number().int().min(1).max(100).default(10),
});
export type FacetsParams = z.infer<typeof FacetsParams>;

export const CONTEXT_SCOPES = ["container", "pod", "node", "cluster"] as const;
export type ContextScope = (typeof CONTEXT_SCOPES)[number];
/** A duration like 30s, 5m, 2h (at most a day either side). */
const DURATION = /^(\d{1,5})(s|m|h)$/;
export function durationMs(s: string): number | null {
  const m = s.match(DURATION);
  if (!m) return null;
  const ms = Number(m[1]) * { s: 1_000, m: 60_000, h: 3_600_000 }[m[2] as "s" | "m" | "h"];
  return ms > 0 && ms <= 86_400_000 ? ms : null;
}

export const ContextParams = z.object({
  lines: z.coerce.number().int().min(1).max(500).default(20),
  window: z.string().max(16).default("5m").refine((s) => durationMs(s) !== null, { message: "expected a duration like 30s, 5m or 1h (at most 24h)" }),
  scope: z.enum(CONTEXT_SCOPES).optional(),
  /** most events returned for pod/node/cluster, split around the anchor */
  limit: z.coerce.number().int().min(10).max(5000).default(1000),
});
export type ContextParams = z.infer<typeof ContextParams>;

export const TailParams = z.object({
  q: z.string().max(4096).default(""),
  since: z.string().max(200).optional(),
});
export type TailParams = z.infer<typeof TailParams>;

export const EXPORT_FORMATS = ["csv", "ndjson"] as const;
export const EXPORT_MAX_ROWS = 1_000_000;
export const ExportParams = EventSearchParams.pick({ q: true, from: true, to: true }).extend({
  format: z.enum(EXPORT_FORMATS).default("csv"),
  limit: z.coerce.number().int().min(1).max(EXPORT_MAX_ROWS).default(100_000),
});
export type ExportParams = z.infer<typeof ExportParams>;

const columnName = z.string().min(1).max(200).refine((c) => resolveField(c) !== null, { message: "unknown column" });
// PostgreSQL text cannot hold NUL.
const noNul = (s: string) => !s.includes("\u0000");
export const NewSavedSearch = z.object({
  name: z.string().trim().min(1).max(120).refine(noNul, { message: "contains a NUL character" }),
  query: z.string().max(4096).refine(noNul, { message: "contains a NUL character" }),
  from: timeExpr,
  to: timeExpr,
  columns: z.array(columnName).max(40).nullable().optional(),
  shared: z.boolean().optional(),
});
export type NewSavedSearch = z.infer<typeof NewSavedSearch>;
export const SavedSearchChange = NewSavedSearch.partial();
export type SavedSearchChange = z.infer<typeof SavedSearchChange>;
