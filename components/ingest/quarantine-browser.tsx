"use client";

import { useQueryClient } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Label, Select } from "@/components/ui/input";
import { EmptyState, ErrorBox, Spinner } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { formatNumber } from "@/lib/client/format";
import {
  INGEST_SOURCES,
  ingestKeys,
  useQuarantine,
  type IngestStat,
  type QuarantineFilters,
  type QuarantineRecord,
} from "@/lib/client/ingest";
import { QuarantineRecordDialog } from "./quarantine-record";
import { QuarantineTable } from "./quarantine-table";

type TokenOption = { id: string; label: string };

const short = (id: string) => `${id.slice(0, 8)}…`;

type Props = {
  filters: QuarantineFilters;
  onFilter: (f: QuarantineFilters) => void;
  /** Undefined while the stats load; the token select then only knows the URL's token. */
  stats: IngestStat[] | undefined;
};

export function QuarantineBrowser({ filters, onFilter, stats }: Props) {
  const qc = useQueryClient();
  const quarantine = useQuarantine(filters);
  const [selected, setSelected] = useState<QuarantineRecord | null>(null);
  const tokenSelectId = useId();
  const sourceSelectId = useId();

  // One option per token (stats are per token × source), plus the URL's token if stats lack it,
  // so a shared link still shows what it filters on.
  const tokens = useMemo<TokenOption[]>(() => {
    const byId = new Map<string, TokenOption>();
    for (const s of stats ?? []) {
      if (byId.has(s.tokenId)) continue;
      const name = s.tokenName ?? "unnamed";
      byId.set(s.tokenId, { id: s.tokenId, label: `${name} · ${s.tokenPrefix}… · ${s.cluster}${s.revoked ? " (revoked)" : ""}` });
    }
    if (filters.tokenId && !byId.has(filters.tokenId)) byId.set(filters.tokenId, { id: filters.tokenId, label: short(filters.tokenId) });
    return [...byId.values()].sort((a, b) => a.label.localeCompare(b.label));
  }, [stats, filters.tokenId]);

  const sources = useMemo(() => {
    const set = new Set<string>(INGEST_SOURCES);
    for (const s of stats ?? []) set.add(s.source);
    if (filters.source) set.add(filters.source);
    return [...set];
  }, [stats, filters.source]);

  const tokenLabel = useMemo(() => {
    const prefixes = new Map((stats ?? []).map((s) => [s.tokenId, s.tokenPrefix] as const));
    return (r: QuarantineRecord) => {
      if (r.tokenName) return r.tokenName;
      if (!r.tokenId) return "deleted token";
      const p = prefixes.get(r.tokenId);
      return p ? `${p}…` : short(r.tokenId);
    };
  }, [stats]);

  const records = useMemo(() => quarantine.data?.pages.flatMap((p) => p.records) ?? [], [quarantine.data]);
  const filtered = filters.tokenId !== "" || filters.source !== "";

  return (
    <section id="quarantine" tabIndex={-1} aria-labelledby="quarantine-heading" className="scroll-mt-4 rounded outline-none border border-line bg-panel">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-line px-3 py-2">
        <h2 id="quarantine-heading" className="text-xs font-semibold">
          Quarantine
        </h2>
        <div className="flex items-center gap-1.5">
          <Label htmlFor={tokenSelectId}>Token</Label>
          <Select
            id={tokenSelectId}
            data-testid="quarantine-token-filter"
            value={filters.tokenId}
            onChange={(e) => onFilter({ ...filters, tokenId: e.target.value })}
            className="max-w-[22rem]"
          >
            <option value="">All tokens</option>
            {tokens.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex items-center gap-1.5">
          <Label htmlFor={sourceSelectId}>Source</Label>
          <Select
            id={sourceSelectId}
            data-testid="quarantine-source-filter"
            value={filters.source}
            onChange={(e) => onFilter({ ...filters, source: e.target.value })}
          >
            <option value="">All sources</option>
            {sources.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </div>
        {filtered && (
          <Button size="xs" variant="ghost" onClick={() => onFilter({ tokenId: "", source: "" })}>
            Clear filters
          </Button>
        )}
        <Button
          size="xs"
          className="ml-auto"
          // Back to the first page: new records arrive at the top, and keyset pages would go stale.
          onClick={() => void qc.resetQueries({ queryKey: ingestKeys.quarantine(filters) })}
          disabled={quarantine.isFetching}
          aria-label="Refresh quarantine"
        >
          <RefreshCw className={quarantine.isFetching ? "size-3 animate-spin" : "size-3"} aria-hidden />
          Refresh
        </Button>
      </div>

      {quarantine.isPending ? (
        <Spinner className="p-4" label="Loading quarantine" />
      ) : !quarantine.data ? (
        <ErrorBox className="m-3">{errorMessage(quarantine.error)}</ErrorBox>
      ) : records.length === 0 ? (
        <EmptyState>
          <p data-testid="quarantine-empty">Nothing quarantined — every record was accepted.</p>
          {filtered && <p className="mt-1">Only records matching the filters above are shown.</p>}
        </EmptyState>
      ) : (
        <>
          <QuarantineTable records={records} tokenLabel={tokenLabel} selectedId={selected?.id ?? null} onOpen={setSelected} />
          <div className="flex items-center gap-3 border-t border-line px-3 py-2 text-[11px] text-muted">
            <span>
              Showing <span className="font-mono text-fg">{formatNumber(records.length)}</span> records, newest first
            </span>
            {quarantine.hasNextPage && (
              <Button className="ml-auto" onClick={() => void quarantine.fetchNextPage()} disabled={quarantine.isFetchingNextPage}>
                {quarantine.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            )}
          </div>
          {/* A failed "Load more" / refresh keeps the rows already shown. */}
          {quarantine.isError && (
            <ErrorBox className="m-3 mt-0">{errorMessage(quarantine.error)}</ErrorBox>
          )}
        </>
      )}

      {selected && (
        <QuarantineRecordDialog
          key={selected.id}
          record={selected}
          tokenLabel={tokenLabel(selected)}
          onClose={() => setSelected(null)}
        />
      )}
    </section>
  );
}
