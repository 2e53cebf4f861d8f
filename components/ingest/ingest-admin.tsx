"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense, useCallback, useMemo } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyState, ErrorBox, PageHeader, Spinner } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { formatNumber } from "@/lib/client/format";
import { STATS_REFRESH_MS, useIngestStats, type IngestLoad, type QuarantineFilters } from "@/lib/client/ingest";
import { IngestStatsTable } from "./ingest-stats-table";
import { QuarantineBrowser } from "./quarantine-browser";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SOURCE = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

/** The quarantine filter lives in the URL (`?token=&source=`) so a view can be shared. */
function useQuarantineFilters() {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const token = sp.get("token") ?? "";
  const source = sp.get("source") ?? "";
  // The API answers 400 to a malformed tokenId; a hand-edited URL should just mean "no filter".
  const filters = useMemo<QuarantineFilters>(
    () => ({ tokenId: UUID.test(token) ? token.toLowerCase() : "", source: SOURCE.test(source) ? source : "" }),
    [token, source],
  );

  const setFilters = useCallback(
    (f: QuarantineFilters) => {
      const next = new URLSearchParams(sp.toString());
      for (const [key, value] of [["token", f.tokenId], ["source", f.source]] as const) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      const s = next.toString();
      router.replace(s ? `${pathname}?${s}` : pathname, { scroll: false });
    },
    [sp, router, pathname],
  );

  return [filters, setFilters] as const;
}

function LoadLine({ load, fetching }: { load: IngestLoad; fetching: boolean }) {
  return (
    <p data-testid="ingest-load" className="flex items-center gap-2 text-[11px] text-muted" aria-live="polite">
      <span>
        Load: <span className="font-mono text-fg">{formatNumber(load.active)}</span> active ·{" "}
        <span className={load.waiting > 0 ? "font-mono text-amber-700 dark:text-amber-300" : "font-mono text-fg"}>
          {formatNumber(load.waiting)}
        </span>{" "}
        waiting batches
      </span>
      {load.draining && (
        <Badge
          className="border-amber-500/50 bg-amber-500/15 text-amber-700 normal-case dark:text-amber-300"
          title="The server is shutting down and no longer accepts new batches"
        >
          draining
        </Badge>
      )}
      <span className="text-muted/70">
        · refreshes every {STATS_REFRESH_MS / 1000} s{fetching ? " …" : ""}
      </span>
    </p>
  );
}

function IngestAdminView() {
  const stats = useIngestStats();
  const [filters, setFilters] = useQuarantineFilters();

  function showQuarantine(f: QuarantineFilters) {
    setFilters(f);
    // The browser sits below a possibly long table: bring it into view and move keyboard focus there.
    const el = document.getElementById("quarantine");
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  return (
    <div>
      <PageHeader title="Ingest">{stats.data && <LoadLine load={stats.data.load} fetching={stats.isFetching} />}</PageHeader>
      <div className="flex flex-col gap-3 p-4">
        <section aria-labelledby="ingest-stats-heading" className="rounded border border-line bg-panel">
          <div className="flex items-center gap-2 border-b border-line px-3 py-2">
            <h2 id="ingest-stats-heading" className="text-xs font-semibold">
              Per token and source
            </h2>
            <span className="text-[11px] text-muted">Cumulative counters</span>
          </div>
          {stats.isPending ? (
            <Spinner className="p-4" label="Loading ingest stats" />
          ) : !stats.data ? (
            <ErrorBox className="m-3">{errorMessage(stats.error)}</ErrorBox>
          ) : (
            <>
              {/* Polling keeps the last good numbers on a failed refresh, with the error beside them. */}
              {stats.isError && <ErrorBox className="m-3">{errorMessage(stats.error)}</ErrorBox>}
              {stats.data.stats.length === 0 ? (
                <EmptyState>No batches received yet. Ship logs with an ingest token to see counters here.</EmptyState>
              ) : (
                <IngestStatsTable stats={stats.data.stats} active={filters} onShowQuarantine={showQuarantine} />
              )}
            </>
          )}
        </section>

        <QuarantineBrowser filters={filters} onFilter={setFilters} stats={stats.data?.stats} />
      </div>
    </div>
  );
}

export function IngestAdmin() {
  return (
    <Suspense fallback={<Spinner className="p-4" label="Loading ingest" />}>
      <IngestAdminView />
    </Suspense>
  );
}
