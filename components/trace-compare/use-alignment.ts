"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { PackedAlignment } from "@/lib/trace-compare/packed";
import { startCompareWorker } from "./compare-worker";
import type { CompareStep } from "./compare-worker-protocol";
import { TRACE_ID, traceBytesQuery } from "./use-trace-bytes";

/**
 * The two traces aligned, in a worker started with the downloads: its scripts load while the
 * bytes arrive, and each trace is parsed as soon as it is here, so only the alignment waits for
 * both. The page stays free to draw progress and answer input. `step` says what the worker is
 * doing. A side that fails to download fails this too; the page names the side.
 */
export function useAlignment(a: string | null, b: string | null) {
  const [step, setStep] = useState<CompareStep | null>(null);
  const queryClient = useQueryClient();
  const query = useQuery<PackedAlignment>({
    queryKey: ["trace-compare", a, b],
    enabled: !!a && !!b && TRACE_ID.test(a) && TRACE_ID.test(b),
    queryFn: async ({ signal }) => {
      setStep(null);
      const worker = startCompareWorker(setStep, signal);
      // The same queries as the page's `useTraceBytes`: this joins their downloads (or takes the cache).
      const sides = ([["a", a], ["b", b]] as const).map(([side, id]) =>
        queryClient.fetchQuery(traceBytesQuery(id)).then((body) => worker.send(side, body)));
      await Promise.all(sides).catch((err: unknown) => {
        worker.dispose();
        throw err;
      });
      return worker.result;
    },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    // The alignment is typed arrays: comparing it deeply would be wasted work.
    structuralSharing: false,
    retry: false,
  });
  return { ...query, step };
}
