"use client";

import { TimeAgo } from "@/components/ingest/time-ago";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { formatTs, formatTsZone } from "@/lib/client/format";
import { useNamespaceDetail, type WorkloadRow } from "@/lib/client/inventory";
import { EntityAlerts } from "./entity-alerts";
import { PodsTable } from "./entity-lists";
import { EntityPage, entityCrumbs, withRangeBoundary } from "./entity-page";
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
  return (
    <EntityPage
      crumbs={entityCrumbs({ cluster, namespace }, links)}
      timeline={timelineHref({ cluster, namespace }, links)}
      query={query}
      notFound={`No namespace “${namespace}” has been seen in ${cluster}.`}
      loadingLabel="Loading namespace"
    >
      {(d) => (
        <>
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
        </>
      )}
    </EntityPage>
  );
}

export const NamespaceView = withRangeBoundary("Loading namespace", NamespaceBody);
