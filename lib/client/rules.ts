import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, qs } from "./api";
import type { RuleDetailDto, RuleDto } from "@/lib/detect/admin";
import type { BacktestResult } from "@/lib/detect/backtest";
import type { TestEventResult } from "@/lib/detect/test-event";
import type { SigmaImportResult } from "@/lib/detect/sigma/import";
import type { SuppressionDto } from "@/lib/alerts/suppress";
import type { RuleDefinition, RuleKind, RuleSeverity } from "@/lib/detect/types";

export type { RuleDetailDto, RuleDto, BacktestResult, TestEventResult, SigmaImportResult, SuppressionDto };

export type RuleDraft = {
  name: string;
  description: string;
  severity: RuleSeverity;
  kind: RuleKind;
  definition: RuleDefinition;
  mitre: string[];
  equivalents: string[];
  remediation: string;
  references: string[];
  enabled?: boolean;
};

export const ruleKeys = {
  all: ["rules"] as const,
  list: () => [...ruleKeys.all, "list"] as const,
  detail: (id: string) => [...ruleKeys.all, "detail", id] as const,
  suppressions: (ruleId?: string) => [...ruleKeys.all, "suppressions", ruleId ?? "all"] as const,
};

export function useRules() {
  return useQuery({
    queryKey: ruleKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ rules: RuleDto[] }>("/api/v1/rules", { signal }).then((r) => r.rules),
    refetchInterval: 60_000,
  });
}

export function useRule(id: string | null) {
  return useQuery({
    queryKey: ruleKeys.detail(id ?? ""),
    enabled: !!id,
    queryFn: ({ signal }) => apiFetch<{ rule: RuleDetailDto }>(`/api/v1/rules/${encodeURIComponent(id!)}`, { signal }).then((r) => r.rule),
  });
}

export function useCreateRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (draft: RuleDraft) => apiFetch<{ rule: RuleDetailDto }>("/api/v1/rules", { method: "POST", body: draft }).then((r) => r.rule),
    onSuccess: () => qc.invalidateQueries({ queryKey: ruleKeys.all }),
  });
}

export function useUpdateRule(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<RuleDraft> & { enabled?: boolean }) =>
      apiFetch<{ rule: RuleDetailDto }>(`/api/v1/rules/${encodeURIComponent(id)}`, { method: "PATCH", body: patch }).then((r) => r.rule),
    onSuccess: (rule) => {
      qc.setQueryData(ruleKeys.detail(id), rule);
      void qc.invalidateQueries({ queryKey: ruleKeys.list() });
    },
  });
}

/** Enable/disable from the list, where the id varies per row. */
export function useToggleRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; enabled: boolean }) =>
      apiFetch<{ rule: RuleDetailDto }>(`/api/v1/rules/${encodeURIComponent(v.id)}`, { method: "PATCH", body: { enabled: v.enabled } }).then((r) => r.rule),
    onSuccess: () => qc.invalidateQueries({ queryKey: ruleKeys.all }),
  });
}

export function useDeleteRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/v1/rules/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ruleKeys.all }),
  });
}

export function useBacktest() {
  return useMutation({
    mutationFn: (v: { kind: RuleKind; definition: RuleDefinition; hours?: number }) =>
      apiFetch<BacktestResult>("/api/v1/rules/backtest", { method: "POST", body: v }),
  });
}

export function useTestEvent() {
  return useMutation({
    mutationFn: (v: { kind: RuleKind; definition: RuleDefinition; event: unknown }) =>
      apiFetch<TestEventResult>("/api/v1/rules/test", { method: "POST", body: v }),
  });
}

export function useImportSigma() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { yaml: string; enable: boolean }) => apiFetch<SigmaImportResult>("/api/v1/rules/sigma", { method: "POST", body: v }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ruleKeys.all }),
  });
}

export function useSuppressions(ruleId?: string) {
  return useQuery({
    queryKey: ruleKeys.suppressions(ruleId),
    queryFn: ({ signal }) => apiFetch<{ suppressions: SuppressionDto[] }>(`/api/v1/suppressions${qs({ ruleId })}`, { signal }).then((r) => r.suppressions),
  });
}

export type NewSuppression = { ruleId: string | null; match: Record<string, string[]>; reason: string; expiresInDays: number };

export function useCreateSuppression() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: NewSuppression) => apiFetch<{ suppression: SuppressionDto }>("/api/v1/suppressions", { method: "POST", body: s }).then((r) => r.suppression),
    onSuccess: () => qc.invalidateQueries({ queryKey: ruleKeys.all }),
  });
}

export function useRevokeSuppression() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<{ suppression: SuppressionDto }>(`/api/v1/suppressions/${id}`, { method: "DELETE" }).then((r) => r.suppression),
    onSuccess: () => qc.invalidateQueries({ queryKey: ruleKeys.all }),
  });
}
