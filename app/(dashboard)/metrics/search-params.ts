import { createLoader, createSerializer, parseAsArrayOf, parseAsInteger, parseAsNativeArrayOf, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { DEFAULT_SINCE } from "@/lib/chart-data/range";
import { DEFAULT_TOP } from "@/lib/chart-data/metrics-query";

export const METRIC_VIEWS = ["line", "area", "bar", "totals", "table", "heatmap"] as const;
export type MetricView = (typeof METRIC_VIEWS)[number];

/**
 * The whole chart builder lives in the URL, so a link reproduces the chart: filter,
 * measure, group-bys, range (relative `since` or pinned `start`/`end`), step, top-N, view,
 * and the legend selection (`show`, repeated).
 */
export const metricsParsers = {
  q: parseAsString.withDefault(""),
  measure: parseAsString.withDefault("count"),
  groupBy: parseAsArrayOf(parseAsString, ",").withDefault([]),
  since: parseAsString.withDefault(DEFAULT_SINCE),
  start: parseAsInteger,
  end: parseAsInteger,
  step: parseAsString.withDefault(""),
  top: parseAsInteger.withDefault(DEFAULT_TOP),
  view: parseAsStringLiteral(METRIC_VIEWS).withDefault("line"),
  show: parseAsNativeArrayOf(parseAsString),
};

export const loadMetricsParams = createLoader(metricsParsers);
export const serializeMetricsParams = createSerializer(metricsParsers);
