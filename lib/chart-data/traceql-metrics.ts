import { planFromTraceQL, type MetricsPlan } from "@/lib/metrics/from-traceql";
import { MeasureError, measureLabel, parseMeasure, type Measure } from "@/lib/metrics/measure";
import { BUCKET_LABEL, groupLabel } from "@/lib/metrics/types";
import { TraceQLError } from "@/lib/traceql/errors";
import { looksLikeMetrics, parseMetricsTraceQL } from "@/lib/traceql/metrics";
import type { ChartSeries } from "./series";
import { isMatchAll, traceqlField } from "./traceql";

/**
 * The /metrics editor holds the chart as TraceQL metrics text (`{ } | rate() by (name)`),
 * the text form of the builder: these turn one into the other. The URL keeps the builder's
 * parameters whenever the builder can show the text, and the text itself otherwise.
 */

export { looksLikeMetrics };

const OVER_TIME = { avg: "avg_over_time", min: "min_over_time", max: "max_over_time", sum: "sum_over_time" } as const;
const QUANTILES = { p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99 } as const;

function valueText(of: Exclude<Measure, { fn: "count" | "rate" | "errorRate" }>["of"]): string {
  if (of === "duration" || of === "trace") return of;
  return traceqlField(`${of.scope === "any" ? "" : of.scope}.${of.key}`);
}

/** The TraceQL metrics function for a builder measure, or null when TraceQL has none (error rate, distinct counts). */
export function measureFunction(measure: string): string | null {
  let m: Measure;
  try {
    m = parseMeasure(measure);
  } catch (err) {
    if (err instanceof MeasureError) return null;
    throw err;
  }
  switch (m.fn) {
    case "count": return "count_over_time()";
    case "rate": return "rate()";
    case "errorRate":
    case "countDistinct": return null;
    case "avg":
    case "min":
    case "max":
    case "sum": return `${OVER_TIME[m.fn]}(${valueText(m.of)})`;
    case "quantile": return `quantile_over_time(${valueText(m.of)}, ${m.q})`;
    default: return `quantile_over_time(${valueText(m.of)}, ${QUANTILES[m.fn]})`;
  }
}

/** The builder's state as TraceQL metrics text, or null when its measure has no TraceQL form. */
export function builderText(s: { q: string; measure: string; groupBy: string[] }): string | null {
  const fn = measureFunction(s.measure || "count");
  if (!fn) return null;
  const labels = s.groupBy.map((g) => g.trim()).filter(Boolean).map((g) => (g === "service" ? "resource.service.name" : traceqlField(g)));
  const filter = isMatchAll(s.q) ? "{ }" : s.q.trim();
  return `${filter} | ${fn}${labels.length ? ` by (${labels.join(", ")})` : ""}`;
}

export type MetricsTextReading =
  /** The builder can show it: these are its parameters. */
  | { kind: "builder"; q: string; measure: string; groupBy: string[] }
  /** Valid, beyond the builder (several quantiles, a histogram, topk): the URL keeps the text. */
  | { kind: "text"; plan: MetricsPlan; why: string }
  /** Not a metrics query: a filter for the builder's measure. */
  | { kind: "filter" }
  | { kind: "invalid"; message: string; from: number; to: number };

/** What the editor's text asks of the chart. */
export function readMetricsText(text: string): MetricsTextReading {
  if (!looksLikeMetrics(text)) return { kind: "filter" };
  let plan: MetricsPlan | null;
  try {
    const ast = parseMetricsTraceQL(text);
    plan = ast && planFromTraceQL(ast);
  } catch (err) {
    if (err instanceof TraceQLError) return { kind: "invalid", message: err.message, from: err.from, to: err.to };
    throw err;
  }
  if (!plan) return { kind: "filter" };
  const m = plan.measures[0].measure;
  const why = plan.histogram ? "histogram_over_time()"
    : plan.top ? `${plan.top.dir}()`
    : plan.measures.length > 1 ? "several quantiles"
    : m.fn === "quantile" ? `quantile ${m.q} (it offers 0.5, 0.9, 0.95, 0.99)`
    : m.fn === "sum" && m.of === "duration" ? "sum_over_time(duration)"
    : null;
  if (why) return { kind: "text", plan, why };
  return { kind: "builder", q: plan.filter ?? "", measure: measureLabel(m), groupBy: plan.groupBy.map(groupLabel) };
}

/** The series labels of a text-only chart, in the order a legend names them. */
export function planGroupLabels(plan: MetricsPlan): string[] {
  return [...plan.groupBy.map(groupLabel), ...(plan.measures.length > 1 ? ["p"] : [])];
}

/** Labels that name no span field (a quantile, a histogram bucket): a drill-down leaves them out. */
const PLAN_LABELS = new Set(["p", BUCKET_LABEL]);

export function withoutPlanLabels(s: ChartSeries): ChartSeries {
  return { ...s, values: s.values.filter(([label]) => !PLAN_LABELS.has(label)) };
}

/** What the chart shows, whichever form the URL holds it in. */
export interface EffectiveChart {
  /** The TraceQL metrics text the URL holds, when it holds text; else null (builder parameters). */
  reading: MetricsTextReading | null;
  filter: string;
  measure: string;
  groupLabels: string[];
  /** Why the builder cannot show it (text only), else null. */
  beyondBuilder: string | null;
  /** The editor's text. */
  text: string;
}

export function effectiveChart(s: { q: string; measure: string; groupBy: string[] }, labelsOf: (g: string[]) => string[]): EffectiveChart {
  if (!looksLikeMetrics(s.q)) {
    return { reading: null, filter: s.q, measure: s.measure, groupLabels: labelsOf(s.groupBy), beyondBuilder: null, text: builderText(s) ?? s.q };
  }
  const reading = readMetricsText(s.q);
  const base = { reading, text: s.q, beyondBuilder: null };
  if (reading.kind === "builder") return { ...base, filter: reading.q, measure: reading.measure, groupLabels: labelsOf(reading.groupBy) };
  if (reading.kind === "text") {
    const { plan } = reading;
    return { ...base, filter: plan.filter ?? "", measure: measureLabel(plan.measures[0].measure), groupLabels: planGroupLabels(plan), beyondBuilder: reading.why };
  }
  return { ...base, filter: "", measure: "count", groupLabels: [] };
}
