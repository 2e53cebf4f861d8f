import { z } from "zod";
import { parseTime } from "./time";

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
