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

/**
 * "What is different?" about one series in one bucket: its spans (the filter AND the series'
 * group values) against the chart's other spans in the same bucket. The compare API reads
 * both sides in one window, and the selection has no time condition TraceQL could carry, so
 * the bucket is the window. Null for an ungrouped chart: the series is the whole bucket.
 */
export function bucketComparison(d: DrillTarget & { bucket: { t: number; stepMs: number } }) {
  if (!d.series || (!d.series.isOther && d.series.values.length === 0)) return null;
  return { selection: drillQuery(d), baseline: isMatchAll(d.filter) ? "" : d.filter.trim(), fromMs: d.bucket.t, toMs: d.bucket.t + d.bucket.stepMs };
}
