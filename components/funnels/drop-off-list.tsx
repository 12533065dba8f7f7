"use client";

import { shortId } from "@/lib/format/id";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useEffect } from "react";
import { QueryErrorNote } from "@/components/charts/chart-states";
import { CopyId } from "@/components/ui/copy-id";
import { SkeletonRows } from "@/components/ui/skeleton";
import { AbsoluteTime } from "@/components/ui/time";
import { formatInteger } from "@/lib/format/count";
import type { FunnelDefinition } from "@/lib/chart-data/funnel";
import { useCompareState } from "@/components/compare/compare-panel";
import { Button } from "@/components/ui/button";
import { dropOffComparison } from "@/lib/chart-data/drop-off-compare";
import { rangeFromUrl, resolveRange } from "@/lib/chart-data/range";
import { useDropOff } from "./queries";

/**
 * Who reached a step and did not go on: each entity, and the trace where it reached the step.
 * These are the kept traces, unweighted: when sampled, fewer than the funnel's estimate.
 */
export function DropOffList({ def, step, sampled = false, onClose }: { def: FunnelDefinition; step: number; sampled?: boolean; onClose: () => void }) {
  const q = useDropOff(def, step);
  const comparison = useCompareState();
  // An open comparison takes Esc first (its own handler): one key closes one thing.
  const comparing = comparison.state !== null;
  useEffect(() => {
    if (comparing) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose, comparing]);
  const entity = def.by === "trace" ? "Trace" : def.by;
  const cmp = q.data ? dropOffComparison(def.steps[step], q.data.entities.map((e) => e.traceId)) : null;
  const compare = () => {
    if (!cmp?.ok) return;
    const { startMs, endMs } = resolveRange(rangeFromUrl({ since: def.since, start: def.start, end: def.end }), Date.now());
    comparison.open({ selection: cmp.selection, baseline: cmp.baseline, fromMs: startMs, toMs: endMs });
  };
  return (
    <section aria-label={`Dropped off after step ${step + 1}`} className="rounded-md border border-line" data-testid="drop-off-list">
      <header className="flex items-center gap-2 border-b border-line bg-panel px-3 py-1.5">
        <h3 className="text-[13px] font-semibold">
          Reached step {step + 1}, not step {step + 2}
          {q.data && <span className="font-normal text-muted"> · {formatInteger(q.data.total)} {sampled ? "kept " : ""}{q.data.total === 1 ? "entity" : "entities"}{q.data.total > q.data.entities.length ? `, latest ${q.data.entities.length} shown` : ""}</span>}
        </h3>
        <span className="ml-auto" />
        {cmp?.ok && (
          <Button variant="ghost" onClick={compare} data-testid="compare-drop-off" title={`Step ${step + 1}'s spans in these traces against its spans in the traces that went on`}>
            What is different?
          </Button>
        )}
        {cmp && !cmp.ok && (q.data?.total ?? 0) > 0 && (
          <span className="text-xs text-muted" data-testid="compare-drop-off-unavailable">Cannot compare: {cmp.reason}.</span>
        )}
        <button type="button" onClick={onClose} className="h-6 rounded px-1.5 text-muted hover:bg-hover hover:text-fg" aria-label="Close the list">✕</button>
      </header>
      {q.isPending ? (
        <SkeletonRows rows={5} columns={3} />
      ) : q.isError ? (
        <div className="p-2"><QueryErrorNote title="The list could not be loaded" message={q.error.message} /></div>
      ) : (
        <div className="max-h-80 overflow-auto">
          <table className="w-full border-collapse text-[13px]">
            <thead className="sticky top-0 bg-bg">
              <tr className="border-b border-line text-left text-muted">
                <th className="h-7 px-3 font-medium">{entity}</th>
                <th className="h-7 px-3 font-medium">Reached step {step + 1} at</th>
                <th className="h-7 px-3 font-medium">Trace</th>
              </tr>
            </thead>
            <tbody>
              {q.data.entities.map((e) => (
                <tr key={`${e.entity}-${e.traceId}`} className="h-7 border-b border-line/60" data-testid="drop-off-entity">
                  <td className="px-3 font-mono">{def.by === "trace" ? <CopyId id={e.entity} /> : e.entity}</td>
                  <td className="px-3 text-muted"><AbsoluteTime unixNano={e.reachedAtUnixNano} /></td>
                  <td className="px-3">
                    <Link href={`/traces/${e.traceId}`} className="font-mono text-accent hover:underline" title={e.traceId}>{shortId(e.traceId)} →</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
