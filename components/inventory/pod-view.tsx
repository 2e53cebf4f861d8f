"use client";

import Link from "next/link";
import { TimeAgo, useNow } from "@/components/ingest/time-ago";
import { namespaceHref, nodeHref } from "@/lib/client/entity-links";
import { formatTsZone } from "@/lib/client/format";
import { usePod } from "@/lib/client/inventory";
import { LAYERS, type Layer } from "@/lib/events/types";
import { EntityAlerts } from "./entity-alerts";
import { EntityPage, entityCrumbs, withRangeBoundary } from "./entity-page";
import { timelineHref } from "./links";
import { Fact, Panel } from "./panel";
import { Containers, ExecHistory, Lifecycle } from "./pod-sections";
import { PodTimeline } from "./pod-timeline";
import { useEntityRange } from "./use-entity-range";

const link = "hover:text-accent hover:underline";
const GONE_AFTER_MS = 3_600_000;

function parseLayers(s: string | null): Layer[] {
  return (s ?? "").split(",").filter((x): x is Layer => (LAYERS as readonly string[]).includes(x));
}

function PodBody({ cluster, namespace, pod }: { cluster: string; namespace: string; pod: string }) {
  const { range, links, setParams, setRange, param } = useEntityRange();
  const query = usePod(cluster, namespace, pod, range);
  const container = param("container") ?? "";
  const layers = parseLayers(param("layers"));
  const now = useNow();
  return (
    <EntityPage
      crumbs={entityCrumbs({ cluster, namespace, pod }, links)}
      timeline={timelineHref({ cluster, namespace, pod }, links)}
      query={query}
      notFound={`No pod “${namespace}/${pod}” has been seen in ${cluster}.`}
      loadingLabel="Loading pod"
    >
      {(d) => (
        <>
          <dl className="grid grid-cols-2 gap-3 rounded border border-line bg-panel p-3 md:grid-cols-3 xl:grid-cols-6">
            <Fact label="Namespace"><Link href={namespaceHref(cluster, namespace, links)} className={link}>{namespace}</Link></Fact>
            <Fact label="Node">
              {d.pod.node ? <Link href={nodeHref(cluster, d.pod.node, links)} className={link} data-testid="pod-node-link">{d.pod.node}</Link> : null}
            </Fact>
            <Fact label="Owner workload">{d.pod.workload}</Fact>
            <Fact label="First seen">{formatTsZone(d.pod.firstSeen)}</Fact>
            <Fact label="Last seen">
              <TimeAgo iso={d.pod.lastSeen} staleAfterMs={GONE_AFTER_MS} />
              {now > 0 && now - Date.parse(d.pod.lastSeen) > GONE_AFTER_MS && <span className="ml-1 text-amber-600 dark:text-amber-400">(gone?)</span>}
            </Fact>
            <Fact label="Containers">{d.containers.length}</Fact>
          </dl>
          <Panel title="Containers and images" count={d.containers.length} testId="pod-containers">
            <Containers containers={d.containers} selected={container} onSelect={(c) => setParams({ container: c || null }, "replace")} />
          </Panel>
          <div className="grid gap-3 xl:grid-cols-2">
            <Panel title="Lifecycle" count={d.lifecycle.length} actions={<span className="text-[10.5px] text-muted">API actions and Kubernetes Events, first occurrence</span>}>
              <Lifecycle steps={d.lifecycle} />
            </Panel>
            <Panel title="Alerts" count={d.alerts.length}>
              <EntityAlerts alerts={d.alerts} range={links} showEntity={false} />
            </Panel>
          </div>
          <Panel title="Exec, attach and port-forward" count={d.execs.length} testId="pod-execs">
            <ExecHistory
              execs={d.execs}
              onShow={(from, to) => {
                setRange(from, to);
                document.getElementById("pod-timeline")?.scrollIntoView({ behavior: "smooth" });
              }}
            />
          </Panel>
          <Panel
            id="pod-timeline"
            title={container ? `Container ${container}: timeline` : "Cross-layer timeline"}
            testId="pod-timeline-panel"
            actions={container ? <button type="button" className="text-[11px] text-accent hover:underline" onClick={() => setParams({ container: null }, "replace")}>All containers</button> : undefined}
          >
            <PodTimeline
              cluster={cluster} namespace={namespace} pod={pod} range={range} links={links} layers={layers} container={container}
              onLayers={(l) => setParams({ layers: l.length ? l.join(",") : null }, "replace")}
            />
          </Panel>
        </>
      )}
    </EntityPage>
  );
}

export const PodView = withRangeBoundary("Loading pod", PodBody);
