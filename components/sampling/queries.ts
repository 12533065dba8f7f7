import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiJson } from "@/components/charts/api";
import type { SamplingPolicy, SamplingRule } from "@/lib/sampling/policy";
import type { SamplingPreview } from "@/lib/sampling/preview";

export type { SamplingPreview, SamplingRule };

/** What PUT and the preview take: rates from 0 to 1. */
export type SamplingBody = SamplingPolicy;

/** GET /api/v1/projects/{slug}/sampling: rules in the order they are tried. */
export interface SamplingPolicyView extends SamplingBody {
  updatedAt: string | null;
  updatedBy: string | null;
}

export const samplingKey = (slug: string) => ["projects", slug, "sampling"] as const;

const url = (slug: string) => `/api/v1/projects/${encodeURIComponent(slug)}/sampling`;

export const fetchSampling = (slug: string) => apiJson<SamplingPolicyView>(url(slug));

export const saveSampling = (slug: string, body: SamplingBody) =>
  apiJson<SamplingPolicyView>(url(slug), { method: "PUT", body: JSON.stringify(body) });

/** The preview of a draft: the body (as JSON) is the key, so each draft is asked once. */
export function useSamplingPreview(slug: string, bodyJson: string | null) {
  return useQuery({
    queryKey: ["projects", slug, "sampling-preview", bodyJson],
    queryFn: ({ signal }) => apiJson<SamplingPreview>(`${url(slug)}/preview`, { method: "POST", body: bodyJson!, signal }),
    enabled: bodyJson !== null,
    placeholderData: keepPreviousData,
    retry: false,
    // "The last hour" moves: an old answer is worth a new look, but not on every focus.
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
}
