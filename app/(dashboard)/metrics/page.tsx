import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import type { SearchParams } from "nuqs/server";
import { Suspense } from "react";
import { attributeKeysKey, metricsKey } from "@/components/charts/queries";
import { metricsApiQuery } from "@/lib/chart-data/metrics-query";
import { pageAccess } from "@/lib/auth/page-access";
import { parseMetricsRequest } from "@/lib/http/metrics-params";
import { runMetricsRequest } from "@/lib/metrics/run-plan";
import { getSpanStore } from "@/lib/spans";
import { MetricsClient } from "./client";
import Loading from "./loading";
import { loadMetricsParams } from "./search-params";

export const metadata: Metadata = { title: "Metrics" };

/**
 * Runs the chart the URL asks for on the server, so a shared link opens drawn. A query the
 * API would refuse is not prefetched: the client asks and shows the error where it belongs.
 */
export default async function MetricsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const state = await loadMetricsParams(searchParams);
  const { project } = await pageAccess();
  const store = await getSpanStore();
  const qs = metricsApiQuery(state);
  const queryClient = new QueryClient();
  await Promise.all([
    state.view === "heatmap"
      ? null
      : queryClient.prefetchQuery({
        queryKey: metricsKey(qs),
        queryFn: () => runMetricsRequest((q) => store.queryMetrics(q), parseMetricsRequest(new URLSearchParams(qs), project.id)),
      }),
    queryClient.prefetchQuery({ queryKey: attributeKeysKey, queryFn: () => store.listAttributeKeys({ projectId: project.id, limit: 5000 }) }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense fallback={<Loading />}>
        <MetricsClient />
      </Suspense>
    </HydrationBoundary>
  );
}
