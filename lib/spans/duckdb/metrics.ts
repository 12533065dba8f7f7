import type { DuckDBConnection } from "@duckdb/node-api";
import { groupLabel } from "@/lib/metrics/types";
import type { CompiledMetricsQuery } from "./compiled-queries";
import type { PromotedColumns } from "../layout";
import { filterWhere, groupExpr, measureAggregate, measureValue, usedOnly } from "./metrics-sql";
import type { MetricsResult, MetricsSeries } from "@/lib/contract";
import { collectSeries, rankSeries } from "@/lib/metrics/collect-series";

type Params = Record<string, string | number | bigint | boolean>;
type Row = {
  g0: string | null; g1: string | null; bucket: bigint | null; is_total: number; value: number | null; n: number; min_rate: number | null;
};

/**
 * One chart: the measure per (group, time bucket) and per group over the whole range
 * (a percentile total is computed from all values, not from the buckets). Groups past
 * the top N by span count are folded into "other", recomputed from their raw values in
 * a second pass that only runs when there are that many groups.
 *
 * Span counts (a series' `count`, the ranking, "other") are weighted by 1 / sample rate
 * like the measure (see measureAggregate), so the kept series and "other" add up to the
 * estimated total. The lowest rate seen rides along in the same scan; while nothing is
 * sampled its column compresses to a constant, so weighting costs next to nothing.
 */
export async function queryMetrics(conn: DuckDBConnection, q: CompiledMetricsQuery, columns: PromotedColumns): Promise<MetricsResult> {
  const params: Params = { project: q.projectId, start: q.startNs, end: q.endNs, step: q.stepNs };
  const groups = [0, 1].map((i) => (q.groupBy[i] ? groupExpr(q.groupBy[i], `g${i}key`, params, columns) : "NULL::VARCHAR"));
  const agg = measureAggregate(q.measure, `(CASE WHEN grouping(bucket) = 1 THEN ${Number(q.endNs - q.startNs) / 1e9} ELSE ${Number(q.stepNs) / 1e9} END)`);
  const base = `
    SELECT status_code, ${measureValue(q.measure, params, columns)} AS v, ${groups[0]} AS g0, ${groups[1]} AS g1,
           (start_ns - $start::BIGINT) // $step::BIGINT AS bucket, 1.0 / sample_rate AS w, sample_rate AS r
    FROM spans s
    WHERE project_id = $project::INTEGER AND start_ns >= $start::BIGINT AND start_ns < $end::BIGINT AND ${filterWhere(q.filter, params)}`;
  const counted = "sum(w) AS n, min(r) AS min_rate";
  const grouped = `SELECT g0, g1, bucket, grouping(bucket) AS is_total, ${agg} AS value, ${counted}
    FROM (${base}) GROUP BY GROUPING SETS ((g0, g1, bucket), (g0, g1))`;
  const rows = (await conn.runAndReadAll(grouped, usedOnly(grouped, params))).getRowObjectsJS() as Row[];

  const startMs = Number(q.startNs / 1_000_000n);
  const stepMs = Number(q.stepNs / 1_000_000n);
  const labels = q.groupBy.map(groupLabel);
  const bySeries = collectSeries(rows, { startMs, stepMs }, (r) => Number(r.is_total) === 1, (r) => {
    const group: MetricsSeries["group"] = {};
    labels.forEach((l, i) => (group[l] = i === 0 ? r.g0 : r.g1));
    return group;
  });
  const series = rankSeries([...bySeries.values()]);
  // The range totals cover every span, kept series and "other" alike.
  const minSampleRate = rows.reduce((m, r) => (Number(r.is_total) === 1 && r.min_rate !== null ? Math.min(m, Number(r.min_rate)) : m), 1);
  const frame = { stepMs, startMs, endMs: Number(q.endNs / 1_000_000n), minSampleRate };
  if (series.length <= q.topN) return { series, ...frame };

  // The long tail: one more pass over just its spans, so its percentiles are real ones.
  const kept = series.slice(0, q.topN);
  const keep = kept.map((s, i) => {
    params[`k0_${i}`] = (s.group[labels[0]] as string | null) ?? "";
    params[`k1_${i}`] = (s.group[labels[1]] as string | null) ?? "";
    return `(coalesce(g0, '') = $k0_${i} AND coalesce(g1, '') = $k1_${i})`;
  });
  const other = `SELECT NULL AS g0, NULL AS g1, bucket, grouping(bucket) AS is_total, ${agg} AS value, ${counted}
    FROM (${base}) WHERE NOT (${keep.join(" OR ")}) GROUP BY GROUPING SETS ((bucket), ())`;
  const otherRows = (await conn.runAndReadAll(other, usedOnly(other, params))).getRowObjectsJS() as Row[];
  const rest = [...collectSeries(otherRows, { startMs, stepMs }, (r) => Number(r.is_total) === 1, () => ({ other: true })).values()];
  return { series: [...kept, ...rest], ...frame };
}
