"use client";

import { useProject } from "@/components/project/project-context";
import { waterfallUrl } from "@/lib/waterfall/url";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { typedColumns } from "@/lib/waterfall/columns";
import { buildModel, timed, type WaterfallAnalysis, type WaterfallModel } from "@/lib/waterfall/model";
import { forEachChunk, readBody } from "@/components/fetch/read-body";
import { startTraceWorker, workersAvailable } from "./trace-worker";
import type { CompactTrace } from "@/lib/contract";

export type LoadPhase = { phase: "download"; bytes: number } | { phase: "build" };

const waterfallKey = (traceId: string) => ["trace", traceId, "waterfall"] as const;

/**
 * Lets the browser paint (progress, skeleton) between long steps. `scheduler.yield()`
 * resumes ahead of other queued tasks, so yielding costs no place in the queue.
 */
const paint = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

async function request(url: string, signal: AbortSignal): Promise<Response> {
  // No custom headers: the request must match the page's preload to reuse its response.
  const res = await fetch(url, { signal });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `GET ${url} answered ${res.status}`);
  }
  return res;
}

/** Without workers (old browsers), the same steps on the main thread, yielding between them. */
async function buildHere(body: ArrayBuffer): Promise<WaterfallModel> {
  await paint();
  const trace = timed("parse", () => typedColumns(JSON.parse(new TextDecoder().decode(body)) as CompactTrace));
  await paint();
  return buildModel(trace, paint);
}

/**
 * The trace in compact columns (never the full spans), turned into the waterfall model
 * once and cached for the page's life: a trace this big is not refetched on focus.
 * The page only downloads: a worker parses and builds, and on a big trace the critical
 * path and statistics arrive after the first rows (`analysis` is null until then).
 */
export function useTraceModel(traceId: string) {
  const [progress, setProgress] = useState<LoadPhase | null>(null);
  const lastReport = useRef(0);
  const queryClient = useQueryClient();
  const url = waterfallUrl(traceId, useProject().slug);
  const query = useQuery<WaterfallModel>({
    queryKey: waterfallKey(traceId),
    queryFn: async ({ signal }) => {
      const worker = workersAvailable() ? startTraceWorker(signal) : null;
      const onBytes = (bytes: number) => {
        const now = performance.now();
        if (now - lastReport.current < 150) return;
        lastReport.current = now;
        setProgress({ phase: "download", bytes });
      };
      try {
        const res = await request(url, signal);
        if (!worker) {
          const body = await readBody(res, onBytes);
          setProgress({ phase: "build" });
          return buildHere(body);
        }
        await forEachChunk(res, (chunk, bytes) => {
          worker.push(chunk);
          onBytes(bytes);
        });
      } catch (err) {
        worker?.dispose();
        throw err;
      }
      setProgress({ phase: "build" });
      const onAnalysis = (analysis: WaterfallAnalysis) =>
        queryClient.setQueryData<WaterfallModel>(waterfallKey(traceId), (m) => (m ? { ...m, analysis } : m));
      const model = await worker.build(onAnalysis);
      performance.mark("waterfall:rows-received");
      return model;
    },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    // The model holds typed arrays and maps: comparing it deeply on refetch would be wasted work.
    structuralSharing: false,
    retry: 1,
  });
  return { ...query, progress };
}
