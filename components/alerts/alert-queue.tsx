"use client";

import { focusSoon } from "@/components/ui/focus-soon";
import { Keyboard, UserRound } from "lucide-react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { Suspense, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState, ErrorBox, PageHeader, Spinner } from "@/components/ui/states";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { errorMessage } from "@/lib/client/api";
import { useAlertQueue, type AlertFilters, type QueueAlert } from "@/lib/client/alerts";
import { AlertBulkBar, AlertBulkDialogs, useAlertBulk } from "./alert-bulk-bar";
import { AlertFilterBar } from "./alert-filter-bar";
import { alertsHref, isMyAlerts, myAlertsFilters, parseAlertFilters } from "./alert-filters";
import { AlertGroups, groupSections } from "./alert-groups";
import type { AlertSelection } from "./alert-row-selection";
import { AlertStatusTabs } from "./alert-status-tabs";
import { AlertsTable } from "./alerts-table";
import { KeyboardHelpDialog } from "./keyboard-help-dialog";
import { useQueueKeyboard, type QueueKeyAction } from "./use-queue-keyboard";

function useSelection(ordered: QueueAlert[], resetKey: string) {
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const [forKey, setForKey] = useState(resetKey);
  const anchor = useRef<number | null>(null);
  // Another view (filters changed): what was selected is no longer on screen.
  if (forKey !== resetKey) {
    setForKey(resetKey);
    setSelected(new Set());
    setFocusedId(null);
  }

  const selection: AlertSelection = {
    selected,
    focusedId,
    onToggle: (id, shift) => {
      const next = new Set(selected);
      const ids = ordered.map((a) => a.id);
      const from = anchor.current === null ? -1 : ids.indexOf(anchor.current);
      const to = ids.indexOf(id);
      if (shift && from >= 0 && to >= 0) {
        const on = !selected.has(id);
        for (const x of ids.slice(Math.min(from, to), Math.max(from, to) + 1)) {
          if (on) next.add(x);
          else next.delete(x);
        }
      } else if (next.has(id)) next.delete(id);
      else next.add(id);
      anchor.current = id;
      setSelected(next);
      setFocusedId(id);
    },
    onSetMany: (ids, on) => {
      const next = new Set(selected);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      setSelected(next);
    },
  };
  return { selection, setSelected, setFocusedId };
}

function AlertQueueView({ canTriage }: { canTriage: boolean }) {
  const sp = useSearchParams();
  const router = useRouter();
  const search = sp.toString();
  const filters = useMemo(() => parseAlertFilters(new URLSearchParams(search)), [search]);
  const query = useAlertQueue(filters);
  const tz = useTimeZone();
  const searchRef = useRef<HTMLInputElement>(null);
  const [help, setHelp] = useState(false);

  const pages = query.data?.pages ?? [];
  const alerts = pages.flatMap((p) => p.alerts);
  const first = pages[0];
  const sections = filters.groupBy && first?.groups ? groupSections(alerts, first.groups) : null;
  const ordered = sections ? sections.flatMap((s) => s.alerts) : alerts;

  const { selection, setSelected, setFocusedId } = useSelection(ordered, search);
  const clear = () => setSelected(new Set());
  const bulk = useAlertBulk(clear);
  const selectedAlerts = ordered.filter((a) => selection.selected.has(a.id));
  const focusIdx = ordered.findIndex((a) => a.id === selection.focusedId);
  const focused = focusIdx >= 0 ? ordered[focusIdx] : null;
  const targets = selectedAlerts.length > 0 ? selectedAlerts : focused ? [focused] : [];

  const update = (patch: Partial<AlertFilters>) => router.push(alertsHref({ ...filters, ...patch }), { scroll: false });

  useEffect(() => {
    if (selection.focusedId === null) return;
    document.querySelector(`[data-testid="alert-row"][data-alert-id="${selection.focusedId}"]`)?.scrollIntoView({ block: "nearest" });
  }, [selection.focusedId]);

  useQueueKeyboard((action: QueueKeyAction) => {
    switch (action) {
      case "down":
      case "up": {
        if (ordered.length === 0) return;
        const i = focusIdx < 0 ? 0 : Math.max(0, Math.min(ordered.length - 1, focusIdx + (action === "down" ? 1 : -1)));
        setFocusedId(ordered[i].id);
        return;
      }
      case "toggle":
        if (focused) selection.onToggle(focused.id, false);
        return;
      case "acknowledge":
        if (canTriage) bulk.acknowledge(targets);
        return;
      case "resolve":
        if (canTriage) bulk.open("resolve", targets);
        return;
      case "assignToMe":
        if (canTriage) bulk.assignToMe(targets);
        return;
      case "open":
        if (focused) router.push(`/alerts/${focused.id}`);
        return;
      case "search":
        focusSoon(searchRef.current, { select: true });
        return;
      case "help":
        setHelp(true);
        return;
      case "clear":
        clear();
        return;
    }
  });

  const mine = isMyAlerts(filters);
  return (
    <div>
      <PageHeader title="Alerts">
        {tz && <span className="text-[11px] text-muted">Time zone: {tz}</span>}
        <Button size="xs" variant="ghost" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">
          <Keyboard className="size-3.5" aria-hidden />?
        </Button>
      </PageHeader>
      <div className="flex flex-col gap-3 p-4">
        <div className="flex flex-wrap items-center gap-3">
          <Link
            href={mine ? alertsHref({ ...filters, assignee: "", status: "open" }) : alertsHref(myAlertsFilters(filters))}
            aria-current={mine ? "page" : undefined}
            className={cn(
              "inline-flex items-center gap-1.5 rounded px-2.5 py-1 text-xs font-medium",
              mine ? "bg-row-active text-fg ring-1 ring-accent/50" : "text-muted hover:bg-row-hover hover:text-fg",
            )}
          >
            <UserRound className="size-3.5" aria-hidden />
            My alerts
          </Link>
          <span className="h-4 w-px bg-line" aria-hidden />
          <AlertStatusTabs current={filters.status} hrefFor={(status) => alertsHref({ ...filters, status })} counts={first?.counts} />
        </div>
        <AlertFilterBar filters={filters} onChange={update} searchRef={searchRef} />
        {canTriage && <AlertBulkBar bulk={bulk} selected={selectedAlerts} onClear={clear} />}
        <section aria-label="Alerts" className="rounded border border-line bg-panel" aria-busy={query.isFetching}>
          {query.isPending ? (
            <Spinner className="p-4" label="Loading alerts" />
          ) : query.isError ? (
            <ErrorBox className="m-3">{errorMessage(query.error)}</ErrorBox>
          ) : alerts.length === 0 ? (
            <EmptyState>{mine ? "Nothing assigned to you here." : `No ${filters.status === "all" ? "" : `${filters.status} `}alerts match.`}</EmptyState>
          ) : sections && filters.groupBy ? (
            <AlertGroups sections={sections} by={filters.groupBy} filters={filters} selection={selection} />
          ) : (
            <AlertsTable alerts={alerts} selection={selection} />
          )}
          {query.hasNextPage && (
            <div className="border-t border-line p-2 text-center">
              <Button size="xs" disabled={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
                {query.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            </div>
          )}
        </section>
        <p className="text-[11px] text-muted">
          <kbd className="font-mono">j</kbd>/<kbd className="font-mono">k</kbd> move · <kbd className="font-mono">x</kbd> select ·{" "}
          <kbd className="font-mono">a</kbd> acknowledge · <kbd className="font-mono">r</kbd> resolve · <kbd className="font-mono">e</kbd> assign to me ·{" "}
          <kbd className="font-mono">/</kbd> search · <kbd className="font-mono">?</kbd> help
        </p>
      </div>
      {canTriage && <AlertBulkDialogs bulk={bulk} onDone={clear} />}
      {help && <KeyboardHelpDialog onOpenChange={setHelp} />}
    </div>
  );
}

export function AlertQueue({ canTriage }: { canTriage: boolean }) {
  return (
    <Suspense fallback={<Spinner className="p-4" label="Loading alerts" />}>
      <AlertQueueView canTriage={canTriage} />
    </Suspense>
  );
}
