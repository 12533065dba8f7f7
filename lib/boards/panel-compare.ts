import { bucketComparison, type BucketComparison, type ChartWindow } from "@/lib/chart-data/drill";
import type { FunnelDefinition } from "@/lib/chart-data/funnel";
import { groupLabels } from "@/lib/chart-data/metrics-query";
import { resolveRange, type ChartRange } from "@/lib/chart-data/range";
import type { ChartSeries } from "@/lib/chart-data/series";
import { effectiveChart, withoutPlanLabels } from "@/lib/chart-data/traceql-metrics";
import type { BoardVariable, MetricsPanelQuery } from "./types";
import { withVariables } from "./variables";

/**
 * "What is different?" about a board chart's bar, point or table cell: the same question
 * /metrics asks, over the panel's filter with the board's variables ANDed in, so the
 * comparison reads exactly the spans the panel drew. `t` null is the table's whole-range row.
 */
export function metricsPanelComparison(d: {
  query: MetricsPanelQuery;
  range: ChartRange;
  variables: BoardVariable[];
  series: ChartSeries;
  allSeries: ChartSeries[];
  t: number | null;
  stepMs: number;
  nowMs: number;
  /** The window the panel's result was computed for (its startMs/endMs): compared instead of the range at `nowMs`. */
  window?: ChartWindow;
}): BucketComparison {
  // A panel may hold TraceQL metrics text; its filter is the part before the metrics function.
  const chart = effectiveChart({ q: d.query.q ?? "", measure: d.query.measure ?? "count", groupBy: d.query.groupBy ?? [] }, groupLabels);
  const whole = d.window ?? resolveRange(d.range, d.nowMs);
  const bucket = d.t === null ? { t: whole.startMs, stepMs: whole.endMs - whole.startMs } : { t: d.t, stepMs: d.stepMs };
  return bucketComparison({
    filter: withVariables(chart.filter, d.variables),
    series: withoutPlanLabels(d.series),
    allSeries: d.allSeries.map(withoutPlanLabels),
    bucket,
    range: d.range,
    window: whole,
  });
}

/**
 * A board funnel's drop-off after `step`, on /funnels: who left is a list fetched there, and
 * its "What is different?" compares them with those who went on. `def` has the board's
 * range and variables applied already (boardFunnel).
 */
export function funnelDropOffHref(def: FunnelDefinition, step: number, project: string): string {
  const p = funnelParams(def, project);
  p.set("drop", String(step));
  return `/funnels?${p}`;
}

/** A board funnel's steps, entity, window and range as /funnels reads them. */
export function funnelParams(def: FunnelDefinition, project?: string): URLSearchParams {
  const p = new URLSearchParams();
  if (project) p.set("project", project);
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
