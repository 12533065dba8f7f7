import type { MetricsResult, MetricsSeries } from "@/lib/contract";
import type { MetricsPlan } from "./from-traceql";
import { topKPerStep } from "./top-k";
import { BUCKET_LABEL, type MetricsQuery } from "./types";

/** Groups a store is asked for when topk/bottomk or a histogram choose among them afterwards. */
export const MAX_RANKED_GROUPS = 50;

/** Tempo labels a histogram series by its bucket's upper bound: seconds for duration. */
function bucketLabel(s: MetricsSeries, duration: boolean): MetricsSeries {
  const e = s.group[BUCKET_LABEL];
  if (e === null || e === undefined || s.group.other) return s;
  const bound = 2 ** Number(e);
  return { ...s, group: { ...s.group, [BUCKET_LABEL]: duration ? bound / 1e9 : bound } };
}

/**
 * Answers a TraceQL metrics plan with the store's ordinary metrics query: once per measure
 * (several quantiles run one after the other, to spare a shared machine), then Tempo's
 * labels, histogram buckets and topk/bottomk on the series.
 */
export async function runMetricsPlan(
  run: (q: MetricsQuery) => Promise<MetricsResult>,
  base: Omit<MetricsQuery, "filter" | "measure" | "groupBy">,
  plan: MetricsPlan,
): Promise<MetricsResult> {
  const topN = plan.top || plan.histogram ? MAX_RANKED_GROUPS : base.topN;
  const results: MetricsResult[] = [];
  for (const { measure, p } of plan.measures) {
    const result = await run({ ...base, topN, filter: plan.filter, measure, groupBy: plan.groupBy });
    results.push(p === undefined ? result : { ...result, series: result.series.map((s) => ({ ...s, group: { ...s.group, p } })) });
  }
  const merged: MetricsResult = {
    ...results[0],
    series: results.flatMap((r) => r.series),
    minSampleRate: Math.min(...results.map((r) => r.minSampleRate)),
  };
  let series = merged.series;
  if (plan.histogram) {
    const last = plan.groupBy[plan.groupBy.length - 1];
    const duration = "log2Bucket" in last && last.log2Bucket === "duration";
    // Spans without a positive value have no bucket; Tempo leaves them out of the histogram.
    series = series.filter((s) => s.group.other || s.group[BUCKET_LABEL] != null).map((s) => bucketLabel(s, duration));
    series.sort((a, b) => Number(a.group[BUCKET_LABEL] ?? Infinity) - Number(b.group[BUCKET_LABEL] ?? Infinity));
  }
  if (plan.top) series = topKPerStep(series, plan.top.dir, plan.top.k);
  return { ...merged, series };
}

/** A parsed request (see lib/http/metrics-params): the builder's one query, or a TraceQL metrics plan. */
export function runMetricsRequest(
  run: (q: MetricsQuery) => Promise<MetricsResult>,
  req: { query: MetricsQuery; plan: MetricsPlan | null },
): Promise<MetricsResult> {
  return req.plan ? runMetricsPlan(run, req.query, req.plan) : run(req.query);
}
