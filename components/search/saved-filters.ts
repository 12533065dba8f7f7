import { apiFetch, searchKeys } from "./api";
import type { SavedFilterRow } from "./view";

export interface SavedFilterInput {
  name: string;
  query: string;
  since?: string | null;
  startNs?: string | null;
  endNs?: string | null;
  sort?: string | null;
  columns?: string[] | null;
  author: string;
}

export function savedFiltersQuery() {
  return {
    queryKey: searchKeys.savedFilters,
    queryFn: async () => (await apiFetch<{ filters: SavedFilterRow[] }>("/api/v1/saved-filters")).filters,
  };
}

export const createSavedFilter = (input: SavedFilterInput) =>
  apiFetch<SavedFilterRow>("/api/v1/saved-filters", { method: "POST", body: JSON.stringify(input) });

export const updateSavedFilter = (id: string, patch: Partial<SavedFilterInput>) =>
  apiFetch<SavedFilterRow>(`/api/v1/saved-filters/${encodeURIComponent(id)}`, { method: "PATCH", body: JSON.stringify(patch) });

export const deleteSavedFilter = (id: string) =>
  apiFetch<void>(`/api/v1/saved-filters/${encodeURIComponent(id)}`, { method: "DELETE" });

/** The address teammates open: it stays the same when the filter is renamed or edited. */
export const savedFilterHref = (id: string) => `/traces?filter=${encodeURIComponent(id)}`;

export { rememberAuthor, rememberedAuthor } from "@/components/ui/remembered-author";
