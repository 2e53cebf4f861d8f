"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { cn } from "@/components/ui/cn";
import { AlertSeverityBadge } from "@/components/ui/domain-badges";
import { EmptyState, ErrorBox, PageHeader, Spinner } from "@/components/ui/states";
import { Table, Td, TextCell, Th } from "@/components/ui/table";
import { errorMessage } from "@/lib/client/api";
import { formatNumber, formatTs } from "@/lib/client/format";
import { INCIDENT_STATUSES, incidentHref, useIncidents, type IncidentStatus } from "@/lib/client/incidents";
import { IncidentStatusBadge } from "./incident-badges";
import { IncidentSuggestions } from "./incident-suggestions";

const FILTERS: { value: IncidentStatus | ""; label: string }[] = [{ value: "", label: "All" }, ...INCIDENT_STATUSES.map((s) => ({ value: s, label: s[0].toUpperCase() + s.slice(1) }))];

function IncidentsView({ canCreate }: { canCreate: boolean }) {
  const raw = useSearchParams().get("status") ?? "";
  const status = FILTERS.some((f) => f.value === raw) ? raw : "";
  const incidents = useIncidents(status);
  const router = useRouter();
  return (
    <div>
      <PageHeader title="Incidents" />
      <div className="flex flex-col gap-3 p-4">
        <IncidentSuggestions canCreate={canCreate} />
        <nav aria-label="Incident status" className="flex gap-1">
          {FILTERS.map((f) => (
            <Link
              key={f.value}
              href={f.value ? `/incidents?status=${f.value}` : "/incidents"}
              replace
              scroll={false}
              aria-current={f.value === status ? "page" : undefined}
              className={cn(
                "rounded px-2.5 py-1 text-xs font-medium",
                f.value === status ? "bg-row-active text-fg ring-1 ring-accent/50" : "text-muted hover:bg-row-hover hover:text-fg",
              )}
            >
              {f.label}
            </Link>
          ))}
        </nav>
        <section aria-label="Incidents" className="rounded border border-line bg-panel">
          {incidents.isPending ? (
            <Spinner className="p-4" label="Loading incidents" />
          ) : incidents.isError ? (
            <ErrorBox className="m-3">{errorMessage(incidents.error)}</ErrorBox>
          ) : incidents.data.length === 0 ? (
            <EmptyState>No incidents{status ? ` with status ${status}` : ""}. Create one from alerts in the queue, or accept a suggestion above.</EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <Table className="min-w-[900px]">
                <thead>
                  <tr>
                    <Th>Key</Th>
                    <Th className="w-full">Title</Th>
                    <Th>Severity</Th>
                    <Th>Status</Th>
                    <Th>Owner</Th>
                    <Th className="text-right">Alerts</Th>
                    <Th className="text-right">Evidence</Th>
                    <Th>Updated</Th>
                  </tr>
                </thead>
                <tbody>
                  {incidents.data.map((i) => (
                    <tr
                      key={i.key}
                      data-testid="incident-row"
                      className="cursor-pointer hover:bg-row-hover"
                      onClick={(e) => !(e.target as HTMLElement).closest("a") && router.push(incidentHref(i.key))}
                    >
                      <Td className="font-mono whitespace-nowrap">
                        <Link href={incidentHref(i.key)} className="text-accent hover:underline">
                          {i.key}
                        </Link>
                      </Td>
                      <Td className="max-w-[28rem] truncate font-medium" title={i.title}>
                        {i.title}
                      </Td>
                      <Td>
                        <AlertSeverityBadge severity={i.severity} />
                      </Td>
                      <Td>
                        <IncidentStatusBadge status={i.status} />
                      </Td>
                      <TextCell value={i.owner?.email} className="max-w-[12rem]" />
                      <Td className="text-right font-mono tabular-nums">{formatNumber(i.alertCount)}</Td>
                      <Td className="text-right font-mono tabular-nums">{formatNumber(i.evidenceCount)}</Td>
                      <Td className="font-mono whitespace-nowrap text-muted">{formatTs(i.updatedAt)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

export function IncidentsList({ canCreate }: { canCreate: boolean }) {
  return (
    <Suspense fallback={<Spinner className="p-4" label="Loading incidents" />}>
      <IncidentsView canCreate={canCreate} />
    </Suspense>
  );
}
