"use client";

import { useCsvRows } from "../panel-export";
import { useRouter } from "next/navigation";
import { HeatmapPanel } from "@/components/charts/heatmap-panel";
import { MetricsView } from "@/components/charts/metrics-view";
import { useCurrency, useMetrics } from "@/components/charts/queries";
import { withVariables } from "@/lib/boards/variables";
import type { MetricsPanelQuery } from "@/lib/boards/types";
import { tracesHref } from "@/lib/chart-data/drill";
import { parseMeasureText, valueKind } from "@/lib/chart-data/measure";
import { groupLabels } from "@/lib/chart-data/metrics-query";
import { metricsPanelComparison } from "@/lib/boards/panel-compare";
import { metricsPanelQs } from "@/lib/boards/panel-queries";
import { describeRange, isPinned } from "@/lib/chart-data/range";
import type { PanelEnv } from "./panel-context";
import { PanelError, PanelLoading } from "./panel-states";

export function MetricsPanel({ query, env }: { query: MetricsPanelQuery; env: PanelEnv }) {
  const router = useRouter();
  const heatmap = query.view === "heatmap";
  const metrics = useMetrics(heatmap ? null : metricsPanelQs(query, env.range, env.variables), { live: !isPinned(env.range) });
  const spec = parseMeasureText(query.measure ?? "count");
  const currency = useCurrency(spec);
  const labels = groupLabels(query.groupBy ?? []);
  const result = metrics.data;
  const filter = withVariables(query.q, env.variables);
  useCsvRows(() => result && [
    ["series", "bucket_start", "value"],
    ...result.series.flatMap((s) => {
      const name = Object.values(s.group).map(String).join(" / ") || query.measure || "count";
      return s.points.map((p) => [name, new Date(p.t).toISOString(), p.v]);
    }),
  ]);

  if (heatmap) {
    return (
      <HeatmapPanel filter={filter} range={env.range} step={query.step ?? ""} onDrill={(band, t, stepMs) => router.push(tracesHref({ filter, extra: [band.condition], bucket: { t, stepMs }, range: env.range }))} />
    );
  }
  if (metrics.error && !result) return <PanelError error={metrics.error} onRetry={() => void metrics.refetch()} />;
  if (!result) return <PanelLoading />;
  return (
    <MetricsView
      result={result}
      view={(query.view ?? "line") as "line" | "area" | "bar" | "totals" | "table"}
      groupLabels={labels}
      spec={spec}
      kind={valueKind(spec, currency)}
      currency={currency}
      selected={[]}
      onSelect={() => {}}
      href={(s, all, t, stepMs) => tracesHref({ filter, series: s, allSeries: all, bucket: t === null ? undefined : { t, stepMs }, range: env.range })}
      onDrill={(href) => router.push(href)}
      onCompare={env.compare && ((series, allSeries, t, stepMs) => env.compare!(metricsPanelComparison({
        query, range: env.range, variables: env.variables, series, allSeries, t, stepMs, nowMs: Date.now(),
        // The window the bars were drawn for, not the clock at the click: a panel read minutes later compares what it shows.
        window: { startMs: result.startMs, endMs: result.endMs },
      })))}
      stale={metrics.isPlaceholderData}
      query={filter}
      rangeText={describeRange(env.range)}
      chartHeight={220}
    />
  );
}
