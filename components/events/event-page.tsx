"use client";

import { ArrowLeft, Rows3 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { EmptyState, ErrorBox, PageHeader, Spinner } from "@/components/ui/states";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useEvent } from "@/lib/client/events";
import { filterClause } from "@/lib/client/query-edit";
import { applyTimelinePatch, urlWith } from "@/lib/client/timeline-url";
import type { StoredEvent } from "@/lib/client/types";
import { EventDetail } from "./event-detail";

/** A window around the event, so the timeline it links to contains it. */
function around(e: StoredEvent) {
  const t = Date.parse(e.ts);
  return { from: new Date(t - 3_600_000).toISOString(), to: new Date(t + 3_600_000).toISOString() };
}

export function EventPage({ id }: { id: string }) {
  const query = useEvent(id);
  const router = useRouter();
  const event = query.data;
  const contextHref = event
    ? urlWith("/events", applyTimelinePatch(new URLSearchParams(), { ...around(event), context: { id: event.id, scope: event.pod ? "pod" : "cluster", lines: 20, window: "5m" } }))
    : null;

  return (
    <div>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            <Link href="/events" className="rounded p-1 text-muted hover:bg-row-hover hover:text-fg" aria-label="Back to timeline">
              <ArrowLeft className="size-4" aria-hidden />
            </Link>
            Event <span className="font-mono font-normal text-muted">{id}</span>
          </span>
        }
      >
        {contextHref && (
          <Link href={contextHref} className="inline-flex items-center gap-1 rounded px-2 py-1 text-xs font-medium text-accent hover:bg-row-hover">
            <Rows3 className="size-3.5" aria-hidden />
            Show surrounding
          </Link>
        )}
      </PageHeader>
      <div className="mx-auto max-w-5xl p-4">
        <div className="rounded border border-line bg-panel p-4">
          {event ? (
            <EventDetail
              event={event}
              range={around(event)}
              onFilter={(field, value, exclude) =>
                router.push(urlWith("/events", applyTimelinePatch(new URLSearchParams(), { q: filterClause(field, value, exclude), ...around(event) })))
              }
            />
          ) : query.isError ? (
            query.error instanceof ApiError && query.error.status === 404 ? (
              <EmptyState>Event not found.</EmptyState>
            ) : (
              <ErrorBox>{errorMessage(query.error)}</ErrorBox>
            )
          ) : (
            <Spinner label="Loading event" />
          )}
        </div>
      </div>
    </div>
  );
}
