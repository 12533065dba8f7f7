"use client";

import { useQuery } from "@tanstack/react-query";
import { withProject } from "@/components/project/with-project";
import type { CompactTrace } from "@/lib/contract";

/** Why a side of the comparison has no trace: a mistyped id, or one this project does not hold. */
export class TraceLoadError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = "TraceLoadError";
  }
}

/** The same check the API makes (32 or 16 hex characters), so a typo is named before any request. */
export const TRACE_ID = /^(?:[0-9a-f]{32}|[0-9a-f]{16})$/i;

/**
 * A whole trace in compact columns, from the waterfall's JSON route: both span stores serve
 * it, so comparing needs no query of its own. Not the waterfall's cache entry, which holds
 * its built model rather than the columns.
 */
export function useCompactTrace(traceId: string | null) {
  return useQuery<CompactTrace, TraceLoadError>({
    queryKey: ["trace", traceId, "compact"],
    enabled: !!traceId && TRACE_ID.test(traceId),
    queryFn: async ({ signal }) => {
      const res = await fetch(withProject(`/api/v1/traces/${traceId}/waterfall`), { signal });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        throw new TraceLoadError(body?.error ?? `GET /api/v1/traces/${traceId}/waterfall answered ${res.status}`, res.status);
      }
      return (await res.json()) as CompactTrace;
    },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: (count, err) => err.status >= 500 && count < 1,
  });
}
