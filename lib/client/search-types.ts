import type { Layer, Severity, StoredEvent } from "@/lib/events/types";

/** DTOs of the search endpoints (timeline, facets, context, tail, saved searches). Client-safe. */

export type StackBy = "layer" | "severity";
export const STACK_BY: readonly StackBy[] = ["layer", "severity"];

export type ContextScope = "container" | "pod" | "node" | "cluster";
export const CONTEXT_SCOPES: readonly ContextScope[] = ["container", "pod", "node", "cluster"];

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

export type SavedSearch = {
  id: string;
  name: string;
  query: string;
  from: string;
  to: string;
  columns: string[] | null;
  shared: boolean;
  owner: { id: string; email: string };
  createdAt: string;
  updatedAt: string;
  mine: boolean;
};
export type NewSavedSearch = { name: string; query: string; from: string; to: string; columns?: string[]; shared?: boolean };
export type SavedSearchChange = Partial<NewSavedSearch>;

export type SearchFieldDto = { name: string; kind: string; description: string };
export type SearchFieldsDto = { fields: SearchFieldDto[]; aliases: Record<string, string> };

export type ExportFormat = "csv" | "ndjson";
