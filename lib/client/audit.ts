import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { apiFetch, qs } from "./api";
import type { UserRef } from "./types";

export type AuditEntry = {
  id: string;
  at: string;
  user: UserRef | null;
  action: string;
  target: string | null;
  details: unknown;
  hash: string;
  prevHash: string;
};
export type AuditPage = { entries: AuditEntry[]; nextBefore: string | null };
export type AuditVerify = { ok: boolean; checked: number; brokenAt?: string | number | null };

export const AUDIT_PAGE_SIZE = 100;

export const auditKeys = {
  all: ["audit"] as const,
  list: (action: string) => [...auditKeys.all, "list", action] as const,
};

/** Newest first, paged backwards with `before` (the id of the oldest row shown). */
export function useAuditLog(action: string) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(action),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<AuditPage>(`/api/v1/audit${qs({ action, before: pageParam, limit: AUDIT_PAGE_SIZE })}`, { signal }),
    getNextPageParam: (last) => last.nextBefore ?? null,
  });
}

/** A mutation, not a query: verifying re-hashes the whole chain, so it runs only when asked. */
export function useVerifyAudit() {
  return useMutation({
    mutationFn: () => apiFetch<AuditVerify>("/api/v1/audit/verify"),
  });
}
