"use client";

import { focusSoon } from "@/components/ui/focus-soon";
import { RefreshCw } from "lucide-react";
import { Suspense, useCallback, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState, Spinner } from "@/components/ui/states";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { SavedSearchesMenu, type AppliedSearch } from "@/components/search/saved-searches-menu";
import { SaveSearchDialog } from "@/components/search/save-search-dialog";
import { useMe } from "@/lib/client/auth";
import { useEventContext, type EventSearch } from "@/lib/client/events";
import { addFilter } from "@/lib/client/query-edit";
import { useRecentSearches } from "@/lib/client/recent-searches";
import type { ContextScope } from "@/lib/client/search-types";
import { DEFAULT_CONTEXT_LINES, DEFAULT_CONTEXT_WINDOW } from "@/lib/client/timeline-url";
import type { StoredEvent } from "@/lib/client/types";
import { resolveColumns, type CellContext } from "./columns";
import { ContextView } from "./context-view";
import { CopyLinkMenu } from "./copy-link-menu";
import { EventDrawer } from "./event-drawer";
import { EventsTable } from "./events-table";
import { FacetsPanel } from "./facets-panel";
import { Histogram } from "./histogram";
import { LiveButton } from "./live-button";
import { QueryError } from "./query-error";
import { ResultsHeader } from "./results-header";
import { SearchToolbar } from "./search-toolbar";
import { useTimelineData } from "./use-timeline-data";
import { useTimelineKeys } from "./use-timeline-keys";
import { useTimelineParams } from "./use-timeline-params";

function TimelineView() {
  const { search, columns: columnIds, stack, eventId, context, live, facetsOpen, params, pathname, update } = useTimelineParams();
  const tz = useTimeZone();
  const me = useMe();
  const { recent, record } = useRecentSearches(me.data?.id);
  const { events, histogram, facets, rows, tail, terms, error, resolved, refresh } = useTimelineData({ search, stack, live, facetsOpen });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [saveOpen, setSaveOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const columns = useMemo(() => resolveColumns(columnIds), [columnIds]);
  const range = useMemo(() => ({ from: search.from, to: search.to }), [search.from, search.to]);
  const cell: CellContext = useMemo(() => ({ terms, range }), [terms, range]);
  // Same query key as the context view's own hook: one request, shared from the cache.
  const contextQuery = useEventContext(context);
  const contextRows = contextQuery.data?.events;
  const visible = useMemo(() => (context ? (contextRows ?? []) : rows), [context, contextRows, rows]);
  const drawerInitial = eventId ? (visible.find((e) => e.id === eventId) ?? rows.find((e) => e.id === eventId)) : undefined;

  const open = useCallback(
    (e: StoredEvent) => {
      setSelectedId(e.id);
      update({ event: e.id }, "replace");
    },
    [update],
  );

  function onSearch(next: EventSearch) {
    record(next);
    const same = next.q === search.q && next.from === search.from && next.to === search.to;
    if (same) refresh();
    else update({ q: next.q, from: next.from, to: next.to, event: null, context: null });
  }

  function onFilter(field: string, value: string | null, exclude: boolean) {
    update({ q: addFilter(search.q, field, value, exclude), event: null, context: null });
  }

  function onShowContext(e: StoredEvent, scope: ContextScope) {
    setSelectedId(e.id);
    update({ event: null, context: { id: e.id, scope, lines: DEFAULT_CONTEXT_LINES, window: DEFAULT_CONTEXT_WINDOW } });
  }

  function onApplySaved(s: AppliedSearch) {
    update({ q: s.q, from: s.from, to: s.to, columns: s.columns ?? null, event: null, context: null, live: false });
  }

  function toggleLive() {
    if (live) update({ live: false }, "replace");
    // Following new events needs a window that ends now.
    else update({ live: true, ...(search.to !== "now" ? { from: "now-15m", to: "now" } : {}) }, "replace");
  }

  useTimelineKeys({
    focusSearch: () => focusSoon(inputRef.current),
    openHelp: () => setHelpOpen(true),
    move: (delta) => {
      if (visible.length === 0) return;
      const i = selectedId ? visible.findIndex((e) => e.id === selectedId) : -1;
      const next = i < 0 ? 0 : Math.min(visible.length - 1, Math.max(0, i + delta));
      setSelectedId(visible[next].id);
    },
    openSelected: () => {
      const e = visible.find((r) => r.id === selectedId) ?? visible[0];
      if (e) open(e);
    },
    escape: () => {
      if (context) update({ context: null });
    },
  });

  return (
    <div className="flex h-full min-h-[640px] flex-col gap-3 p-4">
      <SearchToolbar
        key={`${search.q}\u0000${search.from}\u0000${search.to}`}
        search={search}
        onSearch={onSearch}
        timeZone={tz}
        inputRef={inputRef}
        invalid={!!error}
        helpOpen={helpOpen}
        onHelpOpenChange={setHelpOpen}
        actions={
          <>
            <SavedSearchesMenu recent={recent} onApply={onApplySaved} onSaveCurrent={() => setSaveOpen(true)} />
            <CopyLinkMenu params={params} pathname={pathname} resolved={resolved} />
          </>
        }
        timeActions={
          <>
            <LiveButton live={live} onToggle={toggleLive} lastPollAt={tail.lastPollAt} error={!!tail.error} />
            <Button variant="ghost" onClick={refresh} disabled={events.isFetching || histogram.isFetching} aria-label="Refresh results" title="Re-run with a fresh “now”">
              <RefreshCw className={cn("size-3.5", (events.isFetching || histogram.isFetching) && "animate-spin")} aria-hidden />
              Refresh
            </Button>
          </>
        }
      />
      {error ? <QueryError error={error} query={search.q} /> : null}

      {!error && (
        <Histogram
          histogram={histogram.data}
          loading={histogram.isPending}
          stack={stack}
          onStackChange={(s) => update({ stack: s }, "replace")}
          onZoom={(from, to) => update({ from, to, live: false, event: null })}
        />
      )}

      {!error && (
        <div className="flex min-h-[320px] flex-1 gap-3">
          {/* The facets describe the query's results; the context view is about one event, and needs the width. */}
          {facetsOpen && !context && (
            <FacetsPanel facets={facets.data} loading={facets.isPending} error={facets.error} q={search.q} onFilter={onFilter} onClose={() => update({ facetsOpen: false }, "replace")} />
          )}
          {context ? (
            <ContextView
              context={context}
              cell={cell}
              selectedId={selectedId}
              onSelect={setSelectedId}
              onChange={(c) => update({ context: c }, "replace")}
              onOpen={open}
              onClose={() => update({ context: null })}
            />
          ) : (
            <section aria-label="Events" className="flex min-w-0 flex-1 flex-col rounded border border-line bg-panel">
              <ResultsHeader
                search={search}
                shown={rows.length}
                more={!!events.hasNextPage}
                tailed={tail.events.length}
                columns={columns}
                onColumnsChange={(ids) => update({ columns: ids }, "replace")}
                facetsOpen={facetsOpen}
                onOpenFacets={() => update({ facetsOpen: true }, "replace")}
              />
              {events.isPending ? (
                <Spinner className="p-4" label="Loading events" />
              ) : (
                <EventsTable
                  events={rows}
                  columns={columns}
                  cell={cell}
                  selectedId={selectedId ?? eventId}
                  onSelect={setSelectedId}
                  onOpen={open}
                  hasMore={!!events.hasNextPage}
                  loadingMore={events.isFetchingNextPage}
                  onEndReached={() => void events.fetchNextPage()}
                  className="min-h-0 flex-1"
                  empty={<EmptyState>No events match this query in the selected time range.</EmptyState>}
                />
              )}
            </section>
          )}
        </div>
      )}

      <EventDrawer
        eventId={eventId}
        initial={drawerInitial}
        onClose={() => update({ event: null }, "replace")}
        onFilter={onFilter}
        onShowContext={onShowContext}
        range={range}
      />
      <SaveSearchDialog open={saveOpen} onOpenChange={setSaveOpen} search={search} columns={columnIds} />
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
