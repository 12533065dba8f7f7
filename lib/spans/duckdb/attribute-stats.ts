import type { DuckDBConnection } from "@duckdb/node-api";
import type { AttributeStatsQuery } from "../types";
import type { PromotedColumns } from "../layout";
import { attrNumber, attrText, usedOnly } from "./metrics-sql";
import type { AttributeStats } from "@/lib/contract";

/** Below this estimate the distinct count is recounted exactly. */
const EXACT_BELOW = 1_000;

/**
 * One key measured on the spans themselves: approximate distinct values (HyperLogLog,
 * which the catalog cannot give for doubles and long strings) and, for numbers, a summary.
 * How many spans and how much in total are weighted by 1 / sample rate, as metrics are
 * (see measureAggregate), and so is the mean; min, max, percentiles and distinct values
 * describe the kept spans as they are.
 */
export async function attributeStats(conn: DuckDBConnection, q: AttributeStatsQuery, columns: PromotedColumns): Promise<AttributeStats> {
  const ref = { scope: q.scope === "resource" ? "resource" : "span", key: q.key } as const;
  const text = attrText(ref, "$key::VARCHAR", columns);
  const num = attrNumber(ref, "$key::VARCHAR", columns);
  const sql = `SELECT sum(1.0 / sample_rate) AS spans, approx_count_distinct(${text}) AS distinct_approx,
            count(${num}) AS numeric_count, min(${num}) AS min, max(${num}) AS max, weighted_avg(${num}, 1.0 / sample_rate) AS avg,
            quantile_cont(${num}, 0.5) AS p50, quantile_cont(${num}, 0.95) AS p95, sum(${num} / sample_rate) AS sum
     FROM spans WHERE project_id = $project::INTEGER AND start_ns BETWEEN $start::BIGINT AND $end::BIGINT AND ${text} IS NOT NULL`;
  const params = usedOnly(sql, { project: q.projectId, key: q.key, start: q.startNs, end: q.endNs });
  const [row] = (await conn.runAndReadAll(sql, params)).getRowObjectsJS() as { spans: number | null; distinct_approx: bigint; numeric_count: bigint; min: number | null; max: number | null; avg: number | null; p50: number | null; p95: number | null; sum: number | null }[];
  const numeric = Number(row.numeric_count) > 0
    ? { min: row.min!, max: row.max!, avg: row.avg!, p50: row.p50!, p95: row.p95!, sum: row.sum! }
    : null;
  let distinct = Number(row.distinct_approx);
  // HyperLogLog is a few values off at low cardinality, where an exact count is cheap.
  if (distinct < EXACT_BELOW) {
    const exact = `SELECT count(DISTINCT ${text}) FROM spans WHERE project_id = $project::INTEGER AND start_ns BETWEEN $start::BIGINT AND $end::BIGINT`;
    distinct = Number((await conn.runAndReadAll(exact, usedOnly(exact, params))).getRows()[0][0]);
  }
  return { key: q.key, scope: ref.scope, spanCount: Number(row.spans ?? 0), distinctApprox: distinct, numeric };
}
