import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { apiFetch, qs } from "./api";

/** Endpoint formats a batch can arrive in; stats may also report sources added later. */
export const INGEST_SOURCES = ["k8s-audit", "falco", "logs", "k8s-events", "otlp"] as const;

export type IngestStat = {
  tokenId: string;
  tokenName: string | null;
  tokenPrefix: string;
  cluster: string;
  revoked: boolean;
  source: string;
  batches: number;
  accepted: number;
  duplicates: number;
  quarantined: number;
  lastSeenAt: string;
};

export type IngestLoad = { active: number; waiting: number; draining: boolean };
export type IngestStats = { stats: IngestStat[]; load: IngestLoad };

export type QuarantineRecord = {
  id: string;
  receivedAt: string;
  /** null once the token has been deleted (the record outlives it). */
  tokenId: string | null;
  tokenName: string | null;
  cluster: string;
  source: string;
  recordIndex: number;
  reason: string;
  raw: string;
};

export type QuarantinePage = { records: QuarantineRecord[]; nextBefore: string | null };

/** Empty string means "any"; kept as strings so the object maps 1:1 onto the URL. */
export type QuarantineFilters = { tokenId: string; source: string };

export const QUARANTINE_PAGE_SIZE = 100;
export const STATS_REFRESH_MS = 10_000;

export const ingestKeys = {
  all: ["ingest"] as const,
  stats: () => [...ingestKeys.all, "stats"] as const,
  quarantines: () => [...ingestKeys.all, "quarantine"] as const,
  quarantine: (f: QuarantineFilters) => [...ingestKeys.quarantines(), f] as const,
};

/** Counters move while shippers run, so the table polls instead of needing a manual refresh. */
export function useIngestStats() {
  return useQuery({
    queryKey: ingestKeys.stats(),
    queryFn: ({ signal }) => apiFetch<IngestStats>("/api/v1/ingest/stats", { signal }),
    refetchInterval: STATS_REFRESH_MS,
  });
}

/**
 * Newest first, paged with `before` (keyset). Deliberately not polled: new records would shift
 * under the already-loaded pages; the browser offers an explicit refresh instead.
 */
export function useQuarantine(filters: QuarantineFilters) {
  const f: QuarantineFilters = { tokenId: filters.tokenId, source: filters.source };
  return useInfiniteQuery({
    queryKey: ingestKeys.quarantine(f),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<QuarantinePage>(
        `/api/v1/ingest/quarantine${qs({ tokenId: f.tokenId, source: f.source, limit: QUARANTINE_PAGE_SIZE, before: pageParam })}`,
        { signal },
      ),
    getNextPageParam: (last) => last.nextBefore,
  });
}
