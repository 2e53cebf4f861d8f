"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Suspense } from "react";
import { TimeAgo, useNow } from "@/components/ingest/time-ago";
import { cn } from "@/components/ui/cn";
import { AlertSeverityBadge } from "@/components/ui/domain-badges";
import { EmptyState, ErrorBox, Spinner } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { clusterHref, type TimeRange } from "@/lib/client/entity-links";
import { formatNumber } from "@/lib/client/format";
import { inventoryKeys, useClusters, type ClusterSummary } from "@/lib/client/inventory";
import { ALERT_SEVERITIES } from "@/lib/client/types";
import { Sparkline } from "./charts";
import { CoverageCell, CoverageMatrix, ScoreExplainer, scoreTone } from "./coverage-matrix";
import { EntityPageHeader } from "./entity-page-header";
import { coverageHref } from "./links";
import { Panel } from "./panel";
import { SilentBanner } from "./silent-banner";
import { useEntityRange } from "./use-entity-range";

function ClusterCard({ c, range }: { c: ClusterSummary; range: TimeRange }) {
  const now = useNow();
  const href = clusterHref(c.name, range);
  return (
    <article data-testid="cluster-card" data-cluster={c.name} className="flex min-w-0 flex-col gap-2 rounded border border-line bg-panel p-3">
      <header className="flex items-baseline gap-2">
        <h2 className="min-w-0 truncate font-mono text-sm font-semibold">
          <Link href={href} className="hover:text-accent hover:underline">{c.name}</Link>
        </h2>
        <span className={cn("ml-auto font-mono text-xs font-semibold", scoreTone(c.coverage.score))} title="Logging coverage score">
          coverage {c.coverage.score}
        </span>
      </header>
      <div className="flex items-baseline justify-between text-[11px] text-muted">
        <span>
          <span className="font-mono text-fg">{formatNumber(c.eventsPerMinute)}</span> events/min · <span className="font-mono">{formatNumber(c.events)}</span> in range
        </span>
        <span>last event <TimeAgo iso={c.lastSeen} staleAfterMs={15 * 60_000} /></span>
      </div>
      <Sparkline data={c.sparkline} label={`Events per minute in ${c.name}`} />
      <div className="flex flex-wrap items-center gap-1.5 text-[11px]">
        <span className="text-muted">Open alerts</span>
        {ALERT_SEVERITIES.slice().reverse().map((s) => (
          <span key={s} className="inline-flex items-center gap-1" data-testid={`open-${s}`}>
            <AlertSeverityBadge severity={s} />
            <span className="font-mono">{c.openAlerts[s]}</span>
          </span>
        ))}
      </div>
      <div className="grid grid-cols-5 gap-1" aria-label="Layers reporting">
        {c.coverage.layers.map((l) => (
          <div key={l.layer} className="flex min-w-0 flex-col gap-0.5">
            <span className="truncate text-center text-[10px] text-muted">{l.layer}</span>
            <CoverageCell l={l} now={now} />
          </div>
        ))}
      </div>
      <SilentBanner compact cluster={c.name} coverage={c.coverage} coverageHref={coverageHref(c.name, range)} />
    </article>
  );
}

function ClustersBody() {
  const { range, links } = useEntityRange();
  const query = useClusters(range);
  const qc = useQueryClient();
  return (
    <div>
      <EntityPageHeader
        crumbs={[{ label: "Clusters" }]}
        refreshing={query.isFetching}
        onRefresh={() => void qc.invalidateQueries({ queryKey: inventoryKeys.clusters(range) })}
      />
      <div className="flex flex-col gap-3 p-4">
        {query.isError ? (
          <ErrorBox>{errorMessage(query.error)}</ErrorBox>
        ) : query.isPending ? (
          <Spinner label="Loading clusters" />
        ) : query.data.clusters.length === 0 ? (
          <EmptyState>No cluster has sent events yet. Create an ingest token under Admin → Tokens and point a shipper at Crowsnest.</EmptyState>
        ) : (
          <>
            <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
              {query.data.clusters.map((c) => (
                <ClusterCard key={c.name} c={c} range={links} />
              ))}
            </div>
            <Panel title="Logging coverage" testId="coverage-panel">
              <CoverageMatrix rows={query.data.clusters.map((c) => ({ cluster: c.name, coverage: c.coverage }))} range={links} />
              <ScoreExplainer />
            </Panel>
          </>
        )}
      </div>
    </div>
  );
}

export function ClustersView() {
  return (
    <Suspense fallback={<Spinner className="p-4" label="Loading clusters" />}>
      <ClustersBody />
    </Suspense>
  );
}
