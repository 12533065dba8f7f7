"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Alignment } from "@/lib/trace-compare/align";
import { alignInWorker } from "./compare-worker";
import type { CompareStep } from "./compare-worker-protocol";

/**
 * The two traces aligned, once both bodies are here: parsed and aligned in a worker, so the
 * page stays free to draw progress and answer input. `step` says what the worker is doing.
 */
export function useAlignment(a: string | null, b: string | null, aBody: ArrayBuffer | undefined, bBody: ArrayBuffer | undefined) {
  const [step, setStep] = useState<CompareStep | null>(null);
  const query = useQuery<Alignment>({
    queryKey: ["trace-compare", a, b],
    enabled: !!aBody && !!bBody,
    queryFn: ({ signal }) => alignInWorker(aBody!, bBody!, setStep, signal),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    // The alignment holds typed arrays and one object per path: comparing it deeply would be wasted work.
    structuralSharing: false,
    retry: false,
  });
  return { ...query, step };
}
