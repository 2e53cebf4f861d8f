"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { ApiError } from "@/lib/client/api";
import { eventKeys, FACET_FIELDS, useEvents, useFacets, useHistogram } from "@/lib/client/events";
import { highlightTerms } from "@/lib/client/highlight";
import type { TimelineState } from "@/lib/client/timeline-url";
import { clientQueryError } from "./query-error";
import { mergeTail, useLiveTail } from "./use-live-tail";

const LIVE_HISTOGRAM_MS = 5_000;
const LIVE_FACETS_MS = 10_000;
const TAIL_OVERLAP_MS = 5_000;

/** Everything the timeline fetches for its URL state: results (+ live tail), histogram, facets. */
export function useTimelineData({ search, stack, live, facetsOpen }: Pick<TimelineState, "search" | "stack" | "live" | "facetsOpen">) {
  const qc = useQueryClient();
  const syntaxError = useMemo(() => clientQueryError(search.q), [search.q]);
  const valid = syntaxError === null;

  const events = useEvents(search, { enabled: valid });
  const histogram = useHistogram(search, stack, { enabled: valid, refetchMs: live ? LIVE_HISTOGRAM_MS : false });
  const facets = useFacets(search, FACET_FIELDS, { enabled: valid && facetsOpen, refetchMs: live ? LIVE_FACETS_MS : false });

  const paged = useMemo(() => events.data?.pages.flatMap((p) => p.events) ?? [], [events.data]);
  // The tail follows arrival time: start a little before the first page was fetched (duplicates are dropped by id).
  const seed = events.dataUpdatedAt ? new Date(events.dataUpdatedAt - TAIL_OVERLAP_MS).toISOString() : null;
  const tail = useLiveTail(search, live && valid, seed);
  const rows = useMemo(() => mergeTail(tail.events, paged), [tail.events, paged]);
  const terms = useMemo(() => highlightTerms(search.q), [search.q]);

  // A 400 from any endpoint is about the query; show it once, under the search box.
  const requestError = [events.error, histogram.error].find((e) => e instanceof ApiError && e.status === 400) ?? events.error ?? null;
  const error = syntaxError ?? requestError;

  /** The window the server resolved for what is on screen (to freeze it in a link). */
  const resolved = histogram.data && !histogram.isPlaceholderData ? { from: histogram.data.from, to: histogram.data.to } : null;

  const refresh = useCallback(() => {
    // Relative ranges ("now-1h") move with time: start again from the first page.
    void qc.resetQueries({ queryKey: eventKeys.list(search) });
    void qc.invalidateQueries({ queryKey: eventKeys.histograms() });
    void qc.invalidateQueries({ queryKey: [...eventKeys.all, "facets"] });
  }, [qc, search]);

  return { events, histogram, facets, rows, tail, terms, error, resolved, refresh };
}
