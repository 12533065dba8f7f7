import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { latestTracesKey, TRACES_PAGE_SIZE } from "@/components/traces/queries";
import { pageAccess } from "@/lib/auth/page-access";
import { getSpanStore } from "@/lib/spans";
import { HomeClient } from "./client";
import { renderedAt, requestOrigin } from "./request-context";

export const metadata: Metadata = { title: "Traces" };

const MAX_NS = 9_223_372_036_854_775_807n;

export default async function HomePage() {
  await connection();
  const { project } = await pageAccess();
  const [store, origin] = await Promise.all([getSpanStore(), requestOrigin()]);
  const queryClient = new QueryClient();
  await queryClient.prefetchInfiniteQuery({
    queryKey: latestTracesKey,
    // The same search the client's GET /api/v1/traces runs, so later pages and polls line up.
    queryFn: () =>
      store.searchTraces({
        projectId: project.id,
        q: "",
        startNs: 0n,
        endNs: MAX_NS,
        limit: TRACES_PAGE_SIZE,
        sort: "start",
        order: "desc",
        columns: [],
      }),
    initialPageParam: null as string | null,
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <HomeClient serverNow={renderedAt()} origin={origin} />
    </HydrationBoundary>
  );
}
