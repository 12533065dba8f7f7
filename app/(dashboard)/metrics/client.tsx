"use client";

import { AddToBoard } from "@/components/boards/add-to-board";
import { useRouter } from "next/navigation";
import { useQueryStates } from "nuqs";
import { useEffect, useState } from "react";
import { TopBar } from "@/components/nav/top-bar";
import { errorFor } from "@/components/charts/api";
import { ChartSkeleton, QueryErrorNote } from "@/components/charts/chart-states";
import { HeatmapPanel } from "@/components/charts/heatmap-panel";
import { ComparePanel, useCompareState } from "@/components/compare/compare-panel";
import { durationSelection } from "@/lib/chart-data/compare-values";
import { MetricsControls } from "@/components/charts/metrics-controls";
import { MetricsSummary } from "@/components/charts/metrics-summary";
import { MetricsView } from "@/components/charts/metrics-view";
import { QueryProgress } from "@/components/charts/progress";
import { QueryField } from "@/components/charts/query-field";
import { chartLinkTime, RangePicker } from "@/components/charts/range-picker";
import { CopyLinkMenu } from "@/components/share/copy-link-menu";
import { typesByLabel, useAttributeKeys, useCurrency, useMetrics } from "@/components/charts/queries";
import { ViewTabs } from "@/components/charts/view-tabs";
import { Button } from "@/components/ui/button";
import { bucketComparison, tracesHref, windowComparison } from "@/lib/chart-data/drill";
import { parseMeasureText, valueKind } from "@/lib/chart-data/measure";
import type { ChartSeries } from "@/lib/chart-data/series";
import { groupLabels, metricsApiQuery } from "@/lib/chart-data/metrics-query";
import { effectiveChart, readMetricsText, withoutPlanLabels } from "@/lib/chart-data/traceql-metrics";
import { describeRange, isPinned, rangeFromUrl, type ChartRange } from "@/lib/chart-data/range";
import { metricsParsers } from "./search-params";

const VIEW_LABELS = { line: "Line", area: "Area", bar: "Bars", totals: "Totals", table: "Table", heatmap: "Duration heatmap" } as const;

export function MetricsClient() {
  const router = useRouter();
  // Every change is a history entry, so Back walks through the questions asked.
  const [url, setUrl] = useQueryStates(metricsParsers, { history: "push" });
  const range = rangeFromUrl(url);
  // The editor holds the chart as TraceQL metrics text; the URL holds the builder's parameters
  // when the builder can show that text, and the text itself when it cannot (topk, histograms...).
  const chart = effectiveChart(url, groupLabels);
  const spec = parseMeasureText(chart.measure);
  const labels = chart.groupLabels;
  const filter = chart.filter;
  const keys = useAttributeKeys();
  const types = typesByLabel(keys.data);
  const currency = useCurrency(spec);
  const heatmap = url.view === "heatmap";
  const metrics = useMetrics(heatmap ? null : metricsApiQuery(url), { live: !isPinned(range) });

  const [draft, setDraft] = useState({ for: chart.text, text: chart.text });
  const text = draft.for === chart.text ? draft.text : chart.text;
  const run = (t: string = text) => {
    if (t === chart.text) return void metrics.refetch();
    const reading = readMetricsText(t);
    if (reading.kind === "builder") {
      return void setUrl({ q: reading.q, measure: reading.measure, groupBy: reading.groupBy.length ? reading.groupBy : null, show: null });
    }
    // A filter keeps the builder's measure; text beyond the builder (or wrong) goes to the server as is.
    const keep = reading.kind === "filter" && !chart.reading;
    setUrl({ q: t, show: null, ...(keep ? {} : { measure: null, groupBy: null }) });
  };
  // A link may carry text the builder can show: move it into the builder's parameters.
  const movable = chart.reading?.kind === "builder" ? chart.reading : null;
  const movableKey = movable && JSON.stringify(movable);
  useEffect(() => {
    if (!movableKey) return;
    const m = JSON.parse(movableKey) as { q: string; measure: string; groupBy: string[] };
    void setUrl({ q: m.q, measure: m.measure, groupBy: m.groupBy.length ? m.groupBy : null }, { history: "replace" });
  }, [movableKey, setUrl]);
  const qError = errorFor(metrics.error, "q");
  // The server's positions are in the q it was sent: the text itself, or the filter the text starts with.
  const problem = qError ? { query: chart.text, message: qError.detail, from: qError.from ?? 0, to: qError.to ?? qError.from ?? 0 } : null;
  const paramError = metrics.error && !qError ? metrics.error : null;
  const setRange = (r: ChartRange) => setUrl(isPinned(r) ? { start: r.start, end: r.end, since: null } : { since: r.since, start: null, end: null });
  const result = metrics.data;
  const comparison = useCompareState();
  // A bucket (or, from the table's "whole range" row, the whole window) against the rest of the chart's window:
  // the window the shown result was computed for, not the clock at the click, so the panel compares what was drawn.
  const compareBucket = (s: ChartSeries, all: ChartSeries[], t: number | null, stepMs: number) => {
    if (!result) return;
    const window = { startMs: result.startMs, endMs: result.endMs };
    const bucket = t === null ? { t: window.startMs, stepMs: window.endMs - window.startMs } : { t, stepMs };
    comparison.open(bucketComparison({
      filter, series: withoutPlanLabels(s), allSeries: all.map(withoutPlanLabels), types, bucket, range, window,
    }));
  };

  return (
    <>
      <TopBar title="Metrics" subtitle="Charts from span attributes">
        <QueryProgress busy={metrics.isFetching && !heatmap} />
        <RangePicker range={range} onChange={setRange} />
        <CopyLinkMenu time={chartLinkTime(range)} />
        <AddToBoard
          range={range}
          draft={() => ({
            kind: "metrics",
            title: `${chart.measure}${labels.length ? ` by ${labels.join(", ")}` : ""}`,
            query: { q: url.q, measure: url.measure, groupBy: url.groupBy, step: url.step, top: url.top, view: url.view },
            size: { w: 6, h: url.view === "table" ? 9 : 8 },
            asNumber: labels.length ? undefined : { kind: "number", title: chart.measure, query: { q: url.q, measure: url.measure }, size: { w: 3, h: 4 } },
          })}
        />
      </TopBar>
      <div className="flex flex-col gap-3 p-4">
        <div className="flex items-start gap-2">
          <QueryField
            value={text}
            onChange={(t) => setDraft({ for: chart.text, text: t })}
            onRun={run}
            problem={problem}
            metrics
            label="TraceQL metrics query"
            placeholder="{ } | rate() by (resource.service.name)"
          />
          <Button variant="primary" onClick={() => run()} data-testid="run-query">Run</Button>
        </div>
        {chart.beyondBuilder && (
          <p role="status" className="text-xs text-muted" data-testid="beyond-builder">
            The builder cannot show {chart.beyondBuilder}: the chart follows the TraceQL text.{" "}
            <button type="button" className="text-accent underline" onClick={() => setUrl({ q: filter, measure: null, groupBy: null, show: null })}>
              Back to the builder
            </button>
          </p>
        )}
        <MetricsControls
          locked={chart.beyondBuilder !== null}
          spec={spec}
          onMeasure={(measure) => setUrl({ measure, show: null })}
          groupBy={url.groupBy}
          onGroupBy={(groupBy) => setUrl({ groupBy: groupBy.length ? groupBy : null, show: null })}
          step={url.step}
          onStep={(step) => setUrl({ step: step || null })}
          top={url.top}
          onTop={(top) => setUrl({ top })}
          keys={keys.data ?? []}
          invalid={{ measure: errorFor(metrics.error, "measure") !== null, groupBy: errorFor(metrics.error, "groupBy") !== null, step: errorFor(metrics.error, "step") !== null }}
        />
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-line pb-2">
          <MetricsSummary result={heatmap ? undefined : result} range={range} spec={spec} currency={currency} grouped={labels.length > 0} heatmap={heatmap} />
          <ViewTabs value={url.view} labels={VIEW_LABELS} onChange={(view) => setUrl({ view })} />
        </div>
        {paramError && (
          <QueryErrorNote title="The chart could not be drawn" message={paramError.message} hint={result ? "Fix the highlighted setting above; the last chart that worked stays below." : "Fix the highlighted setting above to draw the chart."} />
        )}
        <ComparePanel />
        {heatmap ? (
          <HeatmapPanel
            filter={filter}
            range={range}
            step={url.step}
            onDrill={(band, t, stepMs) => router.push(tracesHref({ filter, extra: [band.condition], bucket: { t, stepMs }, range }))}
            onRegion={(r) => comparison.open({
              selection: durationSelection(filter, r.fromMs, r.toMs), baseline: filter,
              ...windowComparison(r.window, { fromMs: r.startMs, toMs: r.endMs }),
            })}
          />
        ) : result ? (
          <MetricsView
            result={result}
            view={url.view as Exclude<typeof url.view, "heatmap">}
            groupLabels={labels}
            spec={spec}
            kind={valueKind(spec, currency)}
            currency={currency}
            selected={url.show}
            onSelect={(show) => setUrl({ show: show.length ? show : null }, { history: "replace" })}
            href={(s, all, t, stepMs) => tracesHref({
              filter, series: withoutPlanLabels(s), allSeries: all.map(withoutPlanLabels), types, bucket: t === null ? undefined : { t, stepMs }, range,
            })}
            onDrill={(href) => router.push(href)}
            onCompare={compareBucket}
            stale={metrics.isPlaceholderData}
            query={filter}
            rangeText={describeRange(range)}
          />
        ) : metrics.isPending ? (
          <ChartSkeleton />
        ) : null}
      </div>
    </>
  );
}
