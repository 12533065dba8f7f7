"use client";

import { ChartSkeleton } from "@/components/charts/chart-states";
import { SeriesTable } from "@/components/charts/series-table";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { emptyBucketIsZero, formatTick, formatValue, parseMeasureText, type ValueKind } from "@/lib/chart-data/measure";
import { stepLabel } from "@/lib/chart-data/range";
import { toRows, type ChartSeries } from "@/lib/chart-data/series";
import { TIER_MEASURES, type TierMeasure } from "@/lib/chart-data/tiers";
import type { TierChartData } from "./tier-data";

const PANELS: { m: TierMeasure; title: string; kind: ValueKind; chart: "bar" | "line"; unit: (step: string) => string }[] = [
  { m: "requests", title: "Requests", kind: "count", chart: "bar", unit: (s) => `requests per ${s}` },
  { m: "errorRate", title: "Error rate", kind: "percent", chart: "line", unit: () => "% of requests failing" },
  { m: "p95", title: "p95 latency (exact)", kind: "duration", chart: "line", unit: () => "p95 of request duration" },
  { m: "revenue", title: "Revenue", kind: "money", chart: "bar", unit: (s) => `sum of business.revenue_impact per ${s}` },
];

interface Props {
  charts: Partial<Record<TierMeasure, TierChartData>>;
  shown: Set<string>;
  currency: string | null;
  asTable: boolean;
  href: (s: ChartSeries, all: ChartSeries[], t: number | null, stepMs: number) => string;
  onDrill: (href: string) => void;
}

/** Four small charts over the same range, one per measure, tiers coloured alike in all of them. */
export function TierCharts({ charts, shown, currency, asTable, href, onDrill }: Props) {
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
      {PANELS.map((p) => {
        const data = charts[p.m];
        const kind = p.kind === "money" && !currency ? "number" : p.kind;
        const fmt = (v: number | null) => formatValue(v, kind, currency);
        const additive = emptyBucketIsZero(parseMeasureText(TIER_MEASURES[p.m]).fn);
        return (
          <section key={p.m} aria-label={p.title} className="flex min-w-0 flex-col gap-1 rounded-md border border-line p-3" data-testid={`tier-chart-${p.m}`}>
            <h3 className="text-[13px] font-semibold">
              {p.title} <span className="font-normal text-muted">· {data ? p.unit(stepLabel(data.result.stepMs)) : ""}</span>
            </h3>
            {!data ? (
              <ChartSkeleton height={180} />
            ) : asTable ? (
              <SeriesTable rows={toRows(data.result, data.series, additive)} series={data.series} shown={shown} stepMs={data.result.stepMs} format={fmt} href={(s, t) => href(s, data.series, t, data.result.stepMs)} />
            ) : (
              <TimeSeriesChart
                kind={p.chart}
                rows={toRows(data.result, data.series, additive)}
                series={data.series}
                shown={shown}
                stepMs={data.result.stepMs}
                yTitle=""
                format={fmt}
                tick={(v) => formatTick(v, kind, currency)}
                stack={additive}
                height={200}
                onDrill={(s, t) => onDrill(href(s, data.series, t, data.result.stepMs))}
              />
            )}
          </section>
        );
      })}
    </div>
  );
}
