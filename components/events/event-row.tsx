"use client";

import { memo } from "react";
import { cn } from "@/components/ui/cn";
import type { StoredEvent } from "@/lib/client/types";
import type { CellContext, ColumnDef } from "./columns";

type Props = {
  event: StoredEvent;
  index: number;
  columns: ColumnDef[];
  cell: CellContext;
  selected?: boolean;
  /** Roving tab stop: only one row is in the Tab order. */
  tabbable?: boolean;
  anchor?: boolean;
  testId: string;
  onOpen: (e: StoredEvent) => void;
};

/** One table row; Enter or Space opens the event (row navigation lives in the table). */
export const EventRow = memo(function EventRow({ event, index, columns, cell, selected, tabbable, anchor, testId, onOpen }: Props) {
  const open = () => onOpen(event);
  return (
    <tr
      data-testid={testId}
      data-event-id={event.id}
      data-index={index}
      data-layer={event.layer}
      data-anchor={anchor ? "true" : undefined}
      aria-selected={selected || undefined}
      tabIndex={tabbable ? 0 : -1}
      onClick={open}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          open();
        }
      }}
      className={cn(
        "h-[26px] cursor-pointer outline-none hover:bg-row-hover focus-visible:ring-1 focus-visible:ring-accent focus-visible:ring-inset",
        selected && "bg-row-active hover:bg-row-active",
        anchor && "bg-amber-400/15 shadow-[inset_3px_0_0_0_var(--accent)]",
      )}
    >
      {columns.map((c) => (
        <td
          key={c.id}
          title={c.title?.(event)}
          className={cn(
            "truncate border-b border-line/60 px-2 align-middle",
            c.id === "ts" ? "font-mono text-muted tabular-nums" : c.id !== "layer" && c.id !== "severity" && c.id !== "message" && "font-mono",
          )}
        >
          {c.render(event, cell)}
        </td>
      ))}
    </tr>
  );
});
