import type { Layer, Severity, StoredEvent } from "@/lib/events/types";
import type { ContextScope, StackBy } from "@/lib/search/schemas";

/** DTOs of the search endpoints (timeline, facets, context, tail, saved searches). Client-safe. */

// The server's own definitions (zod schemas and DTO types), not copies of them.
export { CONTEXT_SCOPES, STACK_BY, type ContextScope, type NewSavedSearch, type SavedSearchChange, type StackBy } from "@/lib/search/schemas";
export type { SavedSearchDto as SavedSearch } from "@/lib/search/saved";

export type EventsPageDto = { events: StoredEvent[]; nextCursor: string | null };

export type HistogramBucketDto = {
  ts: string;
  total: number;
  byLayer: Partial<Record<Layer, number>>;
  bySeverity?: Partial<Record<Severity, number>>;
};
export type HistogramDto = { from: string; to: string; intervalMs: number; stack?: StackBy; buckets: HistogramBucketDto[] };

export type FacetValue = { value: string | null; count: number };
export type FacetsDto = { facets: Record<string, FacetValue[]>; total: number; sampled: boolean };

export type ContextDto = { anchor: StoredEvent; scope: ContextScope; events: StoredEvent[] };

export type TailDto = { events: StoredEvent[]; cursor: string };

export type SearchFieldDto = { name: string; kind: string; description: string };
export type SearchFieldsDto = { fields: SearchFieldDto[]; aliases: Record<string, string> };

export type ExportFormat = "csv" | "ndjson";
