import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { connection } from "next/server";
import { TopBar } from "@/components/nav/top-bar";
import { KeyManager } from "@/components/keys/key-manager";
import { keysQueryKey, type KeyRow } from "@/components/keys/queries";
import { ServerNowProvider } from "@/components/ui/server-now";
import { listApiKeys } from "@/lib/db/api-keys";
import { ensureDefaultProject } from "@/lib/db/projects";
import { renderedAt } from "../request-context";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await connection();
  const project = await ensureDefaultProject();
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({
    queryKey: keysQueryKey,
    // Same shape as GET /api/v1/keys (dates as ISO strings), which the client refetches.
    queryFn: async (): Promise<KeyRow[]> =>
      (await listApiKeys(project.id)).map((k) => ({
        ...k,
        createdAt: k.createdAt.toISOString(),
        lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
        revokedAt: k.revokedAt?.toISOString() ?? null,
      })),
  });
  return (
    <ServerNowProvider now={renderedAt()}>
      <TopBar title="Settings" subtitle={`Project “${project.name}”`} />
      <div className="p-4">
        <h2 className="mb-2 text-base font-semibold">API keys</h2>
        <HydrationBoundary state={dehydrate(queryClient)}>
          <KeyManager />
        </HydrationBoundary>
      </div>
    </ServerNowProvider>
  );
}
