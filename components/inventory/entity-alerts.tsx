"use client";

import Link from "next/link";
import { EntityLink } from "@/components/events/entity-link";
import { AlertSeverityBadge, StatusBadge } from "@/components/ui/domain-badges";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import type { TimeRange } from "@/lib/client/entity-links";
import { formatNumber, formatTs } from "@/lib/client/format";
import type { EntityAlert } from "@/lib/client/inventory";
import type { AlertSeverity } from "@/lib/client/types";

/** Alerts about an entity (open ones of any age, resolved ones in the range). */
export function EntityAlerts({ alerts, range, showEntity = true }: { alerts: EntityAlert[]; range: TimeRange; showEntity?: boolean }) {
  if (alerts.length === 0) return <EmptyState>No alerts.</EmptyState>;
  return (
    <div className="max-h-80 overflow-auto">
      <Table className="min-w-[760px]">
        <thead>
          <tr>
            <Th>Severity</Th>
            <Th className="w-full">Title</Th>
            <Th>Status</Th>
            {showEntity && <Th>Namespace / Pod</Th>}
            <Th>Actor</Th>
            <Th className="text-right">Count</Th>
            <Th>Last seen</Th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id} data-testid="entity-alert" className="hover:bg-row-hover">
              <Td><AlertSeverityBadge severity={a.severity as AlertSeverity} /></Td>
              <Td className="max-w-[28rem] truncate" title={a.title}>
                <Link href={`/alerts/${a.id}`} className="font-medium hover:text-accent hover:underline">{a.title}</Link>
              </Td>
              <Td><StatusBadge status={a.status} /></Td>
              {showEntity && (
                <Td className="truncate font-mono">
                  <EntityLink kind="namespace" event={a} range={range} />
                  {a.pod && <span className="text-muted"> / </span>}
                  {a.pod && <EntityLink kind="pod" event={a} range={range} />}
                </Td>
              )}
              <Td className="max-w-[14rem] truncate font-mono" title={a.actor ?? undefined}>{a.actor ?? "—"}</Td>
              <Td className="text-right font-mono tabular-nums">{formatNumber(a.count)}</Td>
              <Td className="font-mono whitespace-nowrap text-muted">{formatTs(a.lastSeen)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
