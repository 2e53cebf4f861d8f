import { useMutation, useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api";
import type { SessionUser } from "./types";

export const authKeys = {
  me: () => ["auth", "me"] as const,
};

export function useMe() {
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => apiFetch<{ user: SessionUser }>("/api/v1/auth/me", { signal }).then((r) => r.user),
    staleTime: 60_000,
  });
}

export type Credentials = { email: string; password: string };

export function useLogin() {
  return useMutation({
    mutationFn: (c: Credentials) =>
      apiFetch<{ user: SessionUser }>("/api/v1/auth/login", { method: "POST", body: c }).then((r) => r.user),
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: () => apiFetch<void>("/api/v1/auth/logout", { method: "POST" }),
  });
}

/**
 * Where to go after login. Only same-origin paths: "//host" and "/\host" are
 * protocol-relative to browsers, so they would be an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string {
  const fallback = "/events";
  if (!next || !next.startsWith("/")) return fallback;
  if (next.startsWith("//") || next.startsWith("/\\")) return fallback;
  // Tabs/newlines are stripped by URL parsers, which could turn "/\t/evil" into "//evil".
  if (/[\u0000-\u001f\u007f]/.test(next)) return fallback;
  if (next.startsWith("/login")) return fallback;
  return next;
}
