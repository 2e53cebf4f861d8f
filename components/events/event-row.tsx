"use client";

import type { KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { LayerBadge, SeverityBadge } from "@/components/ui/domain-badges";
import { Td, TextCell } from "@/components/ui/table";
import { formatTs } from "@/lib/client/format";
import type { StoredEvent } from "@/lib/client/types";

/** Arrow keys / j,k move between rows; Enter or Space opens the event. */
function onRowKeyDown(e: KeyboardEvent<HTMLTableRowElement>, open: () => void) {
  const row = e.currentTarget;
  const move = (el: Element | null) => {
    if (el instanceof HTMLElement && el.dataset.testid === "event-row") {
      e.preventDefault();
      el.focus();
    }
  };
  switch (e.key) {
    case "Enter":
    case " ":
      e.preventDefault();
      open();
      break;
    case "ArrowDown":
    case "j":
      move(row.nextElementSibling);
      break;
    case "ArrowUp":
    case "k":
      move(row.previousElementSibling);
      break;
  }
}

export function EventRow({ event, selected, onOpen }: { event: StoredEvent; selected?: boolean; onOpen: (e: StoredEvent) => void }) {
  const open = () => onOpen(event);
  return (
    <tr
      data-testid="event-row"
      data-event-id={event.id}
      tabIndex={0}
      data-selected={selected || undefined}
      onClick={open}
      onKeyDown={(e) => onRowKeyDown(e, open)}
      className={cn(
        "cursor-pointer outline-none hover:bg-row-hover focus-visible:bg-row-active focus-visible:ring-1 focus-visible:ring-accent focus-visible:ring-inset",
        selected && "bg-row-active",
      )}
    >
      <Td className="font-mono whitespace-nowrap text-muted tabular-nums">
        <time dateTime={event.ts}>{formatTs(event.ts)}</time>
      </Td>
      <Td>
        <LayerBadge layer={event.layer} />
      </Td>
      <Td>
        <SeverityBadge severity={event.severity} />
      </Td>
      <TextCell value={event.cluster} className="max-w-[8rem]" />
      <TextCell value={event.namespace} className="max-w-[9rem]" />
      <TextCell value={event.pod} className="max-w-[12rem]" />
      <TextCell value={event.actor} className="max-w-[12rem]" />
      <TextCell value={event.verb} className="max-w-[6rem]" />
      <TextCell value={event.subresource ? `${event.resource ?? ""}/${event.subresource}` : event.resource} className="max-w-[9rem]" />
      <Td className="max-w-0 w-full truncate" title={event.message}>
        {event.message}
      </Td>
    </tr>
  );
}
