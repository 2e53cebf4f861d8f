"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useKeepScrollOnPrepend } from "./use-keep-scroll";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/states";
import { useTimeZone } from "@/components/ui/use-time-zone";
import type { StoredEvent } from "@/lib/client/types";
import { DEFAULT_CELL_CONTEXT, resolveColumns, type CellContext, type ColumnDef } from "./columns";
import { EventRow } from "./event-row";

const ROW_HEIGHT = 26;
/** Ask for the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 40;
const MESSAGE_MIN_WIDTH = 200;

type Props = {
  events: StoredEvent[];
  selectedId?: string | null;
  onOpen: (event: StoredEvent) => void;
  /** Controlled selection (j/k); without it the table keeps its own. */
  onSelect?: (id: string) => void;
  empty?: ReactNode;
  columns?: ColumnDef[];
  cell?: CellContext;
  rowTestId?: string;
  /** The context view's anchor: marked, and scrolled to once. */
  anchorId?: string | null;
  hasMore?: boolean;
  loadingMore?: boolean;
  onEndReached?: () => void;
  /** Sizing of the scroll container; the timeline fills its panel, other pages cap the height. */
  className?: string;
};

/** Virtualized, newest-first event table with keyboard selection and infinite scroll. */
export function EventsTable({
  events, selectedId, onOpen, onSelect, empty, columns, cell = DEFAULT_CELL_CONTEXT, rowTestId = "event-row", anchorId,
  hasMore, loadingMore, onEndReached, className = "max-h-[70vh]",
}: Props) {
  const tz = useTimeZone();
  const cols = useMemo(() => columns ?? resolveColumns(null), [columns]);
  const minWidth = cols.reduce((n, c) => n + (c.width ?? MESSAGE_MIN_WIDTH), 0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [ownSelection, setOwnSelection] = useState<string | null>(null);
  const selected = onSelect ? (selectedId ?? null) : (ownSelection ?? selectedId ?? null);
  const selectedIndex = useMemo(() => (selected ? events.findIndex((e) => e.id === selected) : -1), [events, selected]);

  // eslint-disable-next-line react-hooks/incompatible-library -- used as documented; rows re-render from its state
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => events[i]?.id ?? i,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1].index : -1;

  useEffect(() => {
    if (hasMore && !loadingMore && onEndReached && lastIndex >= events.length - PREFETCH_ROWS) onEndReached();
  }, [lastIndex, events.length, hasMore, loadingMore, onEndReached]);

  // Keep the selected row in view (j/k, or a selection made elsewhere), and keep focus on it.
  useEffect(() => {
    if (selectedIndex < 0) return;
    virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
    const el = scrollRef.current;
    if (el && el.contains(document.activeElement) && document.activeElement?.tagName === "TR") {
      requestAnimationFrame(() => el.querySelector<HTMLElement>(`tr[data-index="${selectedIndex}"]`)?.focus());
    }
  }, [selectedIndex, virtualizer]);

  const newAbove = useKeepScrollOnPrepend(scrollRef, events, ROW_HEIGHT);

  const anchorIndex = anchorId ? events.findIndex((e) => e.id === anchorId) : -1;
  useEffect(() => {
    if (anchorIndex >= 0) virtualizer.scrollToIndex(anchorIndex, { align: "center" });
  }, [anchorIndex, virtualizer]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.metaKey || e.ctrlKey || e.altKey || (e.target as HTMLElement).tagName !== "TR") return;
    const delta = e.key === "ArrowDown" || e.key === "j" ? 1 : e.key === "ArrowUp" || e.key === "k" ? -1 : 0;
    if (!delta || events.length === 0) return;
    e.preventDefault();
    const current = Number((e.target as HTMLElement).dataset.index ?? selectedIndex);
    const next = events[Math.min(events.length - 1, Math.max(0, current + delta))];
    if (onSelect) onSelect(next.id);
    else setOwnSelection(next.id);
  }

  const padTop = items.length > 0 ? items[0].start : 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;

  return (
    <div ref={scrollRef} onKeyDown={onKeyDown} data-events-table="" className={cn("relative overflow-auto", className)}>
      {newAbove.count > 0 && (
        <button
          type="button"
          onClick={newAbove.jump}
          data-testid="new-rows-above"
          className="sticky top-8 z-20 mx-auto -mb-6 block rounded-full border border-line bg-panel px-3 py-0.5 text-xs shadow"
        >
          ↑ {newAbove.count.toLocaleString()} new
        </button>
      )}
      <table className="w-full border-collapse text-xs" style={{ tableLayout: "fixed", minWidth }}>
        <colgroup>
          {cols.map((c) => (
            <col key={c.id} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {cols.map((c) => (
              <th
                key={c.id}
                scope="col"
                title={c.id === "ts" ? "Your browser's time zone" : undefined}
                className="sticky top-0 z-10 truncate border-b border-line bg-panel-2 px-2 py-1.5 text-left text-[10.5px] font-semibold tracking-wide whitespace-nowrap text-muted uppercase"
              >
                {c.label}
                {c.id === "ts" && tz ? ` (${tz})` : ""}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && <tr aria-hidden style={{ height: padTop }} />}
          {items.map((v) => {
            const ev = events[v.index];
            return (
              <EventRow
                key={ev.id}
                event={ev}
                index={v.index}
                columns={cols}
                cell={cell}
                selected={v.index === selectedIndex}
                tabbable={v.index === selectedIndex || (selectedIndex < 0 && v.index === 0)}
                anchor={ev.id === anchorId}
                testId={rowTestId}
                onOpen={onOpen}
              />
            );
          })}
          {padBottom > 0 && <tr aria-hidden style={{ height: padBottom }} />}
        </tbody>
      </table>
      {events.length === 0 && empty}
      {loadingMore && <Spinner className="px-3 py-2" label="Loading more" />}
    </div>
  );
}
