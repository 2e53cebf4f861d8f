/** Query-string parameters of the entity APIs (server and client share them). */
import { z } from "zod";
import { LAYERS } from "@/lib/events/types";
import { HttpError } from "@/lib/http/errors";
import { parseTime } from "@/lib/search/time";

const timeExpr = z.string().max(64).refine((s) => parseTime(s) !== null, { message: "expected ISO-8601 or a relative time like now-24h" });

/** Every entity page has a time range; the default is the last 24 hours. */
export const RangeParams = z.object({
  from: timeExpr.default("now-24h"),
  to: timeExpr.default("now"),
});
export type RangeParams = z.infer<typeof RangeParams>;

export const SORT_ORDERS = ["asc", "desc"] as const;

/** Entity lists: substring search on the name, a sort column from an allow-list, and a cap. */
function listParams<const S extends readonly [string, ...string[]]>(sorts: S, defaultSort: S[number]) {
  return z.object({
    q: z.string().max(253).default(""),
    sort: z.enum(sorts).default(defaultSort as never),
    order: z.enum(SORT_ORDERS).default("asc"),
    limit: z.coerce.number().int().min(1).max(2000).default(500),
  });
}

export const NODE_SORTS = ["name", "firstSeen", "lastSeen", "pods"] as const;
export const NodeListParams = listParams(NODE_SORTS, "name");
export type NodeListParams = z.infer<typeof NodeListParams>;

export const NAMESPACE_SORTS = ["name", "firstSeen", "lastSeen", "pods"] as const;
export const NamespaceListParams = listParams(NAMESPACE_SORTS, "name");
export type NamespaceListParams = z.infer<typeof NamespaceListParams>;

export const POD_SORTS = ["name", "namespace", "node", "workload", "firstSeen", "lastSeen"] as const;
export const PodListParams = listParams(POD_SORTS, "name").extend({
  namespace: z.string().max(253).optional(),
  node: z.string().max(253).optional(),
});
export type PodListParams = z.infer<typeof PodListParams>;

/** A comma-separated layer list, e.g. "audit,runtime"; empty means all. */
const layerList = z
  .string()
  .max(200)
  .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(LAYERS)));

export const PodTimelineParams = RangeParams.extend({
  layers: layerList.default([]),
  container: z.string().max(253).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  cursor: z.string().max(200).optional(),
});
export type PodTimelineParams = z.infer<typeof PodTimelineParams>;

export const CredentialParams = RangeParams.extend({
  cluster: z.string().max(253).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export type CredentialParams = z.infer<typeof CredentialParams>;

/** PATCH body of a cluster's coverage: silence thresholds in minutes per layer. */
export const CoveragePatch = z
  .object({
    thresholds: z.partialRecord(z.enum(LAYERS), z.number().int().min(1).max(10_080)),
  })
  .strict();
export type CoveragePatch = z.infer<typeof CoveragePatch>;

/**
 * A path segment naming an entity. Next.js hands route params over
 * percent-decoded; a segment that still looks encoded (a proxy that encoded
 * twice) is decoded once more. Kubernetes names never contain "%".
 */
export function entityName(raw: string): string {
  let s = raw;
  if (/%[0-9A-Fa-f]{2}/.test(s)) {
    try {
      s = decodeURIComponent(s);
    } catch {
      /* keep as given */
    }
  }
  if (s.length === 0 || s.length > 253) throw new HttpError(400, "invalid name");
  return s;
}
