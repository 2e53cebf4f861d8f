"use client";

import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { TimeAgo } from "@/components/ingest/time-ago";
import { formatNumber, formatTs } from "@/lib/client/format";
import { useClusterCoverage, type ClusterCoverageView } from "@/lib/client/inventory";
import { hasRole, type RoleName } from "@/lib/auth/roles";
import { CoverageMatrix, ScoreExplainer } from "./coverage-matrix";
import { EntityPage, entityCrumbs, withRangeBoundary } from "./entity-page";
import { coverageHref } from "./links";
import { Panel } from "./panel";
import { SilentBanner } from "./silent-banner";
import { TamperingList } from "./tampering-list";
import { ThresholdsForm } from "./thresholds-form";
import { useEntityRange } from "./use-entity-range";

function Sources({ c }: { c: ClusterCoverageView }) {
  if (c.sources.length === 0) return <EmptyState>No source has reported for this cluster.</EmptyState>;
  return (
    <Table data-testid="coverage-sources">
      <thead>
        <tr><Th>Layer</Th><Th className="w-full">Source</Th><Th>Last event</Th><Th>Last received</Th><Th>First event</Th><Th>Events</Th></tr>
      </thead>
      <tbody>
        {c.sources.map((s) => (
          <tr key={`${s.layer}/${s.source}`} data-testid="coverage-source" className="hover:bg-row-hover">
            <Td className="font-mono">{s.layer}</Td>
            <Td className="font-mono">{s.source}</Td>
            <Td><TimeAgo iso={s.lastSeen} staleAfterMs={c.thresholds[s.layer] * 60_000} /></Td>
            <Td><TimeAgo iso={s.lastReceivedAt} /></Td>
            <Td className="font-mono whitespace-nowrap text-muted">{formatTs(s.firstSeen)}</Td>
            <Td className="text-right font-mono tabular-nums">{formatNumber(s.events)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function CoverageBody({ cluster, role }: { cluster: string; role: RoleName }) {
  const { range, links } = useEntityRange();
  const query = useClusterCoverage(cluster, range);
  return (
    <EntityPage
      crumbs={[...entityCrumbs({ cluster }, links), { label: "coverage", href: coverageHref(cluster, links) }]}
      query={query}
      notFound={`No cluster named “${cluster}” has sent events.`}
      loadingLabel="Loading coverage"
    >
      {(c) => (
        <>
          <SilentBanner cluster={cluster} coverage={c.coverage} />
          <Panel title="Coverage" actions={<span className="font-mono text-xs">score {c.coverage.score} / 100</span>}>
            <CoverageMatrix rows={[{ cluster, coverage: c.coverage }]} range={links} />
            <ScoreExplainer />
          </Panel>
          <Panel title="Sources" count={c.sources.length} actions={<span className="text-[10.5px] text-muted">last event per wire format; amber: older than the layer&apos;s threshold</span>}>
            <Sources c={c} />
          </Panel>
          <Panel title="Silence thresholds">
            {hasRole(role, "admin") ? (
              <ThresholdsForm key={JSON.stringify(c.thresholds)} cluster={cluster} thresholds={c.thresholds} />
            ) : (
              <p className="p-3 text-xs text-muted">
                {Object.entries(c.thresholds).map(([l, m]) => `${l} ${m} min`).join(" · ")} — only admins can change them.
              </p>
            )}
          </Panel>
          <Panel title="Logging tampering signals" count={c.tampering.length} testId="tampering">
            <TamperingList signals={c.tampering} range={links} />
          </Panel>
        </>
      )}
    </EntityPage>
  );
}

export const CoverageView = withRangeBoundary("Loading coverage", CoverageBody);
