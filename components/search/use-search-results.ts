"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, fetchHistogram, fetchTracePage, searchKeys } from "./api";
import { histogramParamsOf, searchParamsOf, type SearchView } from "./view";

/** A bad query is the user's to fix: retrying it would only delay the message. */
const retry = (failures: number, err: Error) => !(err instanceof ApiError && err.status < 500) && failures < 1;

/**
 * One page of results at a time (cursor paging, earlier pages kept for Previous) and the
 * duration histogram of the same search. While a new search runs the old results stay,
 * dimmed, rather than flashing to a skeleton.
 */
export function useSearchResults(view: SearchView) {
  const params = searchParamsOf(view);
  const hParams = histogramParamsOf(view);
  const results = useInfiniteQuery({
    queryKey: searchKeys.traces(params),
    queryFn: ({ pageParam, signal }) => fetchTracePage(params, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: !view.waiting,
    placeholderData: keepPreviousData,
    retry,
  });
  const histogram = useQuery({
    queryKey: searchKeys.histogram(hParams),
    queryFn: ({ signal }) => fetchHistogram(hParams, signal),
    enabled: !view.waiting,
    placeholderData: keepPreviousData,
    retry,
  });
  const [page, setPage] = useState({ key: params, index: 0 });
  const pages = results.data?.pages ?? [];
  const index = page.key === params ? Math.min(page.index, Math.max(0, pages.length - 1)) : 0;

  const next = async () => {
    if (!pages[index + 1]) {
      const r = await results.fetchNextPage();
      if (r.isError) return;
    }
    setPage({ key: params, index: index + 1 });
  };

  return {
    results,
    histogram,
    traces: pages[index]?.traces ?? [],
    total: pages[0]?.total ?? 0,
    index,
    hasNext: !!pages[index + 1] || results.hasNextPage,
    next,
    prev: () => setPage({ key: params, index: Math.max(0, index - 1) }),
    /** The server's TraceQL complaint, with where in the query it is. */
    queryError: results.error instanceof ApiError && results.error.from !== undefined ? results.error : null,
  };
}
