import type { DuckDBConnection } from "@duckdb/node-api";
import { groupLabel, type MetricsQuery, type MetricsResult, type MetricsSeries } from "@/lib/metrics/types";
import type { PromotedColumns } from "../layout";
import { filterWhere, groupExpr, measureAggregate, measureValue, usedOnly } from "./metrics-sql";

type Params = Record<string, string | number | bigint | boolean>;

/**
 * One chart: the measure per (group, time bucket) and per group over the whole range
 * (a percentile total is computed from all values, not from the buckets), top-N groups
 * by span count with the rest folded into "other".
 */
export async function queryMetrics(conn: DuckDBConnection, q: MetricsQuery, columns: PromotedColumns): Promise<MetricsResult> {
  const params: Params = { project: q.projectId, start: q.startNs, end: q.endNs, step: q.stepNs, top: q.topN };
  const groups = [0, 1].map((i) => (q.groupBy[i] ? groupExpr(q.groupBy[i], `g${i}key`, params, columns) : "NULL::VARCHAR"));
  const stepSec = Number(q.stepNs) / 1e9;
  const rangeSec = Number(q.endNs - q.startNs) / 1e9;
  const agg = measureAggregate(q.measure, `(CASE WHEN grouping(bucket) = 1 THEN ${rangeSec} ELSE ${stepSec} END)`);
  const sql = `
    WITH base AS (
      SELECT start_ns, status_code, ${measureValue(q.measure, params, columns)} AS v, ${groups[0]} AS g0, ${groups[1]} AS g1
      FROM spans s
      WHERE project_id = $project::INTEGER AND start_ns >= $start::BIGINT AND start_ns < $end::BIGINT AND ${filterWhere(q.filter, params)}
    ),
    top AS (SELECT g0, g1, true AS keep FROM base GROUP BY g0, g1 ORDER BY count(*) DESC, g0, g1 LIMIT $top),
    labeled AS (
      SELECT b.start_ns, b.status_code, b.v, coalesce(t.keep, false) AS keep,
             CASE WHEN t.keep THEN b.g0 END AS g0, CASE WHEN t.keep THEN b.g1 END AS g1,
             (b.start_ns - $start::BIGINT) // $step::BIGINT AS bucket
      FROM base b LEFT JOIN top t ON b.g0 IS NOT DISTINCT FROM t.g0 AND b.g1 IS NOT DISTINCT FROM t.g1
    )
    SELECT keep, g0, g1, bucket, grouping(bucket) AS is_total, ${agg} AS value, count(*) AS n
    FROM labeled
    GROUP BY GROUPING SETS ((keep, g0, g1, bucket), (keep, g0, g1))
    ORDER BY keep DESC, g0, g1, bucket`;
  const rows = (await conn.runAndReadAll(sql, usedOnly(sql, params))).getRowObjectsJS() as {
    keep: boolean; g0: string | null; g1: string | null; bucket: bigint | null; is_total: number; value: number | null; n: bigint;
  }[];
  const startMs = Number(q.startNs / 1_000_000n);
  const stepMs = Number(q.stepNs / 1_000_000n);
  const labels = q.groupBy.map(groupLabel);
  const byGroup = new Map<string, MetricsSeries>();
  for (const r of rows) {
    const id = JSON.stringify([r.keep, r.g0, r.g1]);
    let s = byGroup.get(id);
    if (!s) {
      const group: MetricsSeries["group"] = r.keep ? {} : { other: true };
      if (r.keep) labels.forEach((l, i) => (group[l] = i === 0 ? r.g0 : r.g1));
      s = { group, points: [], total: null, count: 0 };
      byGroup.set(id, s);
    }
    const value = r.value === null || Number.isNaN(Number(r.value)) ? null : Number(r.value);
    if (Number(r.is_total) === 1) {
      s.total = value;
      s.count = Number(r.n);
    } else {
      s.points.push({ t: startMs + Number(r.bucket) * stepMs, v: value });
    }
  }
  const series = [...byGroup.values()].sort((a, b) => ("other" in a.group ? 1 : 0) - ("other" in b.group ? 1 : 0) || b.count - a.count);
  return { series, stepMs, startMs, endMs: Number(q.endNs / 1_000_000n) };
}
