"use client";

import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Table, Td, TextCell, Th } from "@/components/ui/table";
import { formatNumber } from "@/lib/client/format";
import type { IngestStat, QuarantineFilters } from "@/lib/client/ingest";
import { TimeAgo } from "./time-ago";

/** A shipper normally sends every few seconds; 15 min of silence usually means it is broken. */
const SILENT_AFTER_MS = 15 * 60_000;

const numCls = "text-right font-mono tabular-nums";

export function TokenLabel({ name, prefix, revoked }: { name: string | null; prefix: string; revoked?: boolean }) {
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5">
      <span className={cn("truncate", !name && "text-muted italic")} title={name ?? undefined}>
        {name ?? "unnamed"}
      </span>
      <span className="font-mono text-[11px] text-muted">{prefix}…</span>
      {revoked && <Badge className="border-red-500/50 bg-red-500/10 text-red-600 normal-case dark:text-red-300">revoked</Badge>}
    </span>
  );
}

type Props = {
  stats: IngestStat[];
  /** The quarantine browser's current filter, to mark the row it is showing. */
  active: QuarantineFilters;
  onShowQuarantine: (f: QuarantineFilters) => void;
};

export function IngestStatsTable({ stats, active, onShowQuarantine }: Props) {
  const total = stats.reduce(
    (acc, s) => ({
      batches: acc.batches + s.batches,
      accepted: acc.accepted + s.accepted,
      duplicates: acc.duplicates + s.duplicates,
      quarantined: acc.quarantined + s.quarantined,
    }),
    { batches: 0, accepted: 0, duplicates: 0, quarantined: 0 },
  );

  return (
    <div className="overflow-x-auto">
      <Table className="min-w-[900px]">
        <thead>
          <tr>
            <Th>Token</Th>
            <Th>Cluster</Th>
            <Th>Source</Th>
            <Th className="text-right">Batches</Th>
            <Th className="text-right">Accepted</Th>
            <Th className="text-right">Duplicates</Th>
            <Th className="text-right">Quarantined</Th>
            <Th>Last seen</Th>
          </tr>
        </thead>
        <tbody>
          {stats.map((s) => {
            const selected = active.tokenId === s.tokenId && active.source === s.source;
            return (
              <tr
                key={`${s.tokenId}\u0000${s.source}`}
                data-testid="ingest-stat-row"
                data-token-id={s.tokenId}
                data-source={s.source}
                className={cn(s.revoked ? "text-muted" : "hover:bg-row-hover", selected && "bg-row-active")}
              >
                <Td className="max-w-[16rem]">
                  <TokenLabel name={s.tokenName} prefix={s.tokenPrefix} revoked={s.revoked} />
                </Td>
                <TextCell value={s.cluster} className="max-w-[10rem]" />
                <Td className="font-mono whitespace-nowrap">{s.source}</Td>
                <Td className={numCls}>{formatNumber(s.batches)}</Td>
                <Td className={numCls}>{formatNumber(s.accepted)}</Td>
                <Td className={numCls}>{formatNumber(s.duplicates)}</Td>
                <Td className={numCls}>
                  {s.quarantined > 0 ? (
                    <button
                      type="button"
                      data-testid="ingest-quarantined-link"
                      onClick={() => onShowQuarantine({ tokenId: s.tokenId, source: s.source })}
                      aria-label={`Show ${formatNumber(s.quarantined)} quarantined ${s.source} records for token ${s.tokenName ?? s.tokenPrefix}`}
                      title="Show these records in the quarantine browser"
                      className="rounded border border-amber-500/50 bg-amber-500/15 px-1.5 font-semibold text-amber-700 hover:bg-amber-500/25 focus-visible:ring-1 focus-visible:ring-accent focus-visible:outline-none dark:text-amber-300"
                    >
                      {formatNumber(s.quarantined)}
                    </button>
                  ) : (
                    <span className="text-muted/70">0</span>
                  )}
                </Td>
                <Td>
                  {/* A revoked token is expected to be quiet; only live ones get the warning. */}
                  <TimeAgo iso={s.lastSeenAt} staleAfterMs={s.revoked ? undefined : SILENT_AFTER_MS} />
                </Td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr data-testid="ingest-stat-total" className="bg-panel-2 font-semibold">
            <Td colSpan={3} className="text-muted">
              Total <span className="font-normal">({formatNumber(stats.length)} {stats.length === 1 ? "stream" : "streams"})</span>
            </Td>
            <Td className={numCls}>{formatNumber(total.batches)}</Td>
            <Td className={numCls}>{formatNumber(total.accepted)}</Td>
            <Td className={numCls}>{formatNumber(total.duplicates)}</Td>
            <Td className={cn(numCls, total.quarantined > 0 && "text-amber-700 dark:text-amber-300")}>
              {formatNumber(total.quarantined)}
            </Td>
            <Td />
          </tr>
        </tfoot>
      </Table>
    </div>
  );
}
