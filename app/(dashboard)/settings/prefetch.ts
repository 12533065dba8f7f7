import type { QueryClient } from "@tanstack/react-query";
import { keysQueryKey, type KeyRow } from "@/components/keys/queries";
import { retentionKey, type RetentionView } from "@/components/retention/queries";
import { samplingKey, type SamplingPolicyView } from "@/components/sampling/queries";
import { listApiKeys } from "@/lib/db/api-keys";
import { getProjectSettings } from "@/lib/db/project-settings";
import type { Project } from "@/lib/db/schema";
import { retentionView } from "@/lib/retention/view";

/**
 * What Settings' client components ask for, in the shapes of their GET routes (dates as
 * ISO strings), so the first paint has data and the client's refetch matches it.
 */
export async function prefetchSettings(queryClient: QueryClient, project: Project) {
  await Promise.all([
    queryClient.prefetchQuery({
      queryKey: keysQueryKey,
      queryFn: async (): Promise<KeyRow[]> =>
        (await listApiKeys(project.id)).map((k) => ({
          ...k,
          createdAt: k.createdAt.toISOString(),
          lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
          revokedAt: k.revokedAt?.toISOString() ?? null,
        })),
    }),
    queryClient.prefetchQuery({
      queryKey: retentionKey(project.slug),
      queryFn: async (): Promise<RetentionView> => retentionView(project.id),
    }),
    queryClient.prefetchQuery({ queryKey: samplingKey(project.slug), queryFn: () => samplingView(project.id) }),
  ]);
}

// Mirrors GET /api/v1/projects/{slug}/sampling.
async function samplingView(projectId: number): Promise<SamplingPolicyView> {
  const { sampling } = await getProjectSettings(projectId);
  if (!sampling) return { rules: [], defaultRate: 1, updatedAt: null, updatedBy: null };
  return { ...sampling, updatedAt: sampling.updatedAt.toISOString() };
}
