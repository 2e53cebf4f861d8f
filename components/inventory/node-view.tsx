"use client";

import { TimeAgo } from "@/components/ingest/time-ago";
import { formatTsZone } from "@/lib/client/format";
import { useNode } from "@/lib/client/inventory";
import { EntityAlerts } from "./entity-alerts";
import { EntityPage, entityCrumbs, withRangeBoundary } from "./entity-page";
import { EventList } from "./event-list";
import { timelineHref } from "./links";
import { Fact, Panel } from "./panel";
import { PodLifetimes } from "./pod-lifetimes";
import { useEntityRange } from "./use-entity-range";

function NodeBody({ cluster, node }: { cluster: string; node: string }) {
  const { range, links } = useEntityRange();
  const query = useNode(cluster, node, range);
  return (
    <EntityPage
      crumbs={entityCrumbs({ cluster, node }, links)}
      timeline={timelineHref({ cluster, node }, links)}
      query={query}
      notFound={`No node “${node}” has been seen in ${cluster}.`}
      loadingLabel="Loading node"
    >
      {(d) => (
        <>
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
        </>
      )}
    </EntityPage>
  );
}

export const NodeView = withRangeBoundary("Loading node", NodeBody);
