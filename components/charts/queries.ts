import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { currencyKeys, moneyKey, type MeasureSpec } from "@/lib/chart-data/measure";
import { currencyKey, metricsKey } from "@/lib/boards/panel-queries";
import { apiJson } from "./api";
import type { AttributeKeyInfo, AttributeValueInfo, MetricsResult } from "@/lib/contract";

/** Same key on the server prefetch and the client: the API's query string, canonical order. */
export { metricsKey } from "@/lib/boards/panel-queries";

export function fetchMetrics(qs: string): Promise<MetricsResult> {
  return apiJson<MetricsResult>(`/api/v1/metrics?${qs}`);
}

/** A chart's data; the previous chart stays up (dimmed) while the next one loads. */
export function useMetrics(qs: string | null, opts: { live?: boolean } = {}) {
  return useQuery({
    queryKey: metricsKey(qs ?? ""),
    queryFn: () => fetchMetrics(qs!),
    enabled: qs !== null,
    placeholderData: keepPreviousData,
    // A moving range ("last 1 h") keeps moving; a pinned one never changes.
    refetchInterval: opts.live ? 60_000 : false,
    retry: (n, err) => n < 1 && !(err instanceof Error && "status" in err && (err as { status: number }).status === 400),
  });
}

export const attributeKeysKey = ["attributes", "keys"] as const;

/** Every catalogued key (for pickers, and for spelling group values with their types). */
export function useAttributeKeys() {
  return useQuery({
    queryKey: attributeKeysKey,
    queryFn: async () => (await apiJson<{ keys: AttributeKeyInfo[] }>("/api/v1/attributes?limit=5000")).keys,
    staleTime: 60_000,
  });
}

/** Types per TraceQL label (`span.x`, `resource.x`, `.x`) from the catalog. */
export function typesByLabel(keys: AttributeKeyInfo[] | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const k of keys ?? []) {
    if (k.scope !== "span" && k.scope !== "resource") continue;
    out[`${k.scope}.${k.key}`] = k.types;
    out[`.${k.key}`] = [...new Set([...(out[`.${k.key}`] ?? []), ...k.types])];
  }
  return out;
}

export function fetchValues(key: string, scope: string, limit = 20) {
  return apiJson<{ key: string; values: AttributeValueInfo[]; distinctValues: number }>(
    `/api/v1/attributes/${encodeURIComponent(key)}/values?scope=${scope}&limit=${limit}`,
  );
}

/**
 * The currency of a money measure, when the data states exactly one (`business.currency`
 * is `USD` on every span that has it). Two currencies cannot be summed into one figure.
 */
export function useCurrency(spec: MeasureSpec): string | null {
  const key = moneyKey(spec);
  const query = useQuery({
    queryKey: currencyKey(key),
    enabled: key !== null,
    staleTime: 60_000,
    queryFn: async () => {
      for (const candidate of currencyKeys(key!)) {
        const { values } = await fetchValues(candidate, "span", 3).catch(() => ({ values: [] }));
        const codes = values.filter((v) => /^[A-Za-z]{3}$/.test(v.value));
        if (codes.length === 1) return codes[0].value.toUpperCase();
        if (codes.length > 1) return null;
      }
      return null;
    },
  });
  return key ? query.data ?? null : null;
}
