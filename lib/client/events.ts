import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { apiFetch, qs } from "./api";
import type { ContextDto, ContextScope, EventsPageDto, ExportFormat, FacetsDto, HistogramDto, StackBy, TailDto } from "./search-types";
import type { StoredEvent } from "./types";

/** What the timeline searches: the query string and a time range (ISO-8601 or `now-24h`-style). */
export type EventSearch = { q: string; from: string; to: string };

/** What "show surrounding" asks for: ±lines from the anchor's container, ±window across its scope. */
export type ContextRequest = { id: string; scope: ContextScope; lines: number; window: string };

export const EVENTS_PAGE_SIZE = 100;
export const HISTOGRAM_BUCKETS = 100;
/** The key fields the facets panel summarizes, in display order. */
export const FACET_FIELDS = ["layer", "severity", "cluster", "namespace", "pod", "node", "container", "actor", "verb", "resource", "code"] as const;

export const eventKeys = {
  all: ["events"] as const,
  lists: () => [...eventKeys.all, "list"] as const,
  list: (p: EventSearch) => [...eventKeys.lists(), p] as const,
  histograms: () => [...eventKeys.all, "histogram"] as const,
  histogram: (p: EventSearch, stack: StackBy) => [...eventKeys.histograms(), p, stack] as const,
  facets: (p: EventSearch, fields: readonly string[]) => [...eventKeys.all, "facets", p, fields.join(",")] as const,
  detail: (id: string) => [...eventKeys.all, "detail", id] as const,
  context: (c: ContextRequest) => [...eventKeys.all, "context", c] as const,
};

type Opts = { enabled?: boolean; refetchMs?: number | false };

export function useEvents(p: EventSearch, { enabled = true }: Opts = {}) {
  return useInfiniteQuery({
    queryKey: eventKeys.list(p),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<EventsPageDto>(
        `/api/v1/events${qs({ q: p.q, from: p.from, to: p.to, limit: EVENTS_PAGE_SIZE, cursor: pageParam })}`,
        { signal },
      ),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useHistogram(p: EventSearch, stack: StackBy, { enabled = true, refetchMs = false }: Opts = {}) {
  return useQuery({
    queryKey: eventKeys.histogram(p, stack),
    queryFn: ({ signal }) =>
      apiFetch<HistogramDto>(
        `/api/v1/events/histogram${qs({ q: p.q, from: p.from, to: p.to, buckets: HISTOGRAM_BUCKETS, stack })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
    enabled,
    refetchInterval: refetchMs,
  });
}

export function useFacets(p: EventSearch, fields: readonly string[], { enabled = true, refetchMs = false }: Opts = {}) {
  return useQuery({
    queryKey: eventKeys.facets(p, fields),
    queryFn: ({ signal }) =>
      apiFetch<FacetsDto>(`/api/v1/events/facets${qs({ q: p.q, from: p.from, to: p.to, fields: fields.join(","), size: 10 })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
    refetchInterval: refetchMs,
  });
}

/** `initial` (e.g. the row the user clicked) avoids a round trip when the event is already loaded. */
export function useEvent(id: string | null, initial?: StoredEvent) {
  return useQuery({
    queryKey: eventKeys.detail(id ?? ""),
    queryFn: ({ signal }) =>
      apiFetch<{ event: StoredEvent }>(`/api/v1/events/${encodeURIComponent(id ?? "")}`, { signal }).then((r) => r.event),
    enabled: id !== null && id !== "",
    initialData: initial,
    staleTime: initial ? Infinity : 0,
  });
}

export function useEventContext(c: ContextRequest | null) {
  return useQuery({
    queryKey: eventKeys.context(c ?? { id: "", scope: "pod", lines: 0, window: "" }),
    queryFn: ({ signal }) =>
      apiFetch<ContextDto>(
        `/api/v1/events/${encodeURIComponent(c!.id)}/context${qs({ lines: c!.lines, window: c!.window, scope: c!.scope })}`,
        { signal },
      ),
    enabled: c !== null,
    placeholderData: keepPreviousData,
  });
}

/** One poll of the live tail: events newer than `since` (a tail cursor or an ISO time), newest first. */
export function fetchTail(q: string, since: string, signal?: AbortSignal): Promise<TailDto> {
  return apiFetch<TailDto>(`/api/v1/events/tail${qs({ q, since })}`, { signal });
}

/** A plain download link: the browser streams the file, no JSON in memory. */
export function exportHref(p: EventSearch, format: ExportFormat): string {
  return `/api/v1/events/export${qs({ q: p.q, from: p.from, to: p.to, format })}`;
}
