"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { FunnelChart } from "@/components/funnels/funnel-chart";
import { useFunnel, useSavedFunnel } from "@/components/funnels/queries";
import type { FunnelPanelQuery } from "@/lib/boards/types";
import { withVariables } from "@/lib/boards/variables";
import { funnelRows, type FunnelDefinition } from "@/lib/chart-data/funnel";
import { isPinned, type ChartRange } from "@/lib/chart-data/range";
import { formatCount, formatPercent } from "@/lib/format/count";
import type { FunnelResult } from "@/lib/metrics/funnel-types";
import type { PanelEnv } from "./panel-context";
import { PanelError, PanelLoading } from "./panel-states";

/** A funnel's definition on a board: its steps with the variables ANDed into each, over the board's range. */
export function boardFunnel(f: { steps: string[]; by?: string; window?: string; breakdown?: string | null }, range: ChartRange, env: Pick<PanelEnv, "variables">): FunnelDefinition {
  const def: FunnelDefinition = { steps: f.steps.map((s) => withVariables(s, env.variables)), by: f.by || "trace", window: f.window || "1d" };
  if (isPinned(range)) Object.assign(def, { start: range.start, end: range.end });
  else def.since = range.since;
  if (f.breakdown) def.breakdown = f.breakdown;
  return def;
}

export function FunnelPanel({ query, env }: { query: FunnelPanelQuery; env: PanelEnv }) {
  const router = useRouter();
  const frozen = env.frozen as { def: FunnelDefinition; result: FunnelResult } | undefined;
  const saved = useSavedFunnel(!frozen && query.funnel ? query.funnel : null);
  const source = query.funnel ? (saved.data?.definition as FunnelDefinition | undefined) : (query as FunnelDefinition);
  const def = frozen?.def ?? (source?.steps ? boardFunnel({ ...source, breakdown: null }, env.range, env) : null);
  const funnel = useFunnel(frozen ? null : def);
  const data = frozen ?? (def && funnel.data ? { def, result: funnel.data } : undefined);
  const { onData } = env;
  useEffect(() => {
    if (def && funnel.data && onData) onData({ def, result: funnel.data });
    // `def` is rebuilt each render; its text is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [funnel.data, onData, JSON.stringify(def)]);

  const error = saved.error ?? funnel.error;
  if (error && !data) return <PanelError error={error} onRetry={() => void (saved.error ? saved.refetch() : funnel.refetch())} />;
  if (!data) return <PanelLoading />;
  const rows = funnelRows(data.def.steps, data.result);
  const first = rows[0]?.count ?? 0;
  const last = rows[rows.length - 1];
  const entity = data.def.by === "trace" ? "traces" : data.def.by;
  return (
    <div className="flex h-full flex-col gap-1" data-testid="funnel-panel">
      <p className="text-xs text-muted">
        {formatCount(first)} {entity} entered; {formatCount(last?.count ?? 0)} reached the last step
        {first > 0 && last ? ` (${formatPercent((last.count ?? 0) / first)})` : ""}.
      </p>
      <FunnelChart rows={rows} entity={data.def.by} onStep={() => !frozen && router.push(`/funnels?${stepsParams(data.def)}`)} onDropOff={() => {}} />
    </div>
  );
}

function stepsParams(def: FunnelDefinition): URLSearchParams {
  const p = new URLSearchParams();
  for (const s of def.steps) p.append("step", s);
  p.set("by", def.by);
  p.set("window", def.window);
  if (def.since) p.set("since", def.since);
  if (def.start !== undefined && def.end !== undefined) {
    p.set("start", String(def.start));
    p.set("end", String(def.end));
  }
  return p;
}
