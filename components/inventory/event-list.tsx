"use client";

import { useState, type ReactNode } from "react";
import { EventDrawer } from "@/components/events/event-drawer";
import { EntityLink } from "@/components/events/entity-link";
import { cn } from "@/components/ui/cn";
import { LayerBadge, SeverityBadge } from "@/components/ui/domain-badges";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { useTimeZone } from "@/components/ui/use-time-zone";
import type { TimeRange } from "@/lib/client/entity-links";
import { formatTs } from "@/lib/client/format";
import type { StoredEvent } from "@/lib/client/types";

export type EventColumn = "layer" | "severity" | "cluster" | "node" | "namespace" | "pod" | "container" | "actor" | "action" | "code";

const HEAD: Record<EventColumn, string> = {
  layer: "Layer", severity: "Severity", cluster: "Cluster", node: "Node", namespace: "Namespace", pod: "Pod",
  container: "Container", actor: "Actor", action: "Action", code: "Code",
};

const WIDTH: Record<EventColumn, string> = {
  layer: "w-24", severity: "w-20", code: "w-14", cluster: "w-32", node: "w-48", namespace: "w-36", pod: "w-52", container: "w-32", actor: "w-64", action: "w-60",
};

function action(e: StoredEvent): string {
  const res = e.subresource ? `${e.resource ?? ""}/${e.subresource}` : (e.resource ?? "");
  return [e.verb, res, e.objectName && e.resource !== "pods" ? e.objectName : null].filter(Boolean).join(" ");
}

function Cell({ col, e, range }: { col: EventColumn; e: StoredEvent; range: TimeRange }): ReactNode {
  switch (col) {
    case "layer":
      return <LayerBadge layer={e.layer} />;
    case "severity":
      return <SeverityBadge severity={e.severity} />;
    case "cluster":
    case "node":
    case "namespace":
    case "pod":
      return <EntityLink kind={col} event={e} range={range} />;
    case "container":
      return e.container ?? <span className="text-muted/60">—</span>;
    case "actor":
      return e.actor ?? <span className="text-muted/60">—</span>;
    case "action":
      return action(e) || <span className="text-muted/60">—</span>;
    case "code":
      return e.code === null ? <span className="text-muted/60">—</span> : <span className={cn(e.code >= 400 && "text-danger")}>{e.code}</span>;
  }
}

/**
 * Events of an entity page, newest first; a row opens the event drawer, entity
 * names link to their pages (keeping the time range).
 */
export function EventList({
  events, columns, range, empty = "No events in the selected time range.", testId = "entity-event", maxHeight = "max-h-[28rem]",
}: { events: StoredEvent[]; columns: EventColumn[]; range: TimeRange; empty?: string; testId?: string; maxHeight?: string }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const tz = useTimeZone();
  if (events.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <>
      <div className={cn("overflow-auto", maxHeight)}>
        <Table className="min-w-[900px] table-fixed">
          <thead>
            <tr>
              <Th className="w-44" title="Your browser's time zone">Time{tz ? ` (${tz})` : ""}</Th>
              {columns.map((c) => (
                <Th key={c} className={WIDTH[c]}>{HEAD[c]}</Th>
              ))}
              <Th>Message</Th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr
                key={e.id}
                data-testid={testId}
                data-event-id={e.id}
                data-layer={e.layer}
                tabIndex={0}
                onClick={() => setOpenId(e.id)}
                onKeyDown={(k) => {
                  if (k.target === k.currentTarget && (k.key === "Enter" || k.key === " ")) {
                    k.preventDefault();
                    setOpenId(e.id);
                  }
                }}
                className={cn("cursor-pointer outline-none hover:bg-row-hover focus-visible:ring-1 focus-visible:ring-accent focus-visible:ring-inset", openId === e.id && "bg-row-active")}
              >
                <Td className="font-mono whitespace-nowrap text-muted tabular-nums">
                  <time dateTime={e.ts}>{formatTs(e.ts)}</time>
                </Td>
                {columns.map((c) => (
                  <Td key={c} className="truncate font-mono">
                    <Cell col={c} e={e} range={range} />
                  </Td>
                ))}
                <Td className="truncate" title={e.message}>
                  {e.message}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <EventDrawer eventId={openId} initial={events.find((e) => e.id === openId)} onClose={() => setOpenId(null)} range={range} />
    </>
  );
}
