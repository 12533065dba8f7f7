import { useQuery } from "@tanstack/react-query";
import { apiJson } from "@/components/charts/api";
import type { CompareResult } from "@/lib/contract";
import { compareWindowsMs, type CompareState } from "./search-params";

/** POST /api/v1/compare for the state in the URL; null: nothing to compare. */
export function useComparison(s: CompareState | null) {
  return useQuery({
    queryKey: ["compare", s],
    enabled: s !== null,
    queryFn: () => {
      const { selection, baseline } = compareWindowsMs(s!);
      const ownWindow = baseline.fromMs !== selection.fromMs || baseline.toMs !== selection.toMs;
      return apiJson<CompareResult>("/api/v1/compare", {
        method: "POST",
        body: JSON.stringify({
          selection: s!.selection, baseline: s!.baseline || undefined, start: selection.fromMs / 1000, end: selection.toMs / 1000,
          ...(ownWindow ? { baselineStart: baseline.fromMs / 1000, baselineEnd: baseline.toMs / 1000 } : {}),
          weightBy: s!.weightBy || undefined,
        }),
      });
    },
    staleTime: 60_000,
    retry: false,
  });
}
