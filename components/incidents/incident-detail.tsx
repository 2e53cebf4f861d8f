"use client";

import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { NotesList } from "@/components/alerts/alert-notes";
import { AlertsTable } from "@/components/alerts/alerts-table";
import { EmptyState, ErrorBox, PageHeader, Spinner } from "@/components/ui/states";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useIncident, type IncidentDetail } from "@/lib/client/incidents";
import { EvidenceForms } from "./evidence-forms";
import { IncidentActivityList } from "./incident-activity";
import { IncidentEvidence } from "./incident-evidence";
import { IncidentHeader } from "./incident-header";
import { IncidentSummaryPanel } from "./incident-summary";

export function Panel({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <section aria-label={title} className={`rounded border border-line bg-panel ${className ?? ""}`}>
      <h2 className="border-b border-line px-3 py-2 text-[10.5px] font-semibold tracking-wider text-muted uppercase">{title}</h2>
      {children}
    </section>
  );
}

function IncidentBody({ data, canEdit }: { data: IncidentDetail; canEdit: boolean }) {
  const { incident, alerts, evidence, activity } = data;
  const notes = (data.notes ?? []).map((n) => ({ ...n, context: n.alertId ? `alert #${n.alertId}` : undefined }));
  return (
    <div className="flex flex-col gap-3 p-4">
      <IncidentHeader incident={incident} canEdit={canEdit} />
      <Panel title="Summary">
        <IncidentSummaryPanel incidentKey={incident.key} summary={incident.summary ?? ""} canEdit={canEdit} />
      </Panel>
      <Panel title={`Alerts (${alerts.length})`}>
        {alerts.length ? <AlertsTable alerts={alerts} /> : <EmptyState>No alerts in this incident. Add them from the alert queue.</EmptyState>}
      </Panel>
      <div className="grid gap-3 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Panel title={`Pinned evidence (${evidence.length})`}>
          <IncidentEvidence incidentKey={incident.key} evidence={evidence} canEdit={canEdit} />
          {canEdit && <EvidenceForms incidentKey={incident.key} />}
        </Panel>
        <div className="flex flex-col gap-3">
          <Panel title={`Activity (${activity.length})`}>
            <IncidentActivityList activity={activity} />
          </Panel>
          <Panel title={`Alert notes (${notes.length})`}>
            <div className="px-3 py-1">
              <NotesList notes={notes} empty="No notes on these alerts." />
            </div>
          </Panel>
        </div>
      </div>
    </div>
  );
}

export function IncidentDetailView({ incidentKey, canEdit }: { incidentKey: string; canEdit: boolean }) {
  const query = useIncident(incidentKey);
  return (
    <div>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            <Link href="/incidents" className="rounded p-1 text-muted hover:bg-row-hover hover:text-fg" aria-label="Back to incidents">
              <ArrowLeft className="size-4" aria-hidden />
            </Link>
            Incident {query.data?.incident.key ?? incidentKey}
          </span>
        }
      />
      {query.data ? (
        <IncidentBody data={query.data} canEdit={canEdit} />
      ) : query.isError ? (
        query.error instanceof ApiError && query.error.status === 404 ? (
          <EmptyState>Incident not found.</EmptyState>
        ) : (
          <ErrorBox className="m-4">{errorMessage(query.error)}</ErrorBox>
        )
      ) : (
        <Spinner className="p-4" label="Loading incident" />
      )}
    </div>
  );
}
