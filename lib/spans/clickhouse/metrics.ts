import type { MetricsResult, MetricsSeries } from "@/lib/contract";
import { collectSeries, rankSeries } from "@/lib/metrics/collect-series";
import { groupLabel, type MetricsQuery } from "@/lib/metrics/types";
import { dedupedSpans, projectFilter, rows, type ChContext, type Params } from "./context";
import { groupExpr, measureAggregate, measureValue } from "./metrics-sql";
import { IS_ERROR } from "./schema";
import { isMatchAll as matchesAll } from "@/lib/traceql/match-all";
import { SPAN_WINDOW, spanFilter } from "./span-filter";

interface Row {
  g0: string | null; g1: string | null; bucket: string | null; value: number | string | null; n: number; min_rate: number | null;
}

/** The TraceQL filter as a WHERE on span rows. */
function filterWhere(ctx: ChContext, filter: string | null, params: Params): string {
  return matchesAll(filter) ? "1" : spanFilter(ctx, filter!, "f", params, `${projectFilter(ctx)}${SPAN_WINDOW}`);
}

/**
 * One chart, as DuckDB's store draws it (lib/spans/duckdb/metrics.ts): the measure per
 * (group, time bucket) and per group over the whole range, in one scan through GROUPING
 * SETS (with group_by_use_nulls, a range total is the row whose bucket is NULL). Groups
 * past the top N by weighted span count fold into "other", recomputed from its spans.
 */
export async function queryMetrics(ctx: ChContext, q: MetricsQuery): Promise<MetricsResult> {
  const params: Params = {
    project: q.projectId, start: q.startNs.toString(), end: q.endNs.toString(), step: q.stepNs.toString(),
  };
  const groups = [0, 1].map((i) =>
    (q.groupBy[i] ? groupExpr(ctx, q.groupBy[i], `g${i}key`, params) : "CAST(NULL, 'Nullable(String)')"));
  const rangeSeconds = Number(q.endNs - q.startNs) / 1e9;
  const agg = measureAggregate(q.measure, `if(isNull(bucket), ${rangeSeconds}, ${Number(q.stepNs) / 1e9})`);
  const rate = ctx.mode === "write" ? "SampleRate" : "1";
  const base = `
    SELECT ${IS_ERROR} AS is_error, ${measureValue(ctx, q.measure, params)} AS v, ${groups[0]} AS g0, ${groups[1]} AS g1,
           intDiv(toUnixTimestamp64Nano(Timestamp) - {start:Int64}, {step:Int64}) AS bucket, 1.0 / ${rate} AS w, ${rate} AS r
    FROM ${dedupedSpans(ctx)}
    WHERE ${projectFilter(ctx)}${SPAN_WINDOW} AND ${filterWhere(ctx, q.filter, params)}`;
  const counted = "sum(w) AS n, min(r) AS min_rate";
  const list = await rows<Row>(ctx, `SELECT g0, g1, bucket, ${agg} AS value, ${counted}
    FROM (${base}) GROUP BY GROUPING SETS ((g0, g1, bucket), (g0, g1)) SETTINGS group_by_use_nulls = 1`, params);

  const startMs = Number(q.startNs / 1_000_000n);
  const stepMs = Number(q.stepNs / 1_000_000n);
  const labels = q.groupBy.map(groupLabel);
  const bySeries = collectSeries(list, { startMs, stepMs }, (r) => r.bucket === null, (r) => {
    const group: MetricsSeries["group"] = {};
    labels.forEach((l, i) => (group[l] = i === 0 ? r.g0 : r.g1));
    return group;
  });
  const series = rankSeries([...bySeries.values()]);
  const minSampleRate = list.reduce(
    (m, r) => (r.bucket === null && r.min_rate !== null ? Math.min(m, Number(r.min_rate)) : m), 1);
  const frame = { stepMs, startMs, endMs: Number(q.endNs / 1_000_000n), minSampleRate };
  if (series.length <= q.topN) return { series, ...frame };

  const kept = series.slice(0, q.topN);
  const keep = kept.map((s, i) => {
    params[`k0_${i}`] = (s.group[labels[0]] as string | null) ?? "";
    params[`k1_${i}`] = (s.group[labels[1]] as string | null) ?? "";
    return `(ifNull(g0, '') = {k0_${i}:String} AND ifNull(g1, '') = {k1_${i}:String})`;
  });
  // No g0/g1 in this SELECT: an alias would shadow the columns the WHERE reads.
  const other = await rows<Row>(ctx, `SELECT bucket, ${agg} AS value, ${counted}
    FROM (${base}) WHERE NOT (${keep.join(" OR ")})
    GROUP BY GROUPING SETS ((bucket), ()) SETTINGS group_by_use_nulls = 1`, params);
  const rest = [...collectSeries(other, { startMs, stepMs }, (r) => r.bucket === null, () => ({ other: true })).values()];
  return { series: [...kept, ...rest], ...frame };
}
