"use client";

import { ShieldCheck } from "lucide-react";
import Link from "next/link";
import { TimeAgo } from "@/components/ingest/time-ago";
import { formatNumber, formatTsZone } from "@/lib/client/format";
import { useCluster } from "@/lib/client/inventory";
import { LayerActivityChart } from "./charts";
import { EntityAlerts } from "./entity-alerts";
import { NamespacesTable, NodesTable, PodsTable } from "./entity-lists";
import { EntityPage, entityCrumbs, HeaderLink, withRangeBoundary } from "./entity-page";
import { EventList } from "./event-list";
import { coverageHref, timelineHref } from "./links";
import { Fact, Panel } from "./panel";
import { SilentBanner } from "./silent-banner";
import { TamperingList } from "./tampering-list";
import { TopActors } from "./top-actors";
import { useEntityRange } from "./use-entity-range";

function ClusterBody({ cluster }: { cluster: string }) {
  const { range, links, setRange } = useEntityRange();
  const query = useCluster(cluster, range);
  return (
    <EntityPage
      crumbs={entityCrumbs({ cluster }, links)}
      actions={<HeaderLink href={coverageHref(cluster, links)} icon={ShieldCheck}>Coverage</HeaderLink>}
      timeline={timelineHref({ cluster }, links)}
      query={query}
      notFound={`No cluster named “${cluster}” has sent events.`}
      loadingLabel="Loading cluster"
    >
      {(o) => (
        <>
          <SilentBanner cluster={cluster} coverage={o.coverage} coverageHref={coverageHref(cluster, links)} />
          <dl className="grid grid-cols-2 gap-3 rounded border border-line bg-panel p-3 md:grid-cols-4 xl:grid-cols-7">
            <Fact label="First seen">{formatTsZone(o.cluster.firstSeen)}</Fact>
            <Fact label="Last event"><TimeAgo iso={o.cluster.lastSeen} staleAfterMs={15 * 60_000} /></Fact>
            <Fact label="Nodes">{formatNumber(o.counts.nodes)}</Fact>
            <Fact label="Namespaces">{formatNumber(o.counts.namespaces)}</Fact>
            <Fact label="Pods">{formatNumber(o.counts.pods)}</Fact>
            <Fact label="Containers">{formatNumber(o.counts.containers)}</Fact>
            <Fact label="Coverage">
              <Link href={coverageHref(cluster, links)} className="hover:text-accent hover:underline" data-testid="cluster-coverage-score">
                {o.coverage.score} / 100 ({o.coverage.reporting} of 5 layers)
              </Link>
            </Fact>
          </dl>
          <Panel title="Activity by layer">
            <LayerActivityChart histogram={o.histogram} onZoom={setRange} />
          </Panel>
          <div className="grid gap-3 lg:grid-cols-2">
            <Panel title="Top actors by API requests" actions={<span className="text-[10.5px] text-muted">counted per {o.topActors.bucketMinutes} min</span>}>
              <TopActors cluster={cluster} actors={o.topActors.byActivity} measure="events" range={links} testId="top-actors" />
            </Panel>
            <Panel title="Top actors by denied requests (401/403)">
              <TopActors cluster={cluster} actors={o.topActors.byDenied} measure="denied" range={links} testId="top-denied" />
            </Panel>
          </div>
          <Panel title="Open alerts" count={o.openAlertCounts.critical + o.openAlertCounts.high + o.openAlertCounts.medium + o.openAlertCounts.low}
            actions={<span className="text-[10.5px] text-muted">
              {o.openAlertCounts.critical} critical · {o.openAlertCounts.high} high · {o.openAlertCounts.medium} medium · {o.openAlertCounts.low} low; most severe first
            </span>}>
            <EntityAlerts alerts={o.openAlerts} range={links} />
          </Panel>
          <Panel title="Recent high-severity events" count={o.highSeverity.length} testId="high-severity">
            <EventList events={o.highSeverity} columns={["layer", "severity", "node", "namespace", "pod", "actor"]} range={links}
              empty="No events of severity error or above in this range." />
          </Panel>
          <Panel title="Logging tampering signals" count={o.tampering.length} testId="tampering">
            <TamperingList signals={o.tampering} range={links} />
          </Panel>
          <div className="grid gap-3 xl:grid-cols-2">
            <Panel title="Nodes" count={o.counts.nodes} id="nodes">
              <NodesTable cluster={cluster} range={links} />
            </Panel>
            <Panel title="Namespaces" count={o.counts.namespaces} id="namespaces">
              <NamespacesTable cluster={cluster} range={links} />
            </Panel>
          </div>
          <Panel title="Pods" count={o.counts.pods} id="pods">
            <PodsTable cluster={cluster} range={links} />
          </Panel>
        </>
      )}
    </EntityPage>
  );
}

export const ClusterView = withRangeBoundary("Loading cluster", ClusterBody);
