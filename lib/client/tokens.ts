import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api";
import type { CreatedToken, TokenDto } from "./types";

export const tokenKeys = {
  all: ["tokens"] as const,
  list: () => [...tokenKeys.all, "list"] as const,
};

export function useTokens() {
  return useQuery({
    queryKey: tokenKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ tokens: TokenDto[] }>("/api/v1/tokens", { signal }).then((r) => r.tokens),
  });
}

export type NewToken = { cluster: string; name?: string };

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (t: NewToken) => apiFetch<CreatedToken>("/api/v1/tokens", { method: "POST", body: t }),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ revoked: true }>(`/api/v1/tokens/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
