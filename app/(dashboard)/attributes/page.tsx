import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { attributeKeysKey } from "@/components/charts/queries";
import { ServerNowProvider } from "@/components/ui/server-now";
import { pageAccess } from "@/lib/auth/page-access";
import { getSpanStore } from "@/lib/spans";
import { renderedAt } from "../request-context";
import { AttributesClient } from "./client";
import Loading from "./loading";

export const metadata: Metadata = { title: "Attributes" };

/** The catalog kept at ingest, prefetched whole: searching and filtering happen in the browser. */
export default async function AttributesPage() {
  await connection();
  const { project } = await pageAccess();
  const store = await getSpanStore();
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ queryKey: attributeKeysKey, queryFn: () => store.listAttributeKeys({ projectId: project.id, limit: 5000 }) });
  return (
    <ServerNowProvider now={renderedAt()}>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <Suspense fallback={<Loading />}>
          <AttributesClient />
        </Suspense>
      </HydrationBoundary>
    </ServerNowProvider>
  );
}
