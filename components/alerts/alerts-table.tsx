"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { AlertSeverityBadge, StatusBadge } from "@/components/ui/domain-badges";
import { Table, Td, TextCell, Th } from "@/components/ui/table";
import { formatNumber, formatTs } from "@/lib/client/format";
import type { AlertDto } from "@/lib/client/types";
import { AlertRowExtras, SelectCell, SelectAllHeader, rowSelectionProps, type AlertSelection } from "./alert-row-selection";
import { EntityLink } from "@/components/events/entity-link";

/** Entity pages open on the alert's own time (an hour either side of it). */
export function alertWindow(a: Pick<AlertDto, "firstSeen" | "lastSeen">): { from: string; to: string } {
  return { from: new Date(Date.parse(a.firstSeen) - 3_600_000).toISOString(), to: new Date(Date.parse(a.lastSeen) + 3_600_000).toISOString() };
}

/** cluster / namespace / pod, each a link to its entity page. */
export function AlertEntityNames({ alert: a }: { alert: Pick<AlertDto, "cluster" | "namespace" | "pod" | "firstSeen" | "lastSeen"> }) {
  const range = alertWindow(a);
  const ref = { cluster: a.cluster ?? "", namespace: a.namespace, pod: a.pod };
  if (!a.cluster) return <span className="text-muted/60">—</span>;
  return (
    <>
      <EntityLink kind="cluster" event={ref} range={range} />
      {a.namespace && <span className="text-muted"> / </span>}
      {a.namespace && <EntityLink kind="namespace" event={ref} range={range} />}
      {a.pod && <span className="text-muted"> / </span>}
      {a.pod && <EntityLink kind="pod" event={ref} range={range} />}
    </>
  );
}

export function entityLabel(a: Pick<AlertDto, "cluster" | "namespace" | "pod">): string {
  return [a.cluster, a.namespace, a.pod].filter(Boolean).join(" / ");
}

export function AlertsTable({ alerts, selection }: { alerts: AlertDto[]; selection?: AlertSelection }) {
  const router = useRouter();
  return (
    <div className="overflow-x-auto">
      <Table className="min-w-[1100px]">
        <thead>
          <tr>
            {selection && <SelectAllHeader alerts={alerts} selection={selection} />}
            <Th>Severity</Th>
            <Th className="w-full">Title</Th>
            <Th>Rule</Th>
            <Th>Status</Th>
            {selection && <Th>Assignee</Th>}
            <Th>Cluster / Namespace / Pod</Th>
            <Th>Actor</Th>
            <Th className="text-right">Count</Th>
            <Th>First seen</Th>
            <Th>Last seen</Th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr
              key={a.id}
              data-testid="alert-row"
              data-alert-id={a.id}
              {...rowSelectionProps(a, selection)}
              onClick={(e) => {
                // The title link and the checkbox handle their own clicks (and middle/ctrl-clicks).
                if ((e.target as HTMLElement).closest("a, input, label")) return;
                router.push(`/alerts/${a.id}`);
              }}
              className="cursor-pointer hover:bg-row-hover data-[focused=true]:ring-1 data-[focused=true]:ring-accent data-[focused=true]:ring-inset data-[selected=true]:bg-row-active"
            >
              {selection && <SelectCell alert={a} selection={selection} />}
              <Td>
                <AlertSeverityBadge severity={a.severity} />
              </Td>
              <Td className="min-w-[18rem] max-w-[32rem] truncate" title={a.title}>
                <Link href={`/alerts/${a.id}`} className="font-medium hover:text-accent hover:underline">
                  {a.title}
                </Link>
                {selection && <AlertRowExtras alert={a} />}
              </Td>
              <TextCell value={a.ruleName} mono={false} className="max-w-[14rem]" />
              <Td>
                <StatusBadge status={a.status} />
              </Td>
              {selection && <TextCell value={a.assignee?.email} className="max-w-[12rem]" />}
              <Td className="max-w-[18rem] truncate font-mono" title={entityLabel(a)}>
                <AlertEntityNames alert={a} />
              </Td>
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
