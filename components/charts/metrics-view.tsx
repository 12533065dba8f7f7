"use client";

import { emptyBucketIsZero, formatTick, formatValue, measureTitle, type MeasureSpec, type ValueKind } from "@/lib/chart-data/measure";
import { toChartSeries, toRows, visibleKeys, type ChartSeries } from "@/lib/chart-data/series";
import { useHydrated } from "@/components/ui/use-now";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { formatInteger } from "@/lib/format/count";
import { BucketActions } from "./bucket-actions";
import { ChartSkeleton } from "./chart-states";
import { SeriesLegend } from "./series-legend";
import { SeriesTable } from "./series-table";
import { TimeSeriesChart } from "./time-series-chart";
import { TotalsChart } from "./totals-chart";
import type { MetricsResult } from "@/lib/contract";

export type MetricsViewKind = "line" | "area" | "bar" | "totals" | "table";

interface Props {
  result: MetricsResult;
  view: MetricsViewKind;
  groupLabels: string[];
  spec: MeasureSpec;
  kind: ValueKind;
  currency: string | null;
  selected: string[];
  onSelect: (keys: string[]) => void;
  /** Where the traces of a series are (in one bucket, or over the range when `t` is null). */
  href: (s: ChartSeries, all: ChartSeries[], t: number | null, stepMs: number) => string;
  onDrill: (href: string) => void;
  /**
   * With it, a click on a bar or point selects its bucket and offers its traces beside
   * "What is different?", and the table offers it per cell (t null: the whole range).
   * Without it, the click opens the traces.
   */
  onCompare?: (s: ChartSeries, all: ChartSeries[], t: number | null, stepMs: number) => void;
  stale: boolean;
  /** For the empty state: what was asked, over what range. */
  query: string;
  rangeText: string;
  /** The time chart's height: tall on /metrics, where it is the page; a board panel gives less. */
  chartHeight?: number;
}

/** One metrics result drawn as the chosen view, with the legend that filters it. */
export function MetricsView({ result, view, groupLabels, spec, kind, currency, selected, onSelect, href, onDrill, onCompare, stale, query, rangeText, chartHeight = 380 }: Props) {
  const hydrated = useHydrated();
  const [picked, setPicked] = useState<{ key: string; t: number } | null>(null);
  const series = toChartSeries(result, groupLabels);
  const shown = visibleKeys(series, selected);
  const additive = emptyBucketIsZero(spec.fn);
  const rows = toRows(result, series, additive);
  const format = (v: number | null) => formatValue(v, kind, currency);
  const tick = (v: number) => formatTick(v, kind, currency);
  const title = measureTitle(spec, currency);
  const link = (s: ChartSeries, t: number | null) => href(s, series, t, result.stepMs);
  const pickedSeries = picked && view !== "table" && view !== "totals" ? series.find((s) => s.key === picked.key && shown.has(s.key)) : undefined;
  if (!hydrated) return <ChartSkeleton />;
  if (series.length === 0 || series.every((s) => s.total === null)) {
    return <NothingToChart query={query} rangeText={rangeText} spec={spec} spans={series.reduce((n, s) => n + s.count, 0)} />;
  }
  return (
    <div className={`flex flex-col gap-2 transition-opacity ${stale ? "opacity-60" : ""}`} aria-busy={stale}>
      <SeriesLegend series={series} shown={shown} selected={selected} onSelect={onSelect} format={format} />
      {view === "table" ? (
        <SeriesTable
          rows={rows}
          series={series}
          shown={shown}
          stepMs={result.stepMs}
          format={format}
          href={link}
          onCompare={onCompare && ((s, t) => onCompare(s, series, t, result.stepMs))}
        />
      ) : view === "totals" ? (
        <TotalsChart series={series} shown={shown} xTitle={`${title}, whole range`} format={format} tick={tick} onDrill={(s) => onDrill(link(s, null))} />
      ) : (
        <TimeSeriesChart
          kind={view}
          rows={rows}
          series={series}
          shown={shown}
          stepMs={result.stepMs}
          yTitle={title}
          format={format}
          tick={tick}
          stack={additive}
          height={chartHeight}
          onDrill={(s, t) => (onCompare ? setPicked({ key: s.key, t }) : onDrill(link(s, t)))}
        />
      )}
      {pickedSeries && picked && onCompare && (
        <BucketActions
          series={pickedSeries}
          t={picked.t}
          stepMs={result.stepMs}
          href={link(pickedSeries, picked.t)}
          onCompare={() => onCompare(pickedSeries, series, picked.t, result.stepMs)}
          onClose={() => setPicked(null)}
        />
      )}
      {view === "bar" && !additive && series.length > 1 && (
        <p className="text-xs text-muted" data-testid="bars-side-by-side">Bars side by side: a {spec.fn} does not add up across groups, so it is not stacked.</p>
      )}
    </div>
  );
}

/** Says why the chart is empty (no spans, or spans without the measured attribute) and what to try. */
function NothingToChart({ query, rangeText, spec, spans }: { query: string; rangeText: string; spec: MeasureSpec; spans: number }) {
  const q = <code className="font-mono text-fg">{query.trim() || "{}"}</code>;
  if (spans > 0) {
    return (
      <EmptyState title={`None of the ${formatInteger(spans)} matching spans has a number in ${spec.of}`}>
        {q} matches spans in the {rangeText}, but {spec.fn}() needs a numeric <code className="font-mono">{spec.of}</code>. Pick another attribute
        (the <Link href="/attributes" className="text-accent hover:underline">attribute explorer</Link> lists each key&apos;s types), or measure count.
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No spans to chart">
      No spans match {q} in the {rangeText}. Widen the time range, loosen the filter, or look up the keys and values that exist in the{" "}
      <Link href="/attributes" className="text-accent hover:underline">attribute explorer</Link>.
    </EmptyState>
  );
}
