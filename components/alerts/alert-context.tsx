"use client";

import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { EventDrawer } from "@/components/events/event-drawer";
import { EventsTable } from "@/components/events/events-table";
import { EmptyState, ErrorBox, Spinner } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useAlertContextEvents } from "@/lib/client/alerts";
import { clusterHref, namespaceHref, nodeHref, podHref } from "@/lib/client/entity-links";
import { formatTsZone } from "@/lib/client/format";
import type { StoredEvent } from "@/lib/client/types";
import { entityContextQuery, eventsSearchHref, windowAround } from "./context-query";

type AlertLike = { id: number; cluster: string | null; namespace: string | null; pod: string | null; firstSeen: string; lastSeen: string };

function EntityLink({ label, href, value }: { label: string; href: string | null; value: string }) {
  return (
    <span className="inline-flex items-center gap-1">
      <span className="text-[10.5px] font-semibold tracking-wider text-muted uppercase">{label}</span>
      {href ? (
        <Link href={href} className="font-mono text-accent hover:underline">
          {value}
        </Link>
      ) : (
        <span className="font-mono">{value}</span>
      )}
    </span>
  );
}

/** Links to the entity pages the alert concerns, opened on the context window. */
export function AlertEntityLinks({ alert, node, window }: { alert: AlertLike; node: string | null; window: { from: string; to: string } }) {
  const c = alert.cluster;
  if (!c) return null;
  return (
    <div className="flex flex-wrap gap-x-4 gap-y-1 text-xs" data-testid="alert-entities">
      <EntityLink label="Cluster" value={c} href={clusterHref(c, window)} />
      {alert.namespace && <EntityLink label="Namespace" value={alert.namespace} href={namespaceHref(c, alert.namespace, window)} />}
      {alert.namespace && alert.pod && <EntityLink label="Pod" value={alert.pod} href={podHref(c, alert.namespace, alert.pod, window)} />}
      {node && <EntityLink label="Node" value={node} href={nodeHref(c, node, window)} />}
    </div>
  );
}

/**
 * Everything of every layer (audit, Kubernetes events, container and node
 * logs, runtime) on the alert's entity within ±15 minutes of what it saw.
 */
export function AlertContext({ alert, linked, window }: { alert: AlertLike; linked: StoredEvent[]; window?: { from: string; to: string } | null }) {
  const w = window ?? windowAround(alert.firstSeen, alert.lastSeen, 15);
  const q = entityContextQuery(alert);
  const ctx = useAlertContextEvents(String(alert.id), q, w);
  const [openId, setOpenId] = useState<string | null>(null);
  const events = ctx.data?.events ?? [];
  const node = [...linked, ...events].find((e) => e.node)?.node ?? null;
  const linkedIds = new Set(linked.map((e) => e.id));

  return (
    <div className="flex flex-col">
      <div className="flex flex-wrap items-center gap-3 border-b border-line px-3 py-2">
        <AlertEntityLinks alert={alert} node={node} window={w} />
        <span className="ml-auto font-mono text-[11px] text-muted">
          {formatTsZone(w.from)} → {formatTsZone(w.to)}
        </span>
        {q && (
          <Link href={eventsSearchHref(q, w.from, w.to)} className="inline-flex items-center gap-1 text-xs font-medium text-accent hover:underline">
            Open in timeline
            <ExternalLink className="size-3.5" aria-hidden />
          </Link>
        )}
      </div>
      {!q ? (
        <EmptyState>This alert names no cluster, namespace or pod.</EmptyState>
      ) : ctx.isPending ? (
        <Spinner className="p-3" label="Loading context" />
      ) : ctx.isError ? (
        <ErrorBox className="m-3">{errorMessage(ctx.error)}</ErrorBox>
      ) : (
        <>
          <div data-testid="alert-context">
            <EventsTable events={events} selectedId={openId} onOpen={(e) => setOpenId(e.id)} empty={<EmptyState>No events around this alert.</EmptyState>} />
          </div>
          <p className="px-3 py-1.5 text-[11px] text-muted">
            {events.length} event{events.length === 1 ? "" : "s"}
            {ctx.data?.nextCursor ? " (the first 200; open in timeline for all)" : ""}; {events.filter((e) => linkedIds.has(e.id)).length} of them matched the rule.
          </p>
        </>
      )}
      <EventDrawer eventId={openId} initial={events.find((e) => e.id === openId)} onClose={() => setOpenId(null)} />
    </div>
  );
}
