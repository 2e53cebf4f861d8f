"use client";

import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { AlertSeverityBadge, StatusBadge } from "@/components/ui/domain-badges";
import { EmptyState, ErrorBox, PageHeader, Spinner } from "@/components/ui/states";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useAlert } from "@/lib/client/alerts";
import { formatNumber, formatTsZone } from "@/lib/client/format";
import { hasRole, type RoleName } from "@/lib/auth/roles";
import type { AlertDetail } from "@/lib/client/types";
import { AlertActions } from "./alert-actions";
import { AlertEvents } from "./alert-events";
import { AlertHistory } from "./alert-history";
import { RulePanel } from "./rule-panel";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-[10.5px] font-semibold tracking-wider text-muted uppercase">{label}</dt>
      <dd className="truncate font-mono text-xs" title={typeof children === "string" ? children : undefined}>
        {children || <span className="text-muted/60">—</span>}
      </dd>
    </div>
  );
}

function Panel({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <section aria-label={title} className={`rounded border border-line bg-panel ${className ?? ""}`}>
      <h2 className="border-b border-line px-3 py-2 text-[10.5px] font-semibold tracking-wider text-muted uppercase">{title}</h2>
      {children}
    </section>
  );
}

function AlertBody({ data, role }: { data: AlertDetail; role: RoleName }) {
  const { alert, events, history } = data;
  return (
    <div className="flex flex-col gap-3 p-4">
      <div className="flex flex-wrap items-start gap-3 rounded border border-line bg-panel p-3">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <AlertSeverityBadge severity={alert.severity} />
            <StatusBadge status={alert.status} data-testid="alert-status" />
            <span className="font-mono text-[11px] text-muted">#{alert.id}</span>
          </div>
          <h2 className="mt-1.5 text-base font-semibold break-words">{alert.title}</h2>
          {alert.resolution && <p className="mt-1 text-xs text-muted">Resolution: {alert.resolution}</p>}
        </div>
        {hasRole(role, "analyst") && <AlertActions alertId={String(alert.id)} status={alert.status} />}
      </div>

      <dl className="grid grid-cols-2 gap-3 rounded border border-line bg-panel p-3 md:grid-cols-4">
        <Fact label="Cluster">{alert.cluster ?? ""}</Fact>
        <Fact label="Namespace">{alert.namespace ?? ""}</Fact>
        <Fact label="Pod">{alert.pod ?? ""}</Fact>
        <Fact label="Actor">{alert.actor ?? ""}</Fact>
        <Fact label="Count">{formatNumber(alert.count)}</Fact>
        <Fact label="First seen">{formatTsZone(alert.firstSeen)}</Fact>
        <Fact label="Last seen">{formatTsZone(alert.lastSeen)}</Fact>
        <Fact label="Assignee">{alert.assignee?.email ?? ""}</Fact>
      </dl>

      <div className="grid gap-3 lg:grid-cols-[2fr_1fr]">
        <RulePanel rule={alert.rule} />
        <Panel title={`Status history (${history.length})`}>
          <div className="px-3 py-1">
            <AlertHistory history={history} />
          </div>
        </Panel>
      </div>

      <Panel title={`Linked events (${events.length})`}>
        <AlertEvents events={events} />
      </Panel>
    </div>
  );
}

export function AlertDetailView({ id, role }: { id: string; role: RoleName }) {
  const query = useAlert(id);
  return (
    <div>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            <Link href="/alerts" className="rounded p-1 text-muted hover:bg-row-hover hover:text-fg" aria-label="Back to alerts">
              <ArrowLeft className="size-4" aria-hidden />
            </Link>
            Alert
          </span>
        }
      />
      {query.data ? (
        <AlertBody data={query.data} role={role} />
      ) : query.isError ? (
        query.error instanceof ApiError && query.error.status === 404 ? (
          <EmptyState>Alert not found.</EmptyState>
        ) : (
          <ErrorBox className="m-4">{errorMessage(query.error)}</ErrorBox>
        )
      ) : (
        <Spinner className="p-4" label="Loading alert" />
      )}
    </div>
  );
}
