import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import type { SearchParams } from "nuqs/server";
import { Suspense } from "react";
import { attributeKeysKey } from "@/components/charts/queries";
import { funnelKey, savedFunnelKey, savedFunnelsKey, type SavedFunnel } from "@/components/funnels/queries";
import { fromDefinition, MIN_STEPS, toDefinition, type FunnelDefinition } from "@/lib/chart-data/funnel";
import { rangeFromUrl } from "@/lib/chart-data/range";
import { pageAccess } from "@/lib/auth/page-access";
import { getSavedFunnel, listSavedFunnels } from "@/lib/db/saved-funnels";
import { funnelBody, toFunnelQuery } from "@/lib/http/funnel-body";
import { getSpanStore } from "@/lib/spans";
import { renderedAt } from "../request-context";
import { ServerNowProvider } from "@/components/ui/server-now";
import { FunnelsClient } from "./client";
import Loading from "./loading";
import { FUNNEL_DEFAULT_SINCE, loadFunnelParams } from "./search-params";

export const metadata: Metadata = { title: "Funnels" };

/** Same shape as the saved-funnels API (no project id, dates as ISO strings). */
const asApi = (row: NonNullable<Awaited<ReturnType<typeof getSavedFunnel>>>): SavedFunnel => ({
  id: row.id, name: row.name, author: row.author, definition: row.definition as FunnelDefinition,
  createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
});

/**
 * Resolves the funnel the URL names (its own steps, or a saved funnel's) and runs it on the
 * server, so a shared link opens with its numbers. A funnel the API would refuse is left
 * to the client, which shows the error beside the step.
 */
export default async function FunnelsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const url = await loadFunnelParams(searchParams);
  const { project } = await pageAccess();
  const store = await getSpanStore();
  const queryClient = new QueryClient();
  const [savedRow, list] = await Promise.all([url.funnel ? getSavedFunnel(project.id, url.funnel) : null, listSavedFunnels(project.id)]);
  queryClient.setQueryData(savedFunnelsKey, list.map(asApi));
  if (savedRow) queryClient.setQueryData(savedFunnelKey(savedRow.id), asApi(savedRow));
  const form = url.step.length > 0
    ? { steps: url.step, by: url.by, window: url.window, range: rangeFromUrl(url), breakdown: url.breakdown }
    : savedRow ? fromDefinition(savedRow.definition as FunnelDefinition, FUNNEL_DEFAULT_SINCE) : null;
  const def = form && form.steps.filter((s) => s.trim()).length >= MIN_STEPS ? toDefinition(form) : null;
  const body = def ? funnelBody.safeParse(def) : null;
  await Promise.all([
    body?.success && def
      ? queryClient.prefetchQuery({ queryKey: funnelKey(def), queryFn: () => store.queryFunnel(toFunnelQuery(body.data, project.id)) })
      : null,
    queryClient.prefetchQuery({ queryKey: attributeKeysKey, queryFn: () => store.listAttributeKeys({ projectId: project.id, limit: 5000 }) }),
  ]);
  return (
    <ServerNowProvider now={renderedAt()}>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Suspense fallback={<Loading />}>
          <FunnelsClient />
        </Suspense>
      </HydrationBoundary>
    </ServerNowProvider>
  );
}
