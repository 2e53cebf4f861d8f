import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api";
import type { RoleName, UserDto } from "./types";

export const userKeys = {
  all: ["users"] as const,
  list: () => [...userKeys.all, "list"] as const,
};

export function useUsers() {
  return useQuery({
    queryKey: userKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ users: UserDto[] }>("/api/v1/users", { signal }).then((r) => r.users),
  });
}

export type NewUser = { email: string; password: string; role: RoleName; name?: string };

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (user: NewUser) => apiFetch<{ user: UserDto }>("/api/v1/users", { method: "POST", body: user }),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export type UserChange = { id: string; role?: RoleName; disabled?: boolean };

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: UserChange) =>
      apiFetch<{ user: UserDto }>(`/api/v1/users/${encodeURIComponent(id)}`, { method: "PATCH", body: change }),
    onSuccess: () => qc.invalidateQueries({ queryKey: userKeys.all }),
  });
}
