import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api";

/** Notifications go out for new high and critical alerts; a target may ask for critical only. */
export const NOTIFY_SEVERITIES = ["high", "critical"] as const;
export type NotifySeverity = (typeof NOTIFY_SEVERITIES)[number];

export type NotificationTarget = {
  id: number | string;
  name: string;
  url: string;
  minSeverity: NotifySeverity;
  enabled: boolean;
  allowPrivateNetwork: boolean;
  createdAt?: string;
  lastDelivery?: { at: string; statusCode: number | null; error: string | null } | null;
};
export type NewNotificationTarget = Pick<NotificationTarget, "name" | "url" | "minSeverity" | "enabled" | "allowPrivateNetwork">;
export type TestResult = { ok: boolean; statusCode?: number | null; error?: string | null };

export const notificationKeys = {
  all: ["notification-targets"] as const,
  list: () => [...notificationKeys.all, "list"] as const,
};

const path = (id: NotificationTarget["id"]) => `/api/v1/notifications/targets/${encodeURIComponent(String(id))}`;

export function useNotificationTargets() {
  return useQuery({
    queryKey: notificationKeys.list(),
    queryFn: ({ signal }) =>
      apiFetch<{ targets: NotificationTarget[] } | NotificationTarget[]>("/api/v1/notifications/targets", { signal }).then((r) =>
        Array.isArray(r) ? r : r.targets,
      ),
  });
}

export function useCreateNotificationTarget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (t: NewNotificationTarget) =>
      apiFetch<{ target: NotificationTarget }>("/api/v1/notifications/targets", { method: "POST", body: t }),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useUpdateNotificationTarget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: Partial<NewNotificationTarget> & { id: NotificationTarget["id"] }) =>
      apiFetch<{ target: NotificationTarget }>(path(id), { method: "PATCH", body: change }),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useDeleteNotificationTarget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: NotificationTarget["id"]) => apiFetch<unknown>(path(id), { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useTestNotificationTarget() {
  return useMutation({
    mutationFn: (id: NotificationTarget["id"]) => apiFetch<TestResult>(`${path(id)}/test`, { method: "POST" }),
  });
}
