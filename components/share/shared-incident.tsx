"use client";

import { Radar } from "lucide-react";
import type { ReactNode } from "react";
import { SafeMarkdown } from "@/components/alerts/safe-markdown";
import { IncidentStatusBadge } from "@/components/incidents/incident-badges";
import { IncidentActivityList } from "@/components/incidents/incident-activity";
import { EvidenceList } from "@/components/incidents/incident-evidence";
import { AlertSeverityBadge, StatusBadge } from "@/components/ui/domain-badges";
import { Table, Td, TextCell, Th } from "@/components/ui/table";
import { NotesList } from "@/components/alerts/alert-notes";
import { resolutionLabel } from "@/lib/client/alerts";
import { formatNumber, formatTs, formatTsZone } from "@/lib/client/format";
import type { Evidence, IncidentActivity, IncidentStatus } from "@/lib/client/incidents";
import type { AlertSeverity, AlertStatus, UserRef } from "@/lib/client/types";
import type { SharedIncidentView } from "@/lib/share/public-view";

type SharedAlert = SharedIncidentView["alerts"][number];

/** The public view names people by display name only; the shared list components take a user reference. */
const person = (name: string | null): UserRef | null => (name ? { id: "", email: name } : null);

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded border border-line bg-panel">
      <h2 className="border-b border-line px-3 py-2 text-[10.5px] font-semibold tracking-wider text-muted uppercase">{title}</h2>
      {children}
    </section>
  );
}

/** Alerts without links into the app: the reader of a share link has no account. */
function SharedAlerts({ alerts }: { alerts: SharedAlert[] }) {
  if (alerts.length === 0) return <p className="px-3 py-2 text-xs text-muted">No alerts.</p>;
  return (
    <div className="overflow-x-auto">
      <Table className="min-w-[900px]">
        <thead>
          <tr>
            <Th>Severity</Th>
            <Th className="w-full">Title</Th>
            <Th>Status</Th>
            <Th>Cluster / Namespace / Pod</Th>
            <Th>Actor</Th>
            <Th className="text-right">Count</Th>
            <Th>First seen</Th>
            <Th>Last seen</Th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id} data-testid="shared-alert-row">
              <Td>
                <AlertSeverityBadge severity={a.severity as AlertSeverity} />
              </Td>
              <Td className="max-w-[28rem] truncate" title={a.title}>
                {a.title}
                {a.resolutionReason && <span className="ml-2 text-muted">({resolutionLabel(a.resolutionReason)})</span>}
              </Td>
              <Td>
                <StatusBadge status={a.status as AlertStatus} />
              </Td>
              <TextCell value={[a.cluster, a.namespace, a.pod].filter(Boolean).join(" / ")} className="max-w-[18rem]" />
              <TextCell value={a.actor} className="max-w-[12rem]" />
              <Td className="text-right font-mono tabular-nums">{formatNumber(a.count)}</Td>
              <Td className="font-mono whitespace-nowrap text-muted">{formatTs(a.firstSeen)}</Td>
              <Td className="font-mono whitespace-nowrap text-muted">{formatTs(a.lastSeen)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

/** The public, read-only view of one incident: no navigation, no actions, nothing that needs a login. */
export function SharedIncident({ data }: { data: SharedIncidentView }) {
  const { incident } = data;
  const evidence: Evidence[] = data.evidence.map((e) => ({ ...e, addedBy: person(e.addedBy) }));
  const activity: IncidentActivity[] = data.activity.map((a, i) => ({ ...a, id: String(i), user: person(a.user) }));
  const notes = data.notes.map((n) => ({ ...n, author: person(n.author), context: n.alertId ? `alert #${n.alertId}` : undefined }));
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-3 p-4" data-testid="shared-incident">
      <header className="flex flex-wrap items-center gap-2 border-b border-line pb-2">
        <Radar className="size-5 text-accent" aria-hidden />
        <span className="text-sm font-semibold">Crowsnest</span>
        <span className="rounded-sm border border-line bg-panel-2 px-1.5 py-0.5 text-[11px] text-muted">Read-only shared incident</span>
        <span className="ml-auto text-[11px] text-muted">Link expires {formatTsZone(data.share.expiresAt)}</span>
      </header>
      <div className="flex flex-col gap-2 rounded border border-line bg-panel p-3">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-mono text-xs text-muted">{incident.key}</span>
          <AlertSeverityBadge severity={incident.severity as AlertSeverity} />
          <IncidentStatusBadge status={incident.status as IncidentStatus} data-testid="incident-status" />
          {incident.owner && <span className="text-xs text-muted">owner {incident.owner}</span>}
          <span className="text-xs text-muted">opened {formatTsZone(incident.createdAt)}</span>
        </div>
        <h1 className="text-base font-semibold break-words" data-testid="incident-title">
          {incident.title}
        </h1>
        {incident.summary && <SafeMarkdown source={incident.summary} />}
      </div>
      <Section title={`Alerts (${data.alerts.length})`}>
        <SharedAlerts alerts={data.alerts} />
      </Section>
      <Section title={`Pinned evidence (${evidence.length})`}>
        <EvidenceList evidence={evidence} linkSearches={false} />
      </Section>
      <div className="grid gap-3 lg:grid-cols-2">
        <Section title={`Activity (${activity.length})`}>
          <IncidentActivityList activity={activity} />
        </Section>
        <Section title={`Notes (${notes.length})`}>
          <div className="px-3 py-1">
            <NotesList notes={notes} />
          </div>
        </Section>
      </div>
    </main>
  );
}
