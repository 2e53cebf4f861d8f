import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Layer } from "@/lib/events/types";
import type {
  ClusterCoverage, ClusterOverview, ClusterSummary, CredentialEvent, NamespaceDetail, NamespaceRow, NodeDetail, NodeRow, PodDetail, PodRow,
  Range, TamperingSignal, TimelinePage,
} from "@/lib/inventory/types";
import { apiFetch, qs } from "./api";

export type * from "@/lib/inventory/types";

/** The time range every entity page carries in its URL (ISO-8601 or `now-24h`-style). */
export type EntityRange = { from: string; to: string };
export type ListQuery = { q: string; sort: string; order: "asc" | "desc" };
export type ClusterCoverageView = ClusterCoverage & { range: Range; tampering: TamperingSignal[] };

const seg = encodeURIComponent;
const clusterPath = (c: string) => `/api/v1/clusters/${seg(c)}`;
const podPath = (c: string, ns: string, p: string) => `${clusterPath(c)}/namespaces/${seg(ns)}/pods/${seg(p)}`;

export const inventoryKeys = {
  all: ["inventory"] as const,
  clusters: (r: EntityRange) => [...inventoryKeys.all, "clusters", r] as const,
  cluster: (c: string, r: EntityRange) => [...inventoryKeys.all, "cluster", c, r] as const,
  list: (c: string, kind: "nodes" | "namespaces" | "pods", q: ListQuery & Record<string, string>) => [...inventoryKeys.all, "list", c, kind, q] as const,
  node: (c: string, n: string, r: EntityRange) => [...inventoryKeys.all, "node", c, n, r] as const,
  namespace: (c: string, ns: string, r: EntityRange) => [...inventoryKeys.all, "namespace", c, ns, r] as const,
  pod: (c: string, ns: string, p: string, r: EntityRange) => [...inventoryKeys.all, "pod", c, ns, p, r] as const,
  timeline: (c: string, ns: string, p: string, f: EntityRange & { layers: string; container: string }) => [...inventoryKeys.all, "timeline", c, ns, p, f] as const,
  coverage: () => [...inventoryKeys.all, "coverage"] as const,
  clusterCoverage: (c: string, r: EntityRange) => [...inventoryKeys.all, "coverage", c, r] as const,
  credentials: (f: EntityRange & { cluster: string }) => [...inventoryKeys.all, "credentials", f] as const,
};

/** Entity pages refresh on their own: coverage and "last seen" are about now. */
const REFRESH_MS = 60_000;

export function useClusters(r: EntityRange) {
  return useQuery({
    queryKey: inventoryKeys.clusters(r),
    queryFn: ({ signal }) => apiFetch<{ range: Range; clusters: ClusterSummary[] }>(`/api/v1/clusters${qs(r)}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}

export function useCluster(c: string, r: EntityRange) {
  return useQuery({
    queryKey: inventoryKeys.cluster(c, r),
    queryFn: ({ signal }) => apiFetch<ClusterOverview>(`${clusterPath(c)}${qs(r)}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}

type ListAnswer = { nodes: NodeRow[] } | { namespaces: NamespaceRow[] } | { pods: PodRow[] };

function useEntityList<T>(c: string, kind: "nodes" | "namespaces" | "pods", q: ListQuery & Record<string, string>, pick: (a: ListAnswer) => T[]) {
  return useQuery<T[]>({
    queryKey: inventoryKeys.list(c, kind, q),
    queryFn: ({ signal }) => apiFetch<ListAnswer>(`${clusterPath(c)}/${kind}${qs(q)}`, { signal }).then(pick),
    placeholderData: keepPreviousData,
  });
}

export const useNodeList = (c: string, q: ListQuery) => useEntityList(c, "nodes", q, (a) => (a as { nodes: NodeRow[] }).nodes);
export const useNamespaceList = (c: string, q: ListQuery) => useEntityList(c, "namespaces", q, (a) => (a as { namespaces: NamespaceRow[] }).namespaces);
/** `filter` narrows to one namespace or node, e.g. { namespace: "payments" }. */
export const usePodList = (c: string, q: ListQuery, filter: { namespace?: string; node?: string } = {}) =>
  useEntityList(c, "pods", { ...q, ...(filter.namespace ? { namespace: filter.namespace } : {}), ...(filter.node ? { node: filter.node } : {}) },
    (a) => (a as { pods: PodRow[] }).pods);

export function useNode(c: string, n: string, r: EntityRange) {
  return useQuery({
    queryKey: inventoryKeys.node(c, n, r),
    queryFn: ({ signal }) => apiFetch<NodeDetail>(`${clusterPath(c)}/nodes/${seg(n)}${qs(r)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useNamespaceDetail(c: string, ns: string, r: EntityRange) {
  return useQuery({
    queryKey: inventoryKeys.namespace(c, ns, r),
    queryFn: ({ signal }) => apiFetch<NamespaceDetail>(`${clusterPath(c)}/namespaces/${seg(ns)}${qs(r)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePod(c: string, ns: string, p: string, r: EntityRange) {
  return useQuery({
    queryKey: inventoryKeys.pod(c, ns, p, r),
    queryFn: ({ signal }) => apiFetch<PodDetail>(`${podPath(c, ns, p)}${qs(r)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export const TIMELINE_PAGE_SIZE = 200;

/** The pod's cross-layer timeline; `layers` empty means all five, `container` narrows to one container. */
export function usePodTimeline(c: string, ns: string, p: string, r: EntityRange, layers: Layer[], container: string) {
  const f = { ...r, layers: layers.join(","), container };
  return useInfiniteQuery({
    queryKey: inventoryKeys.timeline(c, ns, p, f),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<TimelinePage>(`${podPath(c, ns, p)}/timeline${qs({ ...f, limit: TIMELINE_PAGE_SIZE, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useAllCoverage() {
  return useQuery({
    queryKey: inventoryKeys.coverage(),
    queryFn: ({ signal }) => apiFetch<{ clusters: ClusterCoverage[] }>("/api/v1/coverage", { signal }).then((a) => a.clusters),
    refetchInterval: REFRESH_MS,
  });
}

export function useClusterCoverage(c: string, r: EntityRange) {
  return useQuery({
    queryKey: inventoryKeys.clusterCoverage(c, r),
    queryFn: ({ signal }) => apiFetch<ClusterCoverageView>(`${clusterPath(c)}/coverage${qs(r)}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}

export function useUpdateThresholds(c: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (thresholds: Partial<Record<Layer, number>>) =>
      apiFetch<ClusterCoverage>(`${clusterPath(c)}/coverage`, { method: "PATCH", body: { thresholds } }),
    // Coverage shows on the clusters, cluster and coverage pages.
    onSuccess: () => qc.invalidateQueries({ queryKey: inventoryKeys.all }),
  });
}

export function useCredentials(f: EntityRange & { cluster: string }) {
  return useQuery({
    queryKey: inventoryKeys.credentials(f),
    queryFn: ({ signal }) => apiFetch<{ range: Range; credentials: CredentialEvent[] }>(`/api/v1/credentials${qs(f)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
