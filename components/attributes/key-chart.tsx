"use client";

import { IntentLink as Link } from "@/components/ui/intent-link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ChartSkeleton } from "@/components/charts/chart-states";
import { SeriesLegend } from "@/components/charts/series-legend";
import { typesByLabel, useAttributeKeys, useCurrency, useMetrics } from "@/components/charts/queries";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { useHydrated } from "@/components/ui/use-now";
import { tracesHref } from "@/lib/chart-data/drill";
import { emptyBucketIsZero, formatTick, formatValue, measureTitle, parseMeasureText, valueKind } from "@/lib/chart-data/measure";
import { groupLabels } from "@/lib/chart-data/metrics-query";
import type { ChartRange } from "@/lib/chart-data/range";
import { toChartSeries, toRows, visibleKeys } from "@/lib/chart-data/series";

/**
 * The key over time, as the chart builder would draw it (`chartParams`), small; the full
 * chart is a link away with the same parameters.
 */
export function KeyChart({ params, range }: { params: Record<string, string>; range: ChartRange }) {
  const router = useRouter();
  const hydrated = useHydrated();
  // Which values are isolated: local, the panel is a preview (Open in Metrics keeps the choice in a URL).
  const [selected, setSelected] = useState<string[]>([]);
  const { view = "line", ...api } = params;
  // Hourly over a day: at this size finer buckets are hairlines.
  const metrics = useMetrics(new URLSearchParams({ ...api, top: "5", step: "1h" }).toString());
  const spec = parseMeasureText(api.measure ?? "count");
  const currency = useCurrency(spec);
  const types = typesByLabel(useAttributeKeys().data);
  const kind = valueKind(spec, currency);
  const labels = groupLabels(api.groupBy ? [api.groupBy] : []);
  const result = metrics.data;
  const series = result ? toChartSeries(result, labels) : [];
  return (
    <section className="flex flex-col gap-1" aria-label="Chart">
      <div className="flex items-baseline justify-between">
        <h3 className="text-xs text-muted">
          <span className="font-semibold uppercase">Last 24 h</span> · {measureTitle(spec, currency)}
        </h3>
        <Link href={`/metrics?${new URLSearchParams({ ...params, top: "10" })}`} className="text-xs text-accent hover:underline" data-testid="open-in-metrics">
          Open in Metrics →
        </Link>
      </div>
      {!hydrated || !result ? (
        metrics.error ? <p className="text-xs text-error">{metrics.error.message}</p> : <ChartSkeleton height={140} />
      ) : (
        <TimeSeriesChart
          kind={view === "bar" ? "bar" : "line"}
          rows={toRows(result, series, emptyBucketIsZero(spec.fn))}
          series={series}
          shown={visibleKeys(series, selected)}
          stepMs={result.stepMs}
          yTitle=""
          format={(v) => formatValue(v, kind, currency)}
          tick={(v) => formatTick(v, kind, currency)}
          stack={emptyBucketIsZero(spec.fn)}
          height={170}
          onDrill={(s, t) => router.push(tracesHref({ filter: api.q ?? "", series: s, allSeries: series, types, bucket: { t, stepMs: result.stepMs }, range }))}
        />
      )}
      {result && (
        <SeriesLegend series={series} shown={visibleKeys(series, selected)} selected={selected} onSelect={setSelected} format={(v) => formatValue(v, kind, currency)} />
      )}
    </section>
  );
}
