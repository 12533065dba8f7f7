import { useQuery } from "@tanstack/react-query";
import { apiJson } from "@/components/charts/api";
import { fetchValues } from "@/components/charts/queries";
import type { AttributeStats } from "@/lib/contract";

/** Top values of a key and how many distinct values the catalog holds (exact, strings and ints). */
export function useKeyValues(scope: string, key: string, limit: number, enabled = true) {
  return useQuery({
    queryKey: ["attributes", "values", scope, key, limit],
    queryFn: () => fetchValues(key, scope, limit),
    enabled,
    staleTime: 30_000,
  });
}

/** Measured on the spans: a HyperLogLog distinct estimate and, for numbers, a summary. */
export function useKeyStats(scope: string, key: string) {
  return useQuery({
    queryKey: ["attributes", "stats", scope, key],
    queryFn: () => apiJson<AttributeStats>(`/api/v1/attributes/${encodeURIComponent(key)}/stats?scope=${scope}`),
    enabled: scope === "span" || scope === "resource",
    staleTime: 30_000,
  });
}
