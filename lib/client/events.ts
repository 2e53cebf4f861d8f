import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { apiFetch, qs } from "./api";
import type { EventsPage, Histogram, StoredEvent } from "./types";

/** What the timeline searches: the query string and a time range (ISO-8601 or `now-24h`-style). */
export type EventSearch = { q: string; from: string; to: string };

export const EVENTS_PAGE_SIZE = 100;

export const eventKeys = {
  all: ["events"] as const,
  lists: () => [...eventKeys.all, "list"] as const,
  list: (p: EventSearch) => [...eventKeys.lists(), p] as const,
  histograms: () => [...eventKeys.all, "histogram"] as const,
  histogram: (p: EventSearch) => [...eventKeys.histograms(), p] as const,
  detail: (id: string) => [...eventKeys.all, "detail", id] as const,
};

export function useEvents(p: EventSearch) {
  return useInfiniteQuery({
    queryKey: eventKeys.list(p),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<EventsPage>(
        `/api/v1/events${qs({ q: p.q, from: p.from, to: p.to, limit: EVENTS_PAGE_SIZE, cursor: pageParam })}`,
        { signal },
      ),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useHistogram(p: EventSearch) {
  return useQuery({
    queryKey: eventKeys.histogram(p),
    queryFn: ({ signal }) =>
      apiFetch<Histogram>(`/api/v1/events/histogram${qs({ q: p.q, from: p.from, to: p.to })}`, { signal }),
    placeholderData: keepPreviousData,
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
