import { withProject } from "@/components/project/with-project";
import type { TraceSearchPage } from "@/lib/contract";

/** Shared by the server prefetch and the client query, so hydration finds the data. */
export const latestTracesKey = ["traces", "latest"] as const;
export const TRACES_PAGE_SIZE = 50;
export const TRACES_POLL_MS = 5000;

/** Newest first, all time: what GET /api/v1/traces answers without `q`, `since` or `sort`. */
export async function fetchTracesPage(cursor: string | null): Promise<TraceSearchPage> {
  const params = new URLSearchParams({ limit: String(TRACES_PAGE_SIZE) });
  if (cursor) params.set("cursor", cursor);
  const res = await fetch(withProject(`/api/v1/traces?${params}`), { headers: { accept: "application/json" } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `GET /api/v1/traces answered ${res.status}`);
  }
  return res.json() as Promise<TraceSearchPage>;
}
