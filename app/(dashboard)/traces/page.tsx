import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import type { SearchParams } from "nuqs/server";
import { Suspense } from "react";
import { searchKeys } from "@/components/search/api";
import { histogramParamsOf, resolveView, searchParamsOf, type SavedFilterRow } from "@/components/search/view";
import { ServerNowProvider } from "@/components/ui/server-now";
import { listSavedFilters } from "@/lib/db/saved-filters";
import { pageAccess } from "@/lib/auth/page-access";
import { parseSearchParams } from "@/lib/http/search-params";
import { withQueryStatus } from "@/lib/http/saved-filter-view";
import { getSpanStore } from "@/lib/spans";
import { renderedAt } from "../request-context";
import { TracesClient } from "./client";
import Loading from "./loading";
import { loadTraceSearch } from "./search-params";

export const metadata: Metadata = { title: "Trace search" };

/**
 * Resolves the URL (and the saved filter it names) to the same search the client asks
 * for, and runs it here, so a shared link paints with its results. A query that fails is
 * left to the client, which shows the error where it belongs: in the editor.
 */
export default async function TracesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const [url, project, store] = await Promise.all([loadTraceSearch(searchParams), pageAccess().then((a) => a.project), getSpanStore()]);
  const filters: SavedFilterRow[] = (await listSavedFilters(project.id)).map((row) => {
    const f = withQueryStatus(row);
    // The same JSON the API sends: dates as ISO strings.
    return { ...f, createdAt: f.createdAt.toISOString(), updatedAt: f.updatedAt.toISOString() };
  });
  const view = resolveView(url, filters);
  const params = searchParamsOf(view);
  const hParams = histogramParamsOf(view);
  const client = new QueryClient();
  client.setQueryData(searchKeys.savedFilters, filters);
  await Promise.all([
    client.prefetchInfiniteQuery({
      queryKey: searchKeys.traces(params),
      queryFn: () => store.searchTraces(parseSearchParams(new URLSearchParams(params), project.id)),
      initialPageParam: null as string | null,
    }),
    client.prefetchQuery({
      queryKey: searchKeys.histogram(hParams),
      queryFn: () => store.durationHistogram(parseSearchParams(new URLSearchParams(hParams), project.id)),
    }),
  ]);
  return (
    <ServerNowProvider now={renderedAt()}>
      <HydrationBoundary state={dehydrate(client)}>
        <Suspense fallback={<Loading />}>
          <TracesClient />
        </Suspense>
      </HydrationBoundary>
    </ServerNowProvider>
  );
}
