import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api";
import type { NewSavedSearch, SavedSearch, SavedSearchChange, SearchFieldsDto } from "./search-types";

export const searchKeys = {
  all: ["searches"] as const,
  list: () => [...searchKeys.all, "list"] as const,
  fields: () => ["search-fields"] as const,
};

export function useSavedSearches({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: searchKeys.list(),
    queryFn: ({ signal }) => apiFetch<{ searches: SavedSearch[] }>("/api/v1/searches", { signal }).then((r) => r.searches),
    enabled,
  });
}

export function useCreateSavedSearch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: NewSavedSearch) =>
      apiFetch<{ search: SavedSearch }>("/api/v1/searches", { method: "POST", body: s }).then((r) => r.search),
    onSuccess: () => qc.invalidateQueries({ queryKey: searchKeys.all }),
  });
}

export function useUpdateSavedSearch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: SavedSearchChange & { id: string }) =>
      apiFetch<{ search: SavedSearch }>(`/api/v1/searches/${encodeURIComponent(id)}`, { method: "PATCH", body: change }),
    onSuccess: () => qc.invalidateQueries({ queryKey: searchKeys.all }),
  });
}

export function useDeleteSavedSearch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<unknown>(`/api/v1/searches/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: searchKeys.all }),
  });
}

/** Field list for help and autocomplete; it changes only with a deploy. */
export function useSearchFields() {
  return useQuery({
    queryKey: searchKeys.fields(),
    queryFn: ({ signal }) => apiFetch<SearchFieldsDto>("/api/v1/search/fields", { signal }),
    staleTime: Infinity,
  });
}
