import { withProject } from "@/components/project/with-project";
import type { DurationHistogram, TraceSearchPage } from "@/lib/contract";

/** A failed API call: the server's `error` text, and for TraceQL problems where in the query. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly from?: number, readonly to?: number) {
    super(message);
    this.name = "ApiError";
  }
}

export async function apiFetch<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(withProject(url), { ...init, headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}), ...init?.headers } });
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as (T & { error?: string; from?: number; to?: number }) | null;
  if (!res.ok) {
    const what = `${init?.method ?? "GET"} ${url.split("?")[0]}`;
    throw new ApiError(body?.error ?? `${what} answered ${res.status}`, res.status, body?.from, body?.to);
  }
  return body as T;
}

export const TRACE_PAGE_SIZE = 50;

/** Query keys: the server prefetch and the client ask for the same ones. */
export const searchKeys = {
  traces: (params: string) => ["traces", "search", params] as const,
  histogram: (params: string) => ["traces", "histogram", params] as const,
  savedFilters: ["saved-filters"] as const,
  attributeKeys: ["attributes", "keys"] as const,
  attributeValues: (scope: string, key: string) => ["attributes", "values", scope, key] as const,
};

export function fetchTracePage(params: string, cursor: string | null, signal?: AbortSignal): Promise<TraceSearchPage> {
  const p = new URLSearchParams(params);
  if (cursor) p.set("cursor", cursor);
  return apiFetch(`/api/v1/traces?${p}`, { signal });
}

export function fetchHistogram(params: string, signal?: AbortSignal): Promise<DurationHistogram> {
  return apiFetch(`/api/v1/traces/duration-histogram?${params}`, { signal });
}
