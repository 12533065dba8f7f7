"use client";

import { useRouter } from "next/navigation";
import { HeatmapPanel } from "@/components/charts/heatmap-panel";
import { MetricsView } from "@/components/charts/metrics-view";
import { useCurrency, useMetrics } from "@/components/charts/queries";
import { withVariables } from "@/lib/boards/variables";
import type { MetricsPanelQuery } from "@/lib/boards/types";
import { tracesHref } from "@/lib/chart-data/drill";
import { parseMeasureText, valueKind } from "@/lib/chart-data/measure";
import { DEFAULT_TOP, groupLabels, metricsApiQuery } from "@/lib/chart-data/metrics-query";
import { describeRange, isPinned, type ChartRange } from "@/lib/chart-data/range";
import type { MetricsResult } from "@/lib/metrics/types";
import { useEffect } from "react";
import type { PanelEnv } from "./panel-context";
import { PanelError, PanelLoading } from "./panel-states";

/** The metrics API query of a panel: its chart state, the board's range, the variables ANDed in. */
export function metricsPanelQs(q: MetricsPanelQuery, range: ChartRange, env: Pick<PanelEnv, "variables">): string {
  const pinned = isPinned(range);
  return metricsApiQuery({
    q: withVariables(q.q, env.variables),
    measure: q.measure ?? "count",
    groupBy: q.groupBy ?? [],
    since: pinned ? "" : range.since,
    start: pinned ? range.start : null,
    end: pinned ? range.end : null,
    step: q.step ?? "",
    top: q.top ?? DEFAULT_TOP,
  });
}

export function MetricsPanel({ query, env }: { query: MetricsPanelQuery; env: PanelEnv }) {
  const router = useRouter();
  const frozen = env.frozen as { result: MetricsResult; currency: string | null } | undefined;
  const heatmap = query.view === "heatmap";
  const metrics = useMetrics(frozen || heatmap ? null : metricsPanelQs(query, env.range, env), { live: !isPinned(env.range) });
  const spec = parseMeasureText(query.measure ?? "count");
  const liveCurrency = useCurrency(frozen ? parseMeasureText("count") : spec);
  const currency = frozen ? frozen.currency : liveCurrency;
  const labels = groupLabels(query.groupBy ?? []);
  const result = frozen?.result ?? metrics.data;
  const filter = withVariables(query.q, env.variables);
  const { onData } = env;
  useEffect(() => {
    if (metrics.data && onData) onData({ result: metrics.data, currency: liveCurrency });
  }, [metrics.data, liveCurrency, onData]);

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
      stale={metrics.isPlaceholderData}
      query={filter}
      rangeText={describeRange(env.range)}
    />
  );
}
