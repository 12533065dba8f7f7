"use client";

import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { preload } from "react-dom";
import { PROJECT_PARAM } from "@/lib/auth/project-cookie";
import { readBody } from "@/components/fetch/read-body";
import { withProject } from "@/components/project/with-project";

/** Why a side of the comparison has no trace: a mistyped id, or one this project does not hold. */
export class TraceLoadError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = "TraceLoadError";
  }
}

/** The same check the API makes (32 or 16 hex characters), so a typo is named before any request. */
export const TRACE_ID = /^(?:[0-9a-f]{32}|[0-9a-f]{16})$/i;

/** How often the bytes received are shown while a trace downloads, in ms. */
const REPORT_EVERY_MS = 150;

const traceBytesKey = (traceId: string | null) => ["trace", traceId, "compact-bytes"] as const;

/**
 * Rendered on the server too, this puts a preload of both traces in the page's head: they start
 * downloading with the HTML, not after the scripts have loaded and hydrated. The URL is the one
 * `withProject` gives the fetch below (no custom headers either), so the fetch reuses it.
 */
export function usePreloadTraceBytes(ids: (string | null)[]) {
  const project = useSearchParams().get(PROJECT_PARAM);
  const queryClient = useQueryClient();
  for (const id of ids) {
    if (!id || !TRACE_ID.test(id) || queryClient.getQueryData(traceBytesKey(id))) continue;
    const url = `/api/v1/traces/${id}/waterfall`;
    preload(project ? `${url}?${PROJECT_PARAM}=${encodeURIComponent(project)}` : url, { as: "fetch", crossOrigin: "anonymous", fetchPriority: "high" });
  }
}

/**
 * A whole trace in compact columns from the waterfall's JSON route (both span stores serve
 * it), as the undecoded response body: the comparison's worker parses it, so the page never
 * does. Cached for the page's life, so swapping A and B aligns again without downloading.
 * Shared by `useTraceBytes` and the alignment, which awaits the same download. `onBytes`
 * hears what has arrived, a few times a second.
 */
export const traceBytesQuery = (traceId: string | null, onBytes: (n: number) => void = () => {}) =>
  queryOptions<ArrayBuffer, TraceLoadError>({
    queryKey: traceBytesKey(traceId),
    enabled: !!traceId && TRACE_ID.test(traceId),
    queryFn: async ({ signal }) => {
      const res = await fetch(withProject(`/api/v1/traces/${traceId}/waterfall`), { signal });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        throw new TraceLoadError(body?.error ?? `GET /api/v1/traces/${traceId}/waterfall answered ${res.status}`, res.status);
      }
      let lastReport = 0;
      const body = await readBody(res, (n) => {
        const now = performance.now();
        if (now - lastReport < REPORT_EVERY_MS) return;
        lastReport = now;
        onBytes(n);
      });
      onBytes(body.byteLength);
      return body;
    },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    structuralSharing: false,
    retry: (count, err) => err.status >= 500 && count < 1,
  });

/** One side's download, with `bytes` counting what has arrived while it runs. */
export function useTraceBytes(traceId: string | null) {
  const [bytes, setBytes] = useState(0);
  const query = useQuery(traceBytesQuery(traceId, setBytes));
  return { ...query, bytes: query.data?.byteLength ?? bytes };
}
