import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, qs } from "./api";
import type { AlertDetail, AlertDto, AlertStatus } from "./types";

export type AlertStatusFilter = AlertStatus | "all";

export const alertKeys = {
  all: ["alerts"] as const,
  lists: () => [...alertKeys.all, "list"] as const,
  list: (status: AlertStatusFilter) => [...alertKeys.lists(), { status }] as const,
  detail: (id: string) => [...alertKeys.all, "detail", id] as const,
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

export function useAlert(id: string) {
  return useQuery({
    queryKey: alertKeys.detail(id),
    queryFn: ({ signal }) => apiFetch<AlertDetail>(`/api/v1/alerts/${encodeURIComponent(id)}`, { signal }),
  });
}

export type AlertStatusChange = { status: AlertStatus; reason?: string };

export function useUpdateAlertStatus(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: AlertStatusChange) =>
      apiFetch<{ alert: AlertDto }>(`/api/v1/alerts/${encodeURIComponent(id)}`, { method: "PATCH", body: change }),
    onSuccess: () => qc.invalidateQueries({ queryKey: alertKeys.all }),
  });
}
