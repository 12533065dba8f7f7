"use client";

import { withProject } from "@/components/project/with-project";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useEffect, useMemo, useState } from "react";
import type { WaterfallModel } from "@/lib/waterfall/model";
import { markSpanIds, matchLocally, positionsOf } from "@/lib/waterfall/search";
import { needsServer, parseTraceSearch } from "@/lib/waterfall/search-query";

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

async function fetchAttributeMatches(traceId: string, q: string, signal: AbortSignal): Promise<string[]> {
  const res = await fetch(withProject(`/api/v1/traces/${traceId}/search?${new URLSearchParams({ q })}`), { signal });
  const body = (await res.json().catch(() => null)) as { spanIds?: string[]; error?: string } | null;
  if (!res.ok || !body?.spanIds) throw new Error(body?.error ?? `search answered ${res.status}`);
  return body.spanIds;
}

/**
 * Matches of the search box: names, services and status at once, in the page; attribute
 * values from the server (debounced), merged in when they arrive.
 */
export function useTraceSearch(model: WaterfallModel, traceId: string, q: string) {
  const deferred = useDeferredValue(q);
  const search = useMemo(() => parseTraceSearch(deferred), [deferred]);
  const local = useMemo(() => matchLocally(model.tree, search), [model.tree, search]);
  const settled = useDebounced(deferred, 250);
  const remote = useQuery({
    queryKey: ["trace", traceId, "search", settled.trim()],
    queryFn: ({ signal }) => fetchAttributeMatches(traceId, settled.trim(), signal),
    enabled: needsServer(parseTraceSearch(settled)),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const remoteIds = remote.data && settled === deferred ? remote.data : null;
  const matches = useMemo(() => (remoteIds ? markSpanIds(model.tree, remoteIds, local.slice()) : local), [model.tree, local, remoteIds]);
  const positions = useMemo(() => positionsOf(matches), [matches]);
  return {
    search,
    matches,
    positions,
    /** The attribute part is still on its way. */
    pending: needsServer(search) && (settled !== deferred || remote.isFetching),
    error: remote.error as Error | null,
  };
}
