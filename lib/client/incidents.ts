import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, qs } from "./api";
import type { AlertNote, QueueAlert } from "./alerts";
import type { AlertSeverity, StoredEvent, UserRef } from "./types";

export const INCIDENT_STATUSES = ["open", "investigating", "contained", "resolved"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

type Owner = (UserRef & { name?: string | null }) | null;

export type IncidentSummary = {
  id: number;
  key: string;
  title: string;
  severity: AlertSeverity;
  status: IncidentStatus;
  owner: Owner;
  summary?: string | null;
  cluster?: string | null;
  namespace?: string | null;
  workload?: string | null;
  alertCount: number;
  evidenceCount: number;
  createdAt: string;
  updatedAt: string;
};

export type IncidentSuggestion = {
  cluster: string | null;
  namespace: string | null;
  workload: string | null;
  alertIds: number[];
  firstSeen: string;
  lastSeen: string;
  title: string;
  severity?: AlertSeverity;
  ruleNames?: string[];
};

export type Evidence = {
  id: string | number;
  kind: "event" | "search" | "note" | string;
  event?: StoredEvent | null;
  eventId?: string | null;
  eventTs?: string | null;
  query?: string | null;
  from?: string | null;
  to?: string | null;
  savedSearchId?: string | number | null;
  body?: string | null;
  addedBy: UserRef | null;
  addedAt: string;
};

export type IncidentActivity = {
  id: string;
  at: string;
  user: UserRef | null;
  action: string;
  details: Record<string, unknown> | string | null;
};

export type IncidentDetail = {
  incident: IncidentSummary;
  alerts: QueueAlert[];
  evidence: Evidence[];
  activity: IncidentActivity[];
  /** notes on the incident's alerts (and the incident), oldest first */
  notes?: (AlertNote & { alertId?: number | null })[];
};

export type IncidentShare = {
  id: string;
  incidentKey?: string;
  url?: string;
  createdAt?: string;
  expiresAt: string;
  revokedAt?: string | null;
  createdBy?: UserRef | null;
  openCount?: number;
  lastOpenedAt?: string | null;
};

export const incidentKeys = {
  all: ["incidents"] as const,
  list: (status: string) => [...incidentKeys.all, "list", status] as const,
  suggestions: () => [...incidentKeys.all, "suggestions"] as const,
  detail: (key: string) => [...incidentKeys.all, "detail", key] as const,
  shares: (key: string) => [...incidentKeys.all, "shares", key] as const,
};

const path = (key: string) => `/api/v1/incidents/${encodeURIComponent(key)}`;

export function useIncidents(status = "") {
  return useQuery({
    queryKey: incidentKeys.list(status),
    queryFn: ({ signal }) =>
      apiFetch<{ incidents: IncidentSummary[] }>(`/api/v1/incidents${qs({ status })}`, { signal }).then((r) => r.incidents),
  });
}

export function useIncidentSuggestions() {
  return useQuery({
    queryKey: incidentKeys.suggestions(),
    queryFn: ({ signal }) =>
      apiFetch<IncidentSuggestion[] | { suggestions: IncidentSuggestion[] }>("/api/v1/incidents/suggestions", { signal }).then((r) =>
        Array.isArray(r) ? r : r.suggestions,
      ),
  });
}

export function useIncident(key: string) {
  return useQuery({
    queryKey: incidentKeys.detail(key),
    queryFn: ({ signal }) => apiFetch<IncidentDetail>(path(key), { signal }),
  });
}

/** Anything that changes an incident also changes the alert queue (incident badges) and the lists. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: incidentKeys.all }), qc.invalidateQueries({ queryKey: ["alerts"] })]);
}

export type NewIncident = {
  title: string;
  severity: AlertSeverity;
  alertIds?: number[];
  summary?: string;
  /** set when a suggested grouping is accepted */
  cluster?: string | null;
  namespace?: string | null;
  workload?: string | null;
};

export function useCreateIncident() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: NewIncident) =>
      apiFetch<{ incident: IncidentSummary }>("/api/v1/incidents", { method: "POST", body }).then((r) => r.incident),
    onSuccess: invalidate,
  });
}

export type IncidentPatch = { title?: string; severity?: AlertSeverity; status?: IncidentStatus; ownerId?: string | null; summary?: string };

export const incidentHref = (key: string) => `/incidents/${encodeURIComponent(key)}`;

export function useUpdateIncident(key: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: IncidentPatch) => apiFetch<{ incident: IncidentSummary }>(path(key), { method: "PATCH", body }),
    onSuccess: invalidate,
  });
}

export function useAddIncidentAlerts() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ key, alertIds }: { key: string; alertIds: number[] }) =>
      apiFetch<unknown>(`${path(key)}/alerts`, { method: "POST", body: { alertIds } }),
    onSuccess: invalidate,
  });
}

export type NewEvidence =
  | { kind: "event"; eventId: string; eventTs: string }
  | { kind: "search"; query: string; from: string; to: string; savedSearchId?: string }
  | { kind: "note"; body: string };

export function useAddEvidence() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ key, evidence }: { key: string; evidence: NewEvidence }) =>
      apiFetch<{ evidence: Evidence }>(`${path(key)}/evidence`, { method: "POST", body: evidence }),
    onSuccess: invalidate,
  });
}

export function useRemoveEvidence(key: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string | number) => apiFetch<unknown>(`${path(key)}/evidence/${encodeURIComponent(String(id))}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

export function reportHref(key: string, format: "md" | "json"): string {
  return `${path(key)}/report${qs({ format })}`;
}

export function useIncidentShares(key: string) {
  return useQuery({
    queryKey: incidentKeys.shares(key),
    queryFn: ({ signal }) =>
      apiFetch<IncidentShare[] | { shares: IncidentShare[] }>(`${path(key)}/shares`, { signal }).then((r) => (Array.isArray(r) ? r : r.shares)),
  });
}

export function useCreateShare(key: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (expiresInHours: number) =>
      apiFetch<{ id: string; url: string; expiresAt: string }>(`${path(key)}/shares`, { method: "POST", body: { expiresInHours } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: incidentKeys.all }),
  });
}

export function useRevokeShare() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<unknown>(`/api/v1/shares/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: incidentKeys.all }),
  });
}
