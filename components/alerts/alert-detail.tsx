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
import { resolutionLabel, type TriageAlertDetail } from "@/lib/client/alerts";
import { AlertActions } from "./alert-actions";
import { AlertAssignControl } from "./alert-assign-control";
import { AlertContext } from "./alert-context";
import { AlertIncidentControl } from "./alert-incident-control";
import { AlertNotesPanel } from "./alert-notes-panel";
import { PermalinkButton } from "./permalink-button";
import { AlertEvents } from "./alert-events";
import { AlertHistory } from "./alert-history";
import { RulePanel } from "./rule-panel";
import { EntityLink } from "@/components/events/entity-link";
import { alertWindow } from "./alerts-table";

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

function AlertBody({ data, role }: { data: TriageAlertDetail; role: RoleName }) {
  const { alert, events, history } = data;
  const canTriage = hasRole(role, "analyst");
  return (
    <div className="flex flex-col gap-3 p-4">
      <div className="flex flex-wrap items-start gap-3 rounded border border-line bg-panel p-3">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <AlertSeverityBadge severity={alert.severity} />
            <StatusBadge status={alert.status} data-testid="alert-status" />
            <span className="font-mono text-[11px] text-muted">#{alert.id}</span>
            <PermalinkButton path={`/alerts/${alert.id}`} label="Copy link to this alert" />
          </div>
          <h2 className="mt-1.5 text-base font-semibold break-words">{alert.title}</h2>
          {alert.resolutionReason && (
            <p className="mt-1 text-xs" data-testid="alert-resolution-reason">
              Resolved as <span className="font-semibold">{resolutionLabel(alert.resolutionReason)}</span>
            </p>
          )}
          {alert.resolution && <p className="mt-1 text-xs text-muted">Resolution: {alert.resolution}</p>}
          <div className="mt-2 flex flex-wrap items-end gap-3">
            {canTriage && <AlertAssignControl alertId={String(alert.id)} assignee={alert.assignee} />}
            <AlertIncidentControl alert={alert} incident={data.incident ?? alert.incident} canTriage={canTriage} />
          </div>
        </div>
        {hasRole(role, "analyst") && <AlertActions alertId={String(alert.id)} status={alert.status} />}
      </div>

      <dl className="grid grid-cols-2 gap-3 rounded border border-line bg-panel p-3 md:grid-cols-4">
        <Fact label="Cluster">{alert.cluster ? <EntityLink kind="cluster" event={{ cluster: alert.cluster ?? "", namespace: alert.namespace, pod: alert.pod }} range={alertWindow(alert)} /> : ""}</Fact>
        <Fact label="Namespace">{alert.namespace ? <EntityLink kind="namespace" event={{ cluster: alert.cluster ?? "", namespace: alert.namespace, pod: alert.pod }} range={alertWindow(alert)} /> : ""}</Fact>
        <Fact label="Pod">{alert.pod ? <EntityLink kind="pod" event={{ cluster: alert.cluster ?? "", namespace: alert.namespace, pod: alert.pod }} range={alertWindow(alert)} /> : ""}</Fact>
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

      <Panel title="Context ±15 min, all layers">
        <AlertContext alert={alert} linked={events} window={data.context} />
      </Panel>

      <Panel title={`Notes (${data.notes?.length ?? 0})`}>
        <AlertNotesPanel alertId={String(alert.id)} notes={data.notes ?? []} canWrite={canTriage} />
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
