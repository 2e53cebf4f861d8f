"use client";

import { ExternalLink, Rows3 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState, ErrorBox, Spinner } from "@/components/ui/states";
import { ApiError, errorMessage } from "@/lib/client/api";
import type { TimeRange } from "@/lib/client/entity-links";
import { useEvent } from "@/lib/client/events";
import { CONTEXT_SCOPES, type ContextScope } from "@/lib/client/search-types";
import type { StoredEvent } from "@/lib/client/types";
import { PinToIncidentButton } from "@/components/incidents/pin-to-incident-button";
import { EventDetail } from "./event-detail";
import type { FilterFn } from "./event-field-row";

type Props = {
  eventId: string | null;
  /** The row the user clicked, shown at once instead of refetching. */
  initial?: StoredEvent;
  onClose: () => void;
  onFilter?: FilterFn;
  /** "Show surrounding": the timeline switches to the context view of this event. */
  onShowContext?: (event: StoredEvent, scope: ContextScope) => void;
  range?: TimeRange;
};

/** The widest scope the event can be placed in: a pod's events need a pod. */
function defaultScope(e: StoredEvent): ContextScope {
  return e.pod ? "pod" : e.node ? "node" : "cluster";
}

function ContextControls({ event, onShowContext }: { event: StoredEvent; onShowContext: NonNullable<Props["onShowContext"]> }) {
  const [scope, setScope] = useState<ContextScope>(defaultScope(event));
  const usable = (s: ContextScope) => s === "cluster" || (s === "node" ? !!event.node : s === "pod" ? !!event.pod : !!event.container);
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2 rounded border border-line bg-panel-2 px-2 py-1.5 text-xs">
      <Button variant="primary" onClick={() => onShowContext(event, scope)}>
        <Rows3 className="size-3.5" aria-hidden />
        Show surrounding
      </Button>
      <label className="text-muted" htmlFor="context-scope">
        across the same
      </label>
      <select id="context-scope" aria-label="Context scope" value={scope} onChange={(e) => setScope(e.target.value as ContextScope)} className="h-7 rounded border border-line bg-panel px-1.5 text-xs">
        {CONTEXT_SCOPES.filter(usable).map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <span className="text-muted">— ±lines of its container and ±time across the scope, all layers</span>
    </div>
  );
}

export function EventDrawer({ eventId, initial, onClose, onFilter, onShowContext, range }: Props) {
  const query = useEvent(eventId, initial);
  const event = query.data;

  return (
    <Dialog
      variant="drawer"
      open={eventId !== null}
      onOpenChange={(open) => !open && onClose()}
      title={event ? <span className="font-mono">{event.layer} · {event.id}</span> : "Event"}
      headerExtra={
        eventId && (
          <span className="inline-flex items-center gap-1">
          {event && <PinToIncidentButton eventId={event.id} eventTs={event.ts} />}
          <Link
            href={`/events/${encodeURIComponent(eventId)}`}
            className="inline-flex items-center gap-1 rounded px-2 py-1 text-xs font-medium text-accent hover:bg-row-hover"
          >
            Open event page
            <ExternalLink className="size-3.5" aria-hidden />
          </Link>
          </span>
        )
      }
    >
      {event ? (
        <>
          {onShowContext && <ContextControls key={event.id} event={event} onShowContext={onShowContext} />}
          <EventDetail event={event} onFilter={onFilter} range={range} />
        </>
      ) : query.isError ? (
        query.error instanceof ApiError && query.error.status === 404 ? (
          <EmptyState>Event not found.</EmptyState>
        ) : (
          <ErrorBox>{errorMessage(query.error)}</ErrorBox>
        )
      ) : (
        <Spinner label="Loading event" />
      )}
    </Dialog>
  );
}
