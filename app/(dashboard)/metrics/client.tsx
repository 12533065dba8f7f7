"use client";

import { AddToBoard } from "@/components/boards/add-to-board";
import { useRouter } from "next/navigation";
import { useQueryStates } from "nuqs";
import { useState } from "react";
import { TopBar } from "@/components/nav/top-bar";
import { errorFor } from "@/components/charts/api";
import { ChartSkeleton, QueryErrorNote } from "@/components/charts/chart-states";
import { HeatmapPanel } from "@/components/charts/heatmap-panel";
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
import { tracesHref } from "@/lib/chart-data/drill";
import { parseMeasureText, valueKind } from "@/lib/chart-data/measure";
import { groupLabels, metricsApiQuery } from "@/lib/chart-data/metrics-query";
import { describeRange, isPinned, rangeFromUrl, type ChartRange } from "@/lib/chart-data/range";
import { metricsParsers } from "./search-params";

const VIEW_LABELS = { line: "Line", area: "Area", bar: "Bars", totals: "Totals", table: "Table", heatmap: "Duration heatmap" } as const;

export function MetricsClient() {
  const router = useRouter();
  // Every change is a history entry, so Back walks through the questions asked.
  const [url, setUrl] = useQueryStates(metricsParsers, { history: "push" });
  const range = rangeFromUrl(url);
  const spec = parseMeasureText(url.measure);
  const labels = groupLabels(url.groupBy);
  const keys = useAttributeKeys();
  const types = typesByLabel(keys.data);
  const currency = useCurrency(spec);
  const heatmap = url.view === "heatmap";
  const metrics = useMetrics(heatmap ? null : metricsApiQuery(url), { live: !isPinned(range) });

  const [draft, setDraft] = useState({ for: url.q, text: url.q });
  const text = draft.for === url.q ? draft.text : url.q;
  const run = (q: string = text) => (q === url.q ? void metrics.refetch() : void setUrl({ q, show: null }));
  const qError = errorFor(metrics.error, "q");
  const problem = qError ? { query: url.q, message: qError.detail, from: qError.from ?? 0, to: qError.to ?? qError.from ?? 0 } : null;
  const paramError = metrics.error && !qError ? metrics.error : null;
  const setRange = (r: ChartRange) => setUrl(isPinned(r) ? { start: r.start, end: r.end, since: null } : { since: r.since, start: null, end: null });
  const result = metrics.data;

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
            title: `${url.measure}${labels.length ? ` by ${labels.join(", ")}` : ""}`,
            query: { q: url.q, measure: url.measure, groupBy: url.groupBy, step: url.step, top: url.top, view: url.view },
            size: { w: 6, h: url.view === "table" ? 9 : 8 },
            asNumber: labels.length ? undefined : { kind: "number", title: url.measure, query: { q: url.q, measure: url.measure }, size: { w: 3, h: 4 } },
          })}
        />
      </TopBar>
      <div className="flex flex-col gap-3 p-4">
        <div className="flex items-start gap-2">
          <QueryField value={text} onChange={(t) => setDraft({ for: url.q, text: t })} onRun={run} problem={problem} />
          <Button variant="primary" onClick={() => run()} data-testid="run-query">Run</Button>
        </div>
        <MetricsControls
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
        {heatmap ? (
          <HeatmapPanel
            filter={url.q}
            range={range}
            step={url.step}
            onDrill={(band, t, stepMs) => router.push(tracesHref({ filter: url.q, extra: [band.condition], bucket: { t, stepMs }, range }))}
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
            href={(s, all, t, stepMs) => tracesHref({ filter: url.q, series: s, allSeries: all, types, bucket: t === null ? undefined : { t, stepMs }, range })}
            onDrill={(href) => router.push(href)}
            stale={metrics.isPlaceholderData}
            query={url.q}
            rangeText={describeRange(range)}
          />
        ) : metrics.isPending ? (
          <ChartSkeleton />
        ) : null}
      </div>
    </>
  );
}
