"use client";

import Link from "next/link";
import { formatAgo, useNow } from "@/components/ingest/time-ago";
import { cn } from "@/components/ui/cn";
import { Table, Td, Th } from "@/components/ui/table";
import { clusterHref, type TimeRange } from "@/lib/client/entity-links";
import { formatTsZone } from "@/lib/client/format";
import type { Coverage, LayerCoverage, LayerStatus } from "@/lib/client/inventory";
import { LAYERS } from "@/lib/events/types";
import { COVERAGE_WEIGHTS } from "@/lib/inventory/coverage";

const TONE: Record<LayerStatus, string> = {
  reporting: "bg-emerald-500/15 text-emerald-700 dark:text-emerald-300 border-emerald-500/40",
  silent: "bg-red-600 text-white border-red-700",
  missing: "bg-panel-2 text-muted border-line border-dashed",
};
const LABEL: Record<LayerStatus, string> = { reporting: "reporting", silent: "silent", missing: "never reported" };

export function scoreTone(score: number): string {
  return score >= 90 ? "text-emerald-600 dark:text-emerald-400" : score >= 60 ? "text-amber-600 dark:text-amber-400" : "text-danger";
}

/** One cell: status colour and word (colour alone is not enough), how long since the last event. */
export function CoverageCell({ l, now }: { l: LayerCoverage; now: number }) {
  const since = l.lastSeen ? (now ? formatAgo(now - Date.parse(l.lastSeen)) : "") : "";
  return (
    <div
      data-testid={`coverage-${l.layer}`}
      data-status={l.status}
      title={l.lastSeen ? `last event ${formatTsZone(l.lastSeen)} — silent after ${l.thresholdMinutes} min` : "no event of this layer was ever received"}
      className={cn("flex flex-col items-center justify-center rounded border px-2 py-1 text-center", TONE[l.status])}
    >
      <span className="text-[10.5px] font-semibold tracking-wide uppercase">{LABEL[l.status]}</span>
      {since && <span className="font-mono text-[10.5px] opacity-80">{since}</span>}
    </div>
  );
}

/** Clusters × the five layers, with a score per cluster. */
export function CoverageMatrix({ rows, range }: { rows: { cluster: string; coverage: Coverage }[]; range?: TimeRange }) {
  const now = useNow();
  return (
    <div className="overflow-x-auto">
      <Table className="min-w-[760px]" data-testid="coverage-matrix">
        <thead>
          <tr>
            <Th>Cluster</Th>
            {LAYERS.map((l) => (
              <Th key={l} className="text-center" title={`weight ${Math.round(COVERAGE_WEIGHTS[l] * 100)} %`}>
                {l}
              </Th>
            ))}
            <Th className="text-right">Score</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.cluster} data-testid="coverage-row" data-cluster={r.cluster}>
              <Td className="font-mono">
                <Link href={clusterHref(r.cluster, range)} className="hover:text-accent hover:underline">
                  {r.cluster}
                </Link>
              </Td>
              {r.coverage.layers.map((l) => (
                <Td key={l.layer} className="w-36 py-1.5">
                  <CoverageCell l={l} now={now} />
                </Td>
              ))}
              <Td className={cn("text-right font-mono text-sm font-semibold tabular-nums", scoreTone(r.coverage.score))} data-testid="coverage-score">
                {r.coverage.score}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

/** How the score is computed, said once under each matrix. */
export function ScoreExplainer() {
  return (
    <p className="px-3 py-2 text-[11px] text-muted">
      Score = sum of the weights of the layers that are reporting:{" "}
      {LAYERS.map((l) => `${l} ${Math.round(COVERAGE_WEIGHTS[l] * 100)}`).join(", ")}. Audit (who did what through the API) and runtime
      (what ran inside containers) carry most detections, so losing either costs most. A layer is silent when its newest event is older
      than its threshold (15 min unless an admin set another).
    </p>
  );
}
