"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Activity } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";
import { TimeAgo } from "@/components/ingest/time-ago";
import { EmptyState, ErrorBox, Spinner } from "@/components/ui/states";
import { ApiError, errorMessage } from "@/lib/client/api";
import { clusterHref, nodeHref } from "@/lib/client/entity-links";
import { formatTsZone } from "@/lib/client/format";
import { inventoryKeys, useNode } from "@/lib/client/inventory";
import { EntityAlerts } from "./entity-alerts";
import { EntityPageHeader } from "./entity-page-header";
import { EventList } from "./event-list";
import { timelineHref } from "./links";
import { Fact, Panel } from "./panel";
import { PodLifetimes } from "./pod-lifetimes";
import { useEntityRange } from "./use-entity-range";

function NodeBody({ cluster, node }: { cluster: string; node: string }) {
  const { range, links } = useEntityRange();
  const query = useNode(cluster, node, range);
  const qc = useQueryClient();
  const d = query.data;
  return (
    <div>
      <EntityPageHeader
        crumbs={[
          { label: "Clusters", href: "/clusters" },
          { label: cluster, kind: "cluster", href: clusterHref(cluster, links) },
          { label: node, kind: "node", href: nodeHref(cluster, node, links) },
        ]}
        refreshing={query.isFetching}
        onRefresh={() => void qc.invalidateQueries({ queryKey: inventoryKeys.all })}
      >
        <Link href={timelineHref({ cluster, node }, links)} className="inline-flex items-center gap-1 rounded px-2 py-1 text-xs font-medium text-accent hover:bg-row-hover">
          <Activity className="size-3.5" aria-hidden />
          Timeline
        </Link>
      </EntityPageHeader>
      {query.isError ? (
        query.error instanceof ApiError && query.error.status === 404 ? (
          <EmptyState>No node “{node}” has been seen in {cluster}.</EmptyState>
        ) : (
          <ErrorBox className="m-4">{errorMessage(query.error)}</ErrorBox>
        )
      ) : !d ? (
        <Spinner className="p-4" label="Loading node" />
      ) : (
        <div className="flex flex-col gap-3 p-4">
          <dl className="grid grid-cols-2 gap-3 rounded border border-line bg-panel p-3 md:grid-cols-4">
            <Fact label="Node">{d.node.name}</Fact>
            <Fact label="First seen">{formatTsZone(d.node.firstSeen)}</Fact>
            <Fact label="Last event"><TimeAgo iso={d.node.lastSeen} staleAfterMs={15 * 60_000} /></Fact>
            <Fact label="Pods seen">{d.pods.length}</Fact>
          </dl>
          <Panel title="Pods seen on this node" count={d.pods.length}
            actions={<span className="text-[10.5px] text-muted">first → last seen, against the selected range</span>}>
            <PodLifetimes cluster={cluster} pods={d.pods} from={d.range.from} to={d.range.to} range={links} />
          </Panel>
          <Panel title="Runtime alerts (Falco)" count={d.runtime.length} testId="node-runtime">
            <EventList events={d.runtime} columns={["severity", "namespace", "pod", "container", "actor"]} range={links} empty="No runtime alerts from this node in this range." />
          </Panel>
          <Panel title="Node and OS logs" count={d.nodeLogs.length} testId="node-logs">
            <EventList events={d.nodeLogs} columns={["severity", "actor"]} range={links} empty="No node logs (journald, syslog) from this node in this range." />
          </Panel>
          <Panel title="Kubernetes Events" count={d.kubeEvents.length} testId="node-kube-events"
            actions={<span className="text-[10.5px] text-muted">about the Node, and reported by its kubelet about its pods</span>}>
            <EventList events={d.kubeEvents} columns={["severity", "namespace", "pod", "actor"]} range={links} empty="No Kubernetes Events for this node in this range." />
          </Panel>
          <Panel title="Alerts on this node's pods" count={d.alerts.length}>
            <EntityAlerts alerts={d.alerts} range={links} />
          </Panel>
        </div>
      )}
    </div>
  );
}

export function NodeView({ cluster, node }: { cluster: string; node: string }) {
  return (
    <Suspense fallback={<Spinner className="p-4" label="Loading node" />}>
      <NodeBody cluster={cluster} node={node} />
    </Suspense>
  );
}
