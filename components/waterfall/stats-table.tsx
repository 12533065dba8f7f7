"use client";

import { useState } from "react";
import { formatCount, formatPercent } from "@/lib/format/count";
import { formatDuration } from "@/lib/format/duration";
import type { WaterfallModel } from "@/lib/waterfall/model";
import type { StatRow, TraceStats } from "@/lib/waterfall/stats";
import { ServiceChip } from "@/components/ui/service-chip";

const TH = "sticky top-0 bg-panel px-2 py-1 text-right text-[11px] font-medium text-muted first:text-left";
const TD = "px-2 py-0.5 text-right font-mono text-xs tabular-nums";
const ms = (ns: number) => formatDuration(ns / 1e6);

/** Jaeger's trace statistics: where the time went, per service or per operation. */
export function StatsTable({ model }: { model: WaterfallModel }) {
  if (!model.analysis) {
    return (
      <p role="status" className="border-b border-line px-4 py-2 text-muted" data-testid="trace-stats">
        Computing the statistics of {formatCount(model.tree.trace.spanCount)} spans…
      </p>
    );
  }
  return <StatsTables stats={model.analysis.stats} />;
}

function StatsTables({ stats }: { stats: TraceStats }) {
  const [by, setBy] = useState<"services" | "operations">("services");
  const rows: StatRow[] = stats[by].slice(0, 200);
  // Parallel spans' self times add up to more than the trace's duration, so a share of the
  // duration could pass 100%; a share of all self time sums to 100% and ranks the same.
  const totalSelf = stats[by].reduce((n, r) => n + r.selfNs, 0) || 1;
  return (
    <section aria-label="Trace statistics" className="border-b border-line" data-testid="trace-stats">
      <div role="tablist" className="flex gap-1 px-4 pt-2">
        {(["services", "operations"] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={by === k} onClick={() => setBy(k)} className={`rounded px-2 py-0.5 text-xs ${by === k ? "bg-selected text-fg" : "text-muted hover:bg-hover"}`}>
            By {k === "services" ? "service" : "operation"}
          </button>
        ))}
        <span className="ml-auto self-center text-[11px] text-faint">Self time: a span&apos;s time not covered by its children.</span>
      </div>
      <div className="max-h-[32vh] overflow-auto px-2 pb-2">
        <table className="w-full border-collapse">
          <thead>
            <tr>
              <th scope="col" className={TH}>{by === "services" ? "Service" : "Operation"}</th>
              <th scope="col" className={TH}>Count</th>
              <th scope="col" className={TH}>Errors</th>
              <th scope="col" className={TH}>Total</th>
              <th scope="col" className={TH}>Avg</th>
              <th scope="col" className={TH}>Max</th>
              <th scope="col" className={TH}>Self total</th>
              <th scope="col" className={TH}>Self avg</th>
              <th scope="col" className={TH} title="This row's self time as a share of all spans' self time in the trace (the rows sum to 100%)">Self share</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.service}\u0000${r.operation}`} className="border-t border-line/60 hover:bg-hover">
                <td className="w-[40%] min-w-56 max-w-0 truncate px-2 py-0.5 text-left text-xs">
                  <span className="flex min-w-0 items-center gap-1.5">
                    <ServiceChip name={r.service} className={r.operation === null ? "" : "max-w-[45%] shrink-0"} />
                    {r.operation !== null && <span className="truncate" title={r.operation}>{r.operation || "(unnamed span)"}</span>}
                  </span>
                </td>
                <td className={TD}>{formatCount(r.count)}</td>
                <td className={TD}>{r.errors ? <span className="text-error">{formatCount(r.errors)}</span> : <span className="text-faint">0</span>}</td>
                <td className={TD}>{ms(r.totalNs)}</td>
                <td className={TD}>{ms(r.totalNs / r.count)}</td>
                <td className={TD}>{ms(r.maxNs)}</td>
                <td className={TD}>{ms(r.selfNs)}</td>
                <td className={TD}>{ms(r.selfNs / r.count)}</td>
                <td className={TD}>{formatPercent(r.selfNs / totalSelf)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {stats[by].length > rows.length && <p className="px-2 pt-1 text-xs text-muted">Showing the top {rows.length} of {formatCount(stats[by].length)} by self time.</p>}
      </div>
    </section>
  );
}
