"use client";

import { Search, Trash2 } from "lucide-react";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { eventsSearchHref } from "@/components/alerts/context-query";
import { SafeMarkdown } from "@/components/alerts/safe-markdown";
import { EventDrawer } from "@/components/events/event-drawer";
import { EventsTable } from "@/components/events/events-table";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { formatTsZone } from "@/lib/client/format";
import { useRemoveEvidence, type Evidence } from "@/lib/client/incidents";
import type { StoredEvent } from "@/lib/client/types";

type RemoveFn = ((ev: Evidence) => void) | undefined;

function Meta({ ev, onRemove, children }: { ev: Evidence; onRemove: RemoveFn; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-[11px] text-muted">
      {children}
      <span>
        pinned by <span className="font-mono text-fg">{ev.addedBy?.email ?? "system"}</span>
      </span>
      <time dateTime={ev.addedAt} className="font-mono">
        {formatTsZone(ev.addedAt)}
      </time>
      {onRemove && (
        <Button size="xs" variant="ghost" className="ml-auto" onClick={() => onRemove(ev)} aria-label={`Remove ${ev.kind} evidence ${ev.id}`}>
          <Trash2 className="size-3.5" aria-hidden />
          Remove
        </Button>
      )}
    </div>
  );
}

function SubHeading({ children }: { children: ReactNode }) {
  return <h3 className="bg-panel-2 px-3 py-1 text-[10.5px] font-semibold tracking-wider text-muted uppercase">{children}</h3>;
}

/**
 * Pinned evidence: events (in the timeline's own table), searches with their
 * absolute window, notes (Markdown, rendered safely). Read-only when
 * `onRemove`/`onOpenEvent` are not given (the public share page).
 */
export function EvidenceList({
  evidence,
  onRemove,
  onOpenEvent,
  linkSearches = true,
}: {
  evidence: Evidence[];
  onRemove?: RemoveFn;
  onOpenEvent?: (e: StoredEvent) => void;
  /** false on the share page: its reader cannot open the timeline */
  linkSearches?: boolean;
}) {
  const events = evidence.filter((e) => e.kind === "event");
  const searches = evidence.filter((e) => e.kind === "search");
  const notes = evidence.filter((e) => e.kind === "note");
  const stored = events.flatMap((e) => (e.event ? [e.event] : []));
  return (
    <div className="flex flex-col" data-testid="evidence">
      {events.length > 0 && (
        <section aria-label="Pinned events">
          <SubHeading>Events ({events.length})</SubHeading>
          {stored.length > 0 && <EventsTable events={stored} onOpen={(e) => onOpenEvent?.(e)} rowTestId="evidence-event-row" className="max-h-[50vh]" />}
          <ul>
            {events.map((ev) => (
              <li key={ev.id} className="border-b border-line/60 px-3 py-1 last:border-b-0">
                <Meta ev={ev} onRemove={onRemove}>
                  <span className="font-mono">event {ev.eventId ?? ev.event?.id}</span>
                  {!ev.event && <span className="text-amber-600 dark:text-amber-300">no longer stored (retention) · {ev.eventTs}</span>}
                </Meta>
              </li>
            ))}
          </ul>
        </section>
      )}
      {searches.length > 0 && (
        <section aria-label="Attached searches">
          <SubHeading>Searches ({searches.length})</SubHeading>
          <ul>
            {searches.map((ev) => (
              <li key={ev.id} data-testid="evidence-search" className="flex flex-col gap-1 border-b border-line/60 px-3 py-2 last:border-b-0">
                <div className="flex flex-wrap items-center gap-2 text-xs">
                  <Search className="size-3.5 text-muted" aria-hidden />
                  {linkSearches ? (
                    <Link href={eventsSearchHref(ev.query ?? "", ev.from, ev.to)} className="font-mono break-all text-accent hover:underline">
                      {ev.query || "(all events)"}
                    </Link>
                  ) : (
                    <code className="font-mono break-all">{ev.query || "(all events)"}</code>
                  )}
                  <span className="font-mono text-[11px] text-muted">
                    {formatTsZone(ev.from)} → {formatTsZone(ev.to)}
                  </span>
                  {ev.savedSearchId != null && <span className="text-[11px] text-muted">saved search #{ev.savedSearchId}</span>}
                </div>
                <Meta ev={ev} onRemove={onRemove} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {notes.length > 0 && (
        <section aria-label="Pinned notes">
          <SubHeading>Notes ({notes.length})</SubHeading>
          <ul>
            {notes.map((ev) => (
              <li key={ev.id} data-testid="evidence-note" className="flex flex-col gap-1 border-b border-line/60 px-3 py-2 last:border-b-0">
                <Meta ev={ev} onRemove={onRemove} />
                <SafeMarkdown source={ev.body ?? ""} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {evidence.length === 0 && <p className="px-3 py-3 text-xs text-muted">Nothing pinned yet.</p>}
    </div>
  );
}

export function IncidentEvidence({ incidentKey, evidence, canEdit }: { incidentKey: string; evidence: Evidence[]; canEdit: boolean }) {
  const remove = useRemoveEvidence(incidentKey);
  const [open, setOpen] = useState<StoredEvent | null>(null);
  return (
    <>
      <EvidenceList evidence={evidence} onOpenEvent={setOpen} onRemove={canEdit && !remove.isPending ? (ev) => remove.mutate(ev.id) : undefined} />
      {remove.isError && <ErrorBox className="m-3">{errorMessage(remove.error)}</ErrorBox>}
      <EventDrawer eventId={open?.id ?? null} initial={open ?? undefined} onClose={() => setOpen(null)} />
    </>
  );
}
