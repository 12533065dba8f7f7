"use client";

import { useCsvRows } from "../panel-export";
import { useRouter } from "next/navigation";
import { FunnelChart } from "@/components/funnels/funnel-chart";
import { useFunnel, useSavedFunnel } from "@/components/funnels/queries";
import type { FunnelPanelQuery } from "@/lib/boards/types";
import { useProject } from "@/components/project/project-context";
import { funnelDropOffHref, funnelParams } from "@/lib/boards/panel-compare";
import { boardFunnel } from "@/lib/boards/panel-queries";
import { funnelRows, type FunnelDefinition } from "@/lib/chart-data/funnel";
import { formatCount, formatPercent } from "@/lib/format/count";
import type { PanelEnv } from "./panel-context";
import { PanelError, PanelLoading } from "./panel-states";

export function FunnelPanel({ query, env }: { query: FunnelPanelQuery; env: PanelEnv }) {
  const router = useRouter();
  const { slug } = useProject();
  const saved = useSavedFunnel(query.funnel ?? null);
  const source = query.funnel ? (saved.data?.definition as FunnelDefinition | undefined) : (query as FunnelDefinition);
  const def = source?.steps ? boardFunnel({ ...source, breakdown: null }, env.range, env.variables) : null;
  const funnel = useFunnel(def);
  const data = def && funnel.data ? { def, result: funnel.data } : undefined;
  useCsvRows(() => data && [
    ["step", "query", "count", "conversion_from_previous", "conversion_from_first", "median_time_from_previous_ms"],
    ...data.result.steps.map((s, i) => [i + 1, data.def.steps[i], s.count, s.conversionFromPrevious, s.conversionFromFirst, s.medianTimeFromPreviousMs]),
  ]);

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
      <FunnelChart
        rows={rows}
        entity={data.def.by}
        onStep={() => router.push(`/funnels?${funnelParams(data.def, slug)}`)}
        // Who dropped off is a list fetched on /funnels, where its "What is different?" is; a
        // snapshot has no live data to list them from, so its drop-offs stay still.
        onDropOff={(step) => env.compare && router.push(funnelDropOffHref(data.def, step, slug))}
      />
    </div>
  );
}
