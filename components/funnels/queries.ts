import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiJson } from "@/components/charts/api";
import { funnelKey, savedFunnelKey } from "@/lib/boards/panel-queries";
import type { FunnelDefinition } from "@/lib/chart-data/funnel";
import type { FunnelDropOff, FunnelResult } from "@/lib/contract";

export interface SavedFunnel {
  id: string;
  name: string;
  author: string;
  definition: FunnelDefinition;
  createdAt: string;
  updatedAt: string;
}

/** Shared by the server prefetch and the client: the definition is the key. */
export { funnelKey, savedFunnelKey } from "@/lib/boards/panel-queries";
export const savedFunnelsKey = ["saved-funnels"] as const;

export function useFunnel(def: FunnelDefinition | null) {
  return useQuery({
    queryKey: funnelKey(def ?? { steps: [], by: "trace", window: "1d" }),
    queryFn: () => apiJson<FunnelResult>("/api/v1/funnels/query", { method: "POST", body: JSON.stringify(def) }),
    enabled: def !== null && def.steps.length >= 2,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useDropOff(def: FunnelDefinition | null, step: number | null) {
  return useQuery({
    queryKey: ["funnel-drop-off", JSON.stringify(def), step],
    queryFn: () => apiJson<FunnelDropOff>("/api/v1/funnels/drop-off", { method: "POST", body: JSON.stringify({ ...def, step, limit: 100 }) }),
    enabled: def !== null && step !== null,
    retry: false,
  });
}

export function useSavedFunnels() {
  return useQuery({
    queryKey: savedFunnelsKey,
    queryFn: async () => (await apiJson<{ funnels: SavedFunnel[] }>("/api/v1/funnels")).funnels,
  });
}

export function useSavedFunnel(id: string | null) {
  return useQuery({
    queryKey: savedFunnelKey(id ?? ""),
    queryFn: () => apiJson<SavedFunnel>(`/api/v1/funnels/${encodeURIComponent(id!)}`),
    enabled: id !== null,
    retry: false,
  });
}

export function saveFunnel(input: { name: string; author: string; definition: FunnelDefinition }, id?: string) {
  return apiJson<SavedFunnel>(id ? `/api/v1/funnels/${encodeURIComponent(id)}` : "/api/v1/funnels", {
    method: id ? "PATCH" : "POST",
    body: JSON.stringify(input),
  });
}

export { rememberAuthor, rememberedAuthor } from "@/components/ui/remembered-author";
