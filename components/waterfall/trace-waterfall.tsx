"use client";

import { formatCount, formatInteger } from "@/lib/format/count";
import { Button } from "@/components/ui/button";
import { Skeleton, SkeletonRows } from "@/components/ui/skeleton";
import { useTraceModel, type LoadPhase } from "./use-trace-model";
import { WaterfallView } from "./waterfall-view";
import type { TraceSummary } from "@/lib/contract";

function progressText(summary: TraceSummary, progress: LoadPhase | null) {
  const spans = `${formatInteger(summary.spanCount)} spans`;
  if (!progress) return `Loading ${spans}…`;
  if (progress.phase === "download") return `Loading ${spans}… ${(progress.bytes / 2 ** 20).toFixed(1)} MB received`;
  return `Building the tree of ${spans}…`;
}

/** Loads the trace's columns and shows the waterfall; progress while a big trace comes in. */
export function TraceWaterfall({ summary }: { summary: TraceSummary }) {
  const { data: model, error, isPending, refetch, progress } = useTraceModel(summary.traceId);
  if (model) return <WaterfallView model={model} traceId={summary.traceId} />;
  if (!isPending && error) {
    return (
      <div className="max-w-2xl p-4" role="alert">
        <p className="font-medium text-error">The waterfall of this trace could not be loaded.</p>
        <p className="mt-1 font-mono text-muted">{error.message}</p>
        <p className="mt-1 text-muted">Check that the server is running, then try again.</p>
        <Button className="mt-3" onClick={() => void refetch()}>Try again</Button>
      </div>
    );
  }
  return (
    <div className="flex min-h-0 flex-1 flex-col" aria-busy>
      <div className="flex gap-8 border-b border-line px-4 py-3">
        {Array.from({ length: 5 }, (_, i) => <Skeleton key={i} className="h-8 w-24" />)}
      </div>
      <p role="status" className="px-4 py-2 text-muted" data-testid="waterfall-progress">
        {summary.spanCount > 2000 ? progressText(summary, progress) : "Loading spans…"}
        {summary.errorCount > 0 && <span className="ml-2 text-error">{formatCount(summary.errorCount)} errors</span>}
      </p>
      <div className="px-4">
        <SkeletonRows rows={14} columns={3} />
      </div>
    </div>
  );
}
