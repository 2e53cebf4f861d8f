import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, qs } from "./api";
import { resolveTime } from "./time";
import type { AlertDetail, AlertDto, AlertHistoryEntry, AlertSeverity, AlertStatus, EventsPage, UserRef } from "./types";

export type AlertStatusFilter = AlertStatus | "all";

export const RESOLUTION_REASONS = [
  { value: "true_positive", label: "True positive" },
  { value: "false_positive", label: "False positive" },
  { value: "benign", label: "Benign" },
  { value: "duplicate", label: "Duplicate" },
] as const;
export type ResolutionReason = (typeof RESOLUTION_REASONS)[number]["value"];

export function resolutionLabel(r: string | null | undefined): string {
  return RESOLUTION_REASONS.find((x) => x.value === r)?.label ?? (r ?? "");
}

export const ALERT_SORTS = ["lastSeen", "firstSeen", "severity", "count"] as const;
export type AlertSort = (typeof ALERT_SORTS)[number];
export const ALERT_GROUP_BYS = ["rule", "cluster", "namespace", "entity"] as const;
export type AlertGroupBy = (typeof ALERT_GROUP_BYS)[number];

/** One row of the triage queue: the list DTO plus what the triage backend adds. */
export type QueueAlert = AlertDto & {
  resolutionReason?: ResolutionReason | null;
  incident?: { id: number; key: string } | null;
  rule?: { id: string; name: string; equivalents?: string[] };
  groupKey?: string;
};

export type AlertGroup = { key: string; label: string; count: number; openCount: number };
export type AlertCounts = { open: number; acknowledged: number; resolved: number };
export type AlertQueuePage = { alerts: QueueAlert[]; nextCursor: string | null; groups?: AlertGroup[]; counts?: AlertCounts };

/** The queue's filters; they live in the URL so every view is a link. Empty string = not set. */
export type AlertFilters = {
  status: AlertStatusFilter;
  severity: AlertSeverity[];
  rule: string;
  cluster: string;
  namespace: string;
  /** a user id, "me" or "none" */
  assignee: string;
  from: string;
  to: string;
  q: string;
  sort: AlertSort;
  order: "asc" | "desc";
  groupBy: AlertGroupBy | "";
};

export type TriageHistoryEntry = AlertHistoryEntry & {
  action?: "status" | "assign" | "incident" | string;
  assignee?: UserRef | null;
  resolutionReason?: ResolutionReason | null;
};
export type AlertNote = { id: string; author: UserRef | null; body: string; createdAt: string };
export type TriageAlertDetail = Omit<AlertDetail, "history" | "alert"> & {
  alert: AlertDetail["alert"] & QueueAlert;
  history: TriageHistoryEntry[];
  notes?: AlertNote[];
  incident?: { id: number; key: string; title?: string } | null;
  context?: { from: string; to: string };
};
export type AssignableUser = { id: string; email: string; name: string | null; role: string };

export const alertKeys = {
  all: ["alerts"] as const,
  lists: () => [...alertKeys.all, "list"] as const,
  list: (status: AlertStatusFilter) => [...alertKeys.lists(), { status }] as const,
  queue: (f: AlertFilters) => [...alertKeys.lists(), "queue", f] as const,
  detail: (id: string) => [...alertKeys.all, "detail", id] as const,
  context: (id: string) => [...alertKeys.all, "context", id] as const,
  assignable: () => ["users", "assignable"] as const,
};

export function useAlerts(status: AlertStatusFilter, limit = 200) {
  return useQuery({
    queryKey: alertKeys.list(status),
    queryFn: ({ signal }) =>
      apiFetch<{ alerts: AlertDto[] }>(
        `/api/v1/alerts${qs({ status: status === "all" ? undefined : status, limit })}`,
        { signal },
      ).then((r) => r.alerts),
    refetchInterval: 30_000,
  });
}

/** Relative expressions (now-24h) stay in the URL; the API gets absolute instants resolved at fetch time. */
function absolute(expr: string): string | undefined {
  if (!expr) return undefined;
  return resolveTime(expr)?.toISOString() ?? expr;
}

export const QUEUE_PAGE_SIZE = 100;

export function alertQueueQuery(f: AlertFilters, cursor: string | null) {
  return `/api/v1/alerts${qs({
    status: f.status,
    severity: f.severity.join(","),
    rule: f.rule,
    cluster: f.cluster,
    namespace: f.namespace,
    assignee: f.assignee,
    from: absolute(f.from),
    to: absolute(f.to),
    q: f.q,
    sort: f.sort,
    order: f.order,
    groupBy: f.groupBy,
    limit: QUEUE_PAGE_SIZE,
    cursor,
  })}`;
}

export function useAlertQueue(f: AlertFilters) {
  return useInfiniteQuery({
    queryKey: alertKeys.queue(f),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => apiFetch<AlertQueuePage>(alertQueueQuery(f, pageParam), { signal }),
    getNextPageParam: (last) => last.nextCursor ?? null,
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useAlert(id: string) {
  return useQuery({
    queryKey: alertKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<TriageAlertDetail>(`/api/v1/alerts/${encodeURIComponent(id)}`, { signal }),
  });
}

export type AlertPatch = {
  status?: AlertStatus;
  reason?: string;
  resolutionReason?: ResolutionReason;
  assigneeId?: string | null;
};
/** Kept for callers written before assignment existed. */
export type AlertStatusChange = AlertPatch;

function invalidateAlerts(qc: ReturnType<typeof useQueryClient>) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: alertKeys.all }),
    // an alert joining an incident changes the incident page too
    qc.invalidateQueries({ queryKey: ["incidents"] }),
  ]);
}

export function useUpdateAlert(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: AlertPatch) =>
      apiFetch<{ alert: QueueAlert }>(`/api/v1/alerts/${encodeURIComponent(id)}`, { method: "PATCH", body: change }),
    onSuccess: () => invalidateAlerts(qc),
  });
}
export const useUpdateAlertStatus = useUpdateAlert;

export type BulkAction =
  | { action: "acknowledge" | "reopen"; reason?: string }
  | { action: "resolve"; resolutionReason: ResolutionReason; reason?: string }
  | { action: "assign"; assigneeId: string | null }
  | { action: "add-to-incident"; incidentId: number | string };
export type BulkResult = { updated: number; skipped: { id: number | string; reason: string }[] };

export function useBulkAlerts() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, ...action }: BulkAction & { ids: number[] }) =>
      apiFetch<BulkResult>("/api/v1/alerts/bulk", { method: "POST", body: { ids, ...action } }),
    onSuccess: () => invalidateAlerts(qc),
  });
}

export function useAddAlertNote(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      apiFetch<{ note: AlertNote }>(`/api/v1/alerts/${encodeURIComponent(id)}/notes`, { method: "POST", body: { body } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: alertKeys.detail(id) }),
  });
}

export function useAssignableUsers() {
  return useQuery({
    queryKey: alertKeys.assignable(),
    queryFn: ({ signal }) =>
      apiFetch<{ users: AssignableUser[] }>("/api/v1/users/assignable", { signal }).then((r) => r.users),
    staleTime: 5 * 60_000,
  });
}

/** Events of every layer around the alert's entity, in the window the API chose (±15 min). */
export function useAlertContextEvents(id: string, q: string | null, window: { from: string; to: string } | null) {
  return useQuery({
    queryKey: [...alertKeys.context(id), q, window],
    enabled: q !== null && window !== null,
    queryFn: ({ signal }) =>
      apiFetch<EventsPage>(`/api/v1/events${qs({ q: q ?? "", from: window?.from, to: window?.to, limit: 200 })}`, { signal }),
  });
}
