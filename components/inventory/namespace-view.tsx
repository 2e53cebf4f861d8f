"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Activity } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";
import { TimeAgo } from "@/components/ingest/time-ago";
import { EmptyState, ErrorBox, Spinner } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { ApiError, errorMessage } from "@/lib/client/api";
import { clusterHref, namespaceHref } from "@/lib/client/entity-links";
import { formatTs, formatTsZone } from "@/lib/client/format";
import { inventoryKeys, useNamespaceDetail, type WorkloadRow } from "@/lib/client/inventory";
import { EntityAlerts } from "./entity-alerts";
import { PodsTable } from "./entity-lists";
import { EntityPageHeader } from "./entity-page-header";
import { EventList } from "./event-list";
import { timelineHref } from "./links";
import { Fact, Panel } from "./panel";
import { useEntityRange } from "./use-entity-range";

function Workloads({ rows }: { rows: WorkloadRow[] }) {
  if (rows.length === 0) return <EmptyState>No pods seen in this namespace.</EmptyState>;
  return (
    <div className="max-h-80 overflow-auto">
      <Table>
        <thead>
          <tr><Th className="w-full">Workload</Th><Th>Pods</Th><Th>First seen</Th><Th>Last seen</Th></tr>
        </thead>
        <tbody>
          {rows.map((w) => (
            <tr key={w.name || "(none)"} data-testid="workload-row" className="hover:bg-row-hover">
              <Td className="font-mono">{w.name || <span className="text-muted">bare pods (no owner)</span>}</Td>
              <Td className="text-right font-mono">{w.pods}</Td>
              <Td className="font-mono whitespace-nowrap text-muted">{formatTs(w.firstSeen)}</Td>
              <Td><TimeAgo iso={w.lastSeen} staleAfterMs={3_600_000} /></Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

function NamespaceBody({ cluster, namespace }: { cluster: string; namespace: string }) {
  const { range, links } = useEntityRange();
  const query = useNamespaceDetail(cluster, namespace, range);
  const qc = useQueryClient();
  const d = query.data;
  return (
    <div>
      <EntityPageHeader
        crumbs={[
          { label: "Clusters", href: "/clusters" },
          { label: cluster, kind: "cluster", href: clusterHref(cluster, links) },
          { label: namespace, kind: "namespace", href: namespaceHref(cluster, namespace, links) },
        ]}
        refreshing={query.isFetching}
        onRefresh={() => void qc.invalidateQueries({ queryKey: inventoryKeys.all })}
      >
        <Link href={timelineHref({ cluster, namespace }, links)} className="inline-flex items-center gap-1 rounded px-2 py-1 text-xs font-medium text-accent hover:bg-row-hover">
          <Activity className="size-3.5" aria-hidden />
          Timeline
        </Link>
      </EntityPageHeader>
      {query.isError ? (
        query.error instanceof ApiError && query.error.status === 404 ? (
          <EmptyState>No namespace “{namespace}” has been seen in {cluster}.</EmptyState>
        ) : (
          <ErrorBox className="m-4">{errorMessage(query.error)}</ErrorBox>
        )
      ) : !d ? (
        <Spinner className="p-4" label="Loading namespace" />
      ) : (
        <div className="flex flex-col gap-3 p-4">
          <dl className="grid grid-cols-2 gap-3 rounded border border-line bg-panel p-3 md:grid-cols-4">
            <Fact label="Namespace">{d.namespace.name}</Fact>
            <Fact label="First seen">{formatTsZone(d.namespace.firstSeen)}</Fact>
            <Fact label="Last event"><TimeAgo iso={d.namespace.lastSeen} staleAfterMs={3_600_000} /></Fact>
            <Fact label="Workloads">{d.workloads.filter((w) => w.name).length}</Fact>
          </dl>
          <div className="grid gap-3 xl:grid-cols-[1fr_2fr]">
            <Panel title="Workloads" count={d.workloads.length}><Workloads rows={d.workloads} /></Panel>
            <Panel title="Pods"><PodsTable cluster={cluster} namespace={namespace} range={links} /></Panel>
          </div>
          <Panel title="RBAC changes (Roles, RoleBindings)" count={d.rbacChanges.length} testId="rbac-changes">
            <EventList events={d.rbacChanges} columns={["actor", "action", "code"]} range={links} empty="No Role or RoleBinding was written in this range." />
          </Panel>
          <Panel title="Secret access" count={d.secretAccess.length} testId="secret-access">
            <EventList events={d.secretAccess} columns={["actor", "action", "code"]} range={links} empty="No request for this namespace's Secrets in this range." />
          </Panel>
          <Panel title="Alerts" count={d.alerts.length}>
            <EntityAlerts alerts={d.alerts} range={links} />
          </Panel>
        </div>
      )}
    </div>
  );
}

export function NamespaceView({ cluster, namespace }: { cluster: string; namespace: string }) {
  return (
    <Suspense fallback={<Spinner className="p-4" label="Loading namespace" />}>
      <NamespaceBody cluster={cluster} namespace={namespace} />
    </Suspense>
  );
}
