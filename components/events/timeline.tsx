"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Suspense, useMemo } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState, Spinner } from "@/components/ui/states";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { eventKeys, useEvents, useHistogram, type EventSearch } from "@/lib/client/events";
import { formatNumber } from "@/lib/client/format";
import { EventDrawer } from "./event-drawer";
import { EventsTable } from "./events-table";
import { Histogram } from "./histogram";
import { QueryError } from "./query-error";
import { SearchToolbar } from "./search-toolbar";
import { useTimelineParams } from "./use-timeline-params";

function TimelineView() {
  const { search, eventId, update } = useTimelineParams();
  const qc = useQueryClient();
  const tz = useTimeZone();
  const events = useEvents(search);
  const histogram = useHistogram(search);

  const rows = useMemo(() => events.data?.pages.flatMap((p) => p.events) ?? [], [events.data]);
  const selected = eventId ? rows.find((e) => e.id === eventId) : undefined;
  // Either request can carry the 400; they share the same query.
  const error = events.error ?? histogram.error;

  function onSearch(next: EventSearch) {
    const same = next.q === search.q && next.from === search.from && next.to === search.to;
    if (same) refresh();
    else update({ q: next.q, from: next.from, to: next.to, event: null });
  }

  function refresh() {
    // Relative ranges ("now-1h") move with time: start again from the first page.
    void qc.resetQueries({ queryKey: eventKeys.list(search) });
    void qc.invalidateQueries({ queryKey: eventKeys.histogram(search) });
  }

  return (
    <div className="flex flex-col gap-3 p-4">
      <SearchToolbar
        key={`${search.q}\u0000${search.from}\u0000${search.to}`}
        search={search}
        onSearch={onSearch}
        onRefresh={refresh}
        refreshing={events.isFetching || histogram.isFetching}
        timeZone={tz}
      />
      {error ? <QueryError error={error} query={search.q} /> : null}

      {!histogram.error && (
        <Histogram
          histogram={histogram.data}
          loading={histogram.isPending}
          onZoom={(from, to) => update({ from, to, event: null })}
        />
      )}

      {!events.error && (
        <section aria-label="Events" className="rounded border border-line bg-panel">
          {events.isPending ? (
            <Spinner className="p-4" label="Loading events" />
          ) : (
            <>
              <EventsTable
                events={rows}
                selectedId={eventId}
                onOpen={(e) => update({ event: e.id }, "replace")}
                empty={<EmptyState>No events match this query in the selected time range.</EmptyState>}
              />
              <div className="flex items-center gap-3 border-t border-line px-3 py-2 text-[11px] text-muted">
                <span>
                  Showing <span className="font-mono text-fg">{formatNumber(rows.length)}</span> events, newest first
                </span>
                {events.hasNextPage && (
                  <Button className="ml-auto" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
                    {events.isFetchingNextPage ? "Loading…" : "Load more"}
                  </Button>
                )}
              </div>
            </>
          )}
        </section>
      )}

      <EventDrawer eventId={eventId} initial={selected} onClose={() => update({ event: null }, "replace")} />
    </div>
  );
}

export function Timeline() {
  return (
    <Suspense fallback={<Spinner className="p-4" label="Loading timeline" />}>
      <TimelineView />
    </Suspense>
  );
}
