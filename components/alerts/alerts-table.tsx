"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { AlertSeverityBadge, StatusBadge } from "@/components/ui/domain-badges";
import { Table, Td, TextCell, Th } from "@/components/ui/table";
import { formatNumber, formatTs } from "@/lib/client/format";
import type { AlertDto } from "@/lib/client/types";

export function entityLabel(a: Pick<AlertDto, "cluster" | "namespace" | "pod">): string {
  return [a.cluster, a.namespace, a.pod].filter(Boolean).join(" / ");
}

export function AlertsTable({ alerts }: { alerts: AlertDto[] }) {
  const router = useRouter();
  return (
    <div className="overflow-x-auto">
      <Table className="min-w-[1100px]">
        <thead>
          <tr>
            <Th>Severity</Th>
            <Th className="w-full">Title</Th>
            <Th>Rule</Th>
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
            <tr
              key={a.id}
              data-testid="alert-row"
              data-alert-id={a.id}
              onClick={(e) => {
                // The title link handles its own clicks (and middle/ctrl-clicks).
                if ((e.target as HTMLElement).closest("a")) return;
                router.push(`/alerts/${a.id}`);
              }}
              className="cursor-pointer hover:bg-row-hover"
            >
              <Td>
                <AlertSeverityBadge severity={a.severity} />
              </Td>
              <Td className="min-w-[18rem] max-w-[32rem] truncate" title={a.title}>
                <Link href={`/alerts/${a.id}`} className="font-medium hover:text-accent hover:underline">
                  {a.title}
                </Link>
              </Td>
              <TextCell value={a.ruleName} mono={false} className="max-w-[14rem]" />
              <Td>
                <StatusBadge status={a.status} />
              </Td>
              <TextCell value={entityLabel(a)} className="max-w-[18rem]" />
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
