import { tracesRangeParams, type ChartRange } from "./range";
import type { ChartSeries, GroupValue } from "./series";
import { andConditions, isMatchAll, traceqlField, valueCondition } from "./traceql";

/** Catalogued types per group label (`span.http.status_code` -> ["int"]), to spell values right. */
export type TypesByLabel = Record<string, string[] | undefined>;

/** The conditions that pick one group's spans: `span.customer.tier = "enterprise"`. */
export function groupConditions(values: [string, GroupValue][], types: TypesByLabel = {}): string[] {
  return values.map(([label, v]) => valueCondition(traceqlField(label), v, types[label]));
}

/**
 * "other" is every span outside the named groups. TraceQL has no NOT IN, so it is the
 * negation of each named group's conditions.
 */
export function otherConditions(named: ChartSeries[], types: TypesByLabel = {}): string[] {
  return named
    .filter((s) => !s.isOther && s.values.length > 0)
    .map((s) => `!(${groupConditions(s.values, types).join(" && ")})`);
}

export interface DrillTarget {
  /** The page's TraceQL filter (may be empty). */
  filter: string;
  series?: ChartSeries;
  /** Every series of the chart, for drilling into "other". */
  allSeries?: ChartSeries[];
  types?: TypesByLabel;
  /** A time bucket (its start, epoch ms) and the step; without it, the whole range. */
  bucket?: { t: number; stepMs: number };
  range: ChartRange;
  /** More conditions for the same span, e.g. a duration band of the heatmap. */
  extra?: string[];
}

/** The TraceQL a drill-down searches for: the filter with the group's conditions ANDed in. */
export function drillQuery(d: DrillTarget): string {
  const conds: string[] = [];
  if (d.series?.isOther) conds.push(...otherConditions(d.allSeries ?? [], d.types));
  else if (d.series) conds.push(...groupConditions(d.series.values, d.types));
  conds.push(...(d.extra ?? []));
  return andConditions(d.filter, conds);
}

/** `/traces?q=…&start=…&end=…`: the traces behind a point, a bar or a table cell. */
export function tracesHref(d: DrillTarget): string {
  const params = new URLSearchParams({ q: drillQuery(d) });
  const range = d.bucket ? tracesRangeParams({ startMs: d.bucket.t, endMs: d.bucket.t + d.bucket.stepMs }) : tracesRangeParams(d.range);
  for (const [k, v] of Object.entries(range)) params.set(k, v);
  return `/traces?${params.toString()}`;
}

/** The window a chart was computed for, epoch ms: its result's own, so a comparison asks about what was drawn. */
export interface ChartWindow {
  startMs: number;
  endMs: number;
}

/**
 * A time span cut to the chart's window. Buckets are numbered from the window's start, so
 * only the last can reach past it (when the window is not a whole number of steps): the
 * chart counted none of that bucket's spans after the end, and neither may a comparison.
 */
export function clipToWindow(w: ChartWindow, span: { fromMs: number; toMs: number }): { fromMs: number; toMs: number } {
  return { fromMs: Math.max(span.fromMs, w.startMs), toMs: Math.min(span.toMs, w.endMs) };
}

/** A selection inside the chart's window against the chart's whole window (the API takes the selected spans out). */
export function windowComparison(w: ChartWindow, selection: { fromMs: number; toMs: number }) {
  return { ...clipToWindow(w, selection), baseFromMs: w.startMs, baseToMs: w.endMs };
}

/**
 * "What is different?" about one series in one bucket, as BubbleUp asks it: the series' spans
 * in that bucket (the filter AND its group values) against every other span of the chart's
 * query over the chart's whole window (the API takes the selected spans out of the baseline).
 * An ungrouped chart's bucket is every span of the bucket against the rest of the window.
 * `window` is the one the chart's result was computed for (a moving range as it was when
 * drawn, not when clicked).
 */
export function bucketComparison(d: DrillTarget & { bucket: { t: number; stepMs: number }; window: ChartWindow }): BucketComparison {
  return {
    selection: drillQuery(d),
    baseline: isMatchAll(d.filter) ? "" : d.filter.trim(),
    ...windowComparison(d.window, { fromMs: d.bucket.t, toMs: d.bucket.t + d.bucket.stepMs }),
  };
}

export interface BucketComparison {
  selection: string;
  baseline: string;
  fromMs: number;
  toMs: number;
  baseFromMs: number;
  baseToMs: number;
}
