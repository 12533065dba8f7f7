import type { DuckDBConnection } from "@duckdb/node-api";
import { toStepResults } from "@/lib/metrics/funnel-types";
import type { CompiledFunnelQuery as FunnelQuery } from "./compiled-queries";
import type { SpanFilter } from "./traceql/span-filter";
import type { PromotedColumns } from "../layout";
import { attrText, usedOnly } from "./metrics-sql";
import type { FunnelDropOff, FunnelResult } from "@/lib/contract";

type Params = Record<string, string | number | bigint | boolean>;

function stepMatch(f: SpanFilter, params: Params) {
  Object.assign(params, f.params);
  if (f.where) return `(${f.where})`;
  if (f.semi) return `((trace_id, span_id) IN (SELECT (trace_id, span_id) FROM (${f.semi})))`;
  return "TRUE";
}

/**
 * The chain of CTEs r0..rN: r_k holds each entity that reached step k, when (t), the
 * trace of that span, and when it reached step k-1 (prev). An entity reaches step k with
 * the earliest step-k span that starts after its step k-1 span and within the window of
 * its first step-1 span; taking the earliest at each step is what makes that greedy
 * choice optimal. One scan of spans feeds every step. `rate` is the sample rate of the
 * span that brought the entity to step k: the entity counts 1 / rate times there.
 */
function funnelCtes(q: FunnelQuery, params: Params, columns: PromotedColumns) {
  Object.assign(params, { project: q.projectId, start: q.startNs, end: q.endNs, window: q.windowNs });
  const conds = q.steps.map((f) => stepMatch(f, params));
  const range = "project_id = $project::INTEGER AND start_ns >= $start::BIGINT AND start_ns < $end::BIGINT";
  let ownEntity = "trace_id";
  let ownBreakdown = "NULL::VARCHAR";
  if (q.by !== "trace") {
    params.ekey = q.by.key;
    ownEntity = attrText(q.by, "$ekey", columns);
  }
  if (q.breakdown) {
    params.bkey = q.breakdown.key;
    ownBreakdown = attrText(q.breakdown, "$bkey", columns);
  }
  const ctes = [`steps AS MATERIALIZED (
    SELECT ${ownEntity} AS own_entity, ${ownBreakdown} AS own_bd, trace_id, start_ns, sample_rate, ${conds.map((c, k) => `${c} AS m${k}`).join(", ")}
    FROM spans s WHERE ${range} AND (${conds.join(" OR ")}))`];
  // A step span often lacks the entity (or breakdown) attribute its trace carries on
  // another span, typically the root: look those up, only for the traces that need it.
  const fallback = (name: string, own: string, column: string) =>
    `${name} AS (SELECT trace_id AS ${name}_trace, min(${own}) AS ${name}_value FROM spans s
      WHERE ${range} AND ${own} IS NOT NULL AND trace_id IN (SELECT trace_id FROM steps WHERE ${column} IS NULL)
      GROUP BY trace_id)`;
  const joins: string[] = [];
  let entity = "own_entity";
  let breakdown = "own_bd";
  if (q.by !== "trace") {
    ctes.push(fallback("ent", ownEntity, "own_entity"));
    joins.push("LEFT JOIN ent ON ent_trace = trace_id");
    entity = "coalesce(own_entity, ent_value)";
  }
  if (q.breakdown) {
    ctes.push(fallback("bdt", ownBreakdown, "own_bd"));
    joins.push("LEFT JOIN bdt ON bdt_trace = trace_id");
    breakdown = "coalesce(own_bd, bdt_value)";
  }
  ctes.push(`hits AS MATERIALIZED (
    SELECT ${entity} AS entity, ${breakdown} AS bd, trace_id, start_ns, sample_rate, ${conds.map((_, k) => `m${k}`).join(", ")}
    FROM steps ${joins.join(" ")})`);
  ctes.push(`r0 AS (SELECT entity, arg_min(bd, start_ns) AS bd, min(start_ns) AS t, min(start_ns) AS t0, arg_min(trace_id, start_ns) AS trace,
      NULL::BIGINT AS prev, arg_min(sample_rate, start_ns) AS rate
    FROM hits WHERE m0 AND entity IS NOT NULL GROUP BY entity)`);
  for (let k = 1; k < q.steps.length; k++) {
    ctes.push(`r${k} AS (SELECT a.entity, a.bd, min(h.start_ns) AS t, a.t0, arg_min(h.trace_id, h.start_ns) AS trace, a.t AS prev,
        arg_min(h.sample_rate, h.start_ns) AS rate
      FROM r${k - 1} a JOIN hits h ON h.m${k} AND h.entity = a.entity AND h.start_ns > a.t AND h.start_ns <= a.t0 + $window::BIGINT
      GROUP BY a.entity, a.bd, a.t0, a.t)`);
  }
  return ctes;
}

export async function queryFunnel(conn: DuckDBConnection, q: FunnelQuery, columns: PromotedColumns): Promise<FunnelResult> {
  const params: Params = {};
  const ctes = funnelCtes(q, params, columns);
  const union = q.steps.map((_, k) => `SELECT ${k} AS k, bd, t, prev, rate FROM r${k}`).join(" UNION ALL ");
  // Entities are weighted by 1 / rate like metrics counts; median step times are not
  // (a median of the kept entities estimates the population's).
  const sql = `WITH ${ctes.join(",\n")}
     SELECT k, bd, grouping(bd) AS all_bd, sum(1.0 / rate) AS n, median((t - prev) / 1e6) AS med, min(rate) AS min_rate
     FROM (${union}) GROUP BY GROUPING SETS ((k), (k, bd)) ORDER BY k`;
  type Row = { k: number; bd: string | null; all_bd: number; n: number; med: number | null; min_rate: number | null };
  const rows = (await conn.runAndReadAll(sql, usedOnly(sql, params))).getRowObjectsJS() as Row[];
  const collect = (filter: (r: (typeof rows)[number]) => boolean) => {
    const counts = q.steps.map(() => 0);
    const medians: (number | null)[] = q.steps.map(() => null);
    for (const r of rows.filter(filter)) {
      counts[r.k] = Number(r.n);
      medians[r.k] = r.med === null ? null : Number(r.med);
    }
    return toStepResults(counts, medians);
  };
  const minSampleRate = rows.reduce((m, r) => (r.min_rate === null ? m : Math.min(m, Number(r.min_rate))), 1);
  const result: FunnelResult = { steps: collect((r) => Number(r.all_bd) === 1), minSampleRate };
  if (q.breakdown) {
    const values = [...new Set(rows.filter((r) => Number(r.all_bd) === 0 && r.k === 0).map((r) => r.bd))];
    result.breakdown = values.map((value) => ({ value, steps: collect((r) => Number(r.all_bd) === 0 && r.bd === value) }));
    result.breakdown.sort((a, b) => b.steps[0].count - a.steps[0].count);
  }
  return result;
}

/** Who reached step `step` (0-based) and did not go on to the next. */
export async function funnelDropOff(
  conn: DuckDBConnection, q: FunnelQuery, step: number, limit: number, columns: PromotedColumns,
): Promise<FunnelDropOff> {
  const params: Params = { limit };
  const ctes = funnelCtes(q, params, columns);
  const sql = `WITH ${ctes.join(",\n")}
     SELECT a.entity, a.trace, a.t, count(*) OVER () AS total
     FROM r${step} a ANTI JOIN r${step + 1} b ON a.entity = b.entity
     ORDER BY a.t DESC LIMIT $limit`;
  const rows = (await conn.runAndReadAll(sql, usedOnly(sql, params))).getRowObjectsJS() as { entity: string; trace: string; t: bigint; total: bigint }[];
  return {
    entities: rows.map((r) => ({ entity: r.entity, traceId: r.trace, reachedAtUnixNano: r.t.toString() })),
    total: Number(rows[0]?.total ?? 0),
  };
}
