"use client";

import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState, ErrorBox, Spinner } from "@/components/ui/states";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useEvent } from "@/lib/client/events";
import type { StoredEvent } from "@/lib/client/types";
import { EventDetail } from "./event-detail";

type Props = {
  eventId: string | null;
  /** The row the user clicked, shown at once instead of refetching. */
  initial?: StoredEvent;
  onClose: () => void;
};

export function EventDrawer({ eventId, initial, onClose }: Props) {
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
          <Link
            href={`/events/${encodeURIComponent(eventId)}`}
            className="inline-flex items-center gap-1 rounded px-2 py-1 text-xs font-medium text-accent hover:bg-row-hover"
          >
            Open event page
            <ExternalLink className="size-3.5" aria-hidden />
          </Link>
        )
      }
    >
      {event ? (
        <EventDetail event={event} />
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
