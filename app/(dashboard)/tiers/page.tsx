import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import type { SearchParams } from "nuqs/server";
import { Suspense } from "react";
import { metricsKey } from "@/components/charts/queries";
import { rangeFromUrl, rangeParams, rangeSpanMs } from "@/lib/chart-data/range";
import { tierQueries } from "@/lib/chart-data/tiers";
import { pageAccess } from "@/lib/auth/page-access";
import { parseMetricsParams } from "@/lib/http/metrics-params";
import { getSpanStore } from "@/lib/spans";
import { TiersClient } from "./client";
import Loading from "./loading";
import { loadTierParams } from "./search-params";

export const metadata: Metadata = { title: "Customer tiers" };

/** Runs the four tier queries on the server (the same keys the client asks for). */
export default async function TiersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const url = await loadTierParams(searchParams);
  const { project } = await pageAccess();
  const store = await getSpanStore();
  const queryClient = new QueryClient();
  await Promise.all(
    Object.values(tierQueries(url.attr, rangeParams(rangeFromUrl(url)), rangeSpanMs(rangeFromUrl(url)))).map((qs) =>
      queryClient.prefetchQuery({ queryKey: metricsKey(qs), queryFn: () => store.queryMetrics(parseMetricsParams(new URLSearchParams(qs), project.id)) }),
    ),
  );
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense fallback={<Loading />}>
        <TiersClient />
      </Suspense>
    </HydrationBoundary>
  );
}
