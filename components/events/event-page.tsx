"use client";

import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { EmptyState, ErrorBox, PageHeader, Spinner } from "@/components/ui/states";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useEvent } from "@/lib/client/events";
import { EventDetail } from "./event-detail";

export function EventPage({ id }: { id: string }) {
  const query = useEvent(id);

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
      />
      <div className="mx-auto max-w-5xl p-4">
        <div className="rounded border border-line bg-panel p-4">
          {query.data ? (
            <EventDetail event={query.data} />
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
