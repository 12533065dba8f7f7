import type { FunnelDropOff, FunnelResult } from "@/lib/contract";
import { toStepResults, type FunnelQuery } from "@/lib/metrics/funnel-types";
import { isMatchAll as matchesAll } from "@/lib/traceql/match-all";
import { projectFilter, rows, type ChContext, type Params } from "./context";
import { attrValue } from "./metrics-sql";
import { spanScope } from "./search";
import { SPAN_WINDOW, spanFilter } from "./span-filter";

/**
 * Funnels as DuckDB's store answers them (lib/spans/duckdb/funnel.ts), in one scan of the
 * spans and one GROUP BY entity instead of its chain of joins (ClickHouse inlines CTEs, so
 * a chain r0..rN would scan the spans once per reference):
 *
 * - Each span of the range that matches a step carries a bit per step. A step span without
 *   the entity (or breakdown) attribute takes its trace's smallest value of it, read from
 *   the trace's other spans in the range, as DuckDB's fallback does.
 * - Per entity, its hits sorted by start: step 0 is the earliest step-0 hit; step k the
 *   earliest step-k hit that starts after step k-1's and within the window of step 0's.
 *   That greedy choice is DuckDB's (min start at each step).
 *
 * A span stored twice (before ReplacingMergeTree merges it) is the same hit twice, and
 * only the first hit of a step counts, so nothing is counted twice.
 */

/** One step as a condition on span rows; structural steps as membership of their matching spans. */
function stepMatch(ctx: ChContext, step: string, i: number, params: Params): string {
  if (matchesAll(step)) throw new Error(`funnel step ${i} matches every span; callers refuse that`);
  // DuckDB evaluates structural steps over the spans of the range, its end included.
  return spanFilter(ctx, step, `s${i}_`, params, spanScope(ctx));
}

/**
 * One row per entity that reached step 0: entity, bd (the breakdown value of its earliest
 * step-0 span that has one), hs (its hits sorted: start_ns, trace, rate, mask) and
 * i0..iN-1, each step's hit's index in hs (0: not reached).
 */
function entitiesSql(ctx: ChContext, q: FunnelQuery, params: Params): string {
  Object.assign(params, {
    project: q.projectId, start: q.startNs.toString(), end: q.endNs.toString(), window: q.windowNs.toString(),
  });
  const conds = q.steps.map((s, i) => stepMatch(ctx, s, i, params));
  const mask = conds.map((c, k) => `(toUInt16(${c}) * ${2 ** k})`).join(" + ");
  const nullText = "CAST(NULL, 'Nullable(String)')";
  let ownEntity = "TraceId";
  let ownBd = nullText;
  if (q.by !== "trace") {
    params.ekey = q.by.key;
    ownEntity = attrValue(ctx, q.by, "{ekey:String}", false);
  }
  if (q.breakdown) {
    params.bkey = q.breakdown.key;
    ownBd = attrValue(ctx, q.breakdown, "{bkey:String}", false);
  }
  // Spans that can lend their trace an entity or breakdown value are read too.
  const lenders = [...(q.by !== "trace" ? ["isNotNull(own_e)"] : []), ...(q.breakdown ? ["isNotNull(own_b)"] : [])];
  const rate = ctx.mode === "write" ? "SampleRate" : "1.0";
  const spans = `SELECT TraceId, toUnixTimestamp64Nano(Timestamp) AS ts, toFloat64(${rate}) AS rate, ${mask} AS mask,
      ${ownEntity} AS own_e, ${ownBd} AS own_b
    FROM ${ctx.names.spans}
    WHERE ${projectFilter(ctx)}${SPAN_WINDOW} AND (${["mask != 0", ...lenders].join(" OR ")})`;
  // Per trace: its step hits, and the smallest entity and breakdown value of any of its spans.
  const traces = `SELECT TraceId, min(own_e) AS fb_e, min(own_b) AS fb_b,
      groupArrayIf((ts, own_e, own_b, rate, mask), mask != 0) AS trace_hits
    FROM (${spans}) GROUP BY TraceId HAVING notEmpty(trace_hits)`;
  // By trace without a breakdown, nothing needs a fallback: the step spans are the hits.
  const hits = lenders.length
    ? `SELECT coalesce(h.2, fb_e) AS entity, coalesce(h.3, fb_b) AS hit_bd, h.1 AS ts, TraceId AS trace_id, h.4 AS rate, h.5 AS mask
      FROM (${traces}) ARRAY JOIN trace_hits AS h`
    : `SELECT TraceId AS entity, own_b AS hit_bd, ts, TraceId AS trace_id, rate, mask FROM (${spans})`;
  const idx = q.steps.map((_, k) => {
    if (k === 0) return "arrayFirstIndex(h -> bitTest(h.4, 0), hs) AS i0";
    const prevTs = `hs[greatest(i${k - 1}, 1)].1`;
    return `arrayFirstIndex(h -> i${k - 1} > 0 AND bitTest(h.4, ${k}) AND h.1 > ${prevTs}`
      + ` AND h.1 <= t0 + {window:Int64}, hs) AS i${k}`;
  });
  return `SELECT entity, argMinIf(hit_bd, ts, bitTest(mask, 0)) AS bd, arraySort(groupArray((ts, trace_id, rate, mask))) AS hs,
      ${idx[0]}, hs[greatest(i0, 1)].1 AS t0, ${idx.slice(1).join(", ")}
    FROM (${hits}) WHERE entity IS NOT NULL GROUP BY entity HAVING i0 > 0`;
}

/** Each entity's reached steps as rows: k, bd, t, prev (NULL at step 0), rate. */
function reachedSql(entities: string, steps: number): string {
  const tuples = Array.from({ length: steps }, (_, k) => {
    const hit = `hs[greatest(i${k}, 1)]`;
    const prev = k === 0 ? "CAST(NULL, 'Nullable(Int64)')" : `toNullable(hs[greatest(i${k - 1}, 1)].1)`;
    return `(toUInt8(${k}), ${hit}.1, ${prev}, ${hit}.3)`;
  });
  const reached = Array.from({ length: steps }, (_, k) => `(i${k} > 0)`).join(" + ");
  return `SELECT s.1 AS k, bd, s.2 AS t, s.3 AS prev, s.4 AS rate
    FROM (${entities}) ARRAY JOIN arraySlice([${tuples.join(", ")}], 1, ${reached}) AS s`;
}

export async function queryFunnel(ctx: ChContext, q: FunnelQuery): Promise<FunnelResult> {
  const params: Params = {};
  const entities = entitiesSql(ctx, q, params);
  // Entities are weighted by 1 / rate like metrics counts; median step times are not.
  // quantileExactInclusive(0.5) is DuckDB's median (quantile_cont).
  type Row = { k: number; bd: string | null; all_bd: number; n: number; med: number | null; min_rate: number | null };
  const list = await rows<Row>(ctx, `SELECT k, bd, grouping(bd) AS all_bd, sum(1.0 / rate) AS n,
      quantileExactInclusive(0.5)((t - prev) / 1e6) AS med, min(rate) AS min_rate
    FROM (${reachedSql(entities, q.steps.length)}) GROUP BY GROUPING SETS ((k), (k, bd)) ORDER BY k`, params);
  const collect = (filter: (r: Row) => boolean) => {
    const counts = q.steps.map(() => 0);
    const medians: (number | null)[] = q.steps.map(() => null);
    for (const r of list.filter(filter)) {
      counts[r.k] = Number(r.n);
      medians[r.k] = r.med === null ? null : Number(r.med);
    }
    return toStepResults(counts, medians);
  };
  const minSampleRate = list.reduce((m, r) => (r.min_rate === null ? m : Math.min(m, Number(r.min_rate))), 1);
  const result: FunnelResult = { steps: collect((r) => Number(r.all_bd) === 1), minSampleRate };
  if (q.breakdown) {
    const values = [...new Set(list.filter((r) => Number(r.all_bd) === 0 && r.k === 0).map((r) => r.bd))];
    result.breakdown = values.map((value) => ({ value, steps: collect((r) => Number(r.all_bd) === 0 && r.bd === value) }));
    result.breakdown.sort((a, b) => b.steps[0].count - a.steps[0].count);
  }
  return result;
}

/** Who reached step `step` (0-based) and did not go on to the next. */
export async function funnelDropOff(ctx: ChContext, q: FunnelQuery, step: number, limit: number): Promise<FunnelDropOff> {
  const params: Params = { limit };
  const entities = entitiesSql(ctx, q, params);
  const next = step + 1 < q.steps.length ? `i${step + 1} = 0` : "1";
  type Row = { entity: string; trace: string; t: string; total: string };
  const hit = `hs[greatest(i${step}, 1)]`;
  const list = await rows<Row>(ctx, `SELECT entity, ${hit}.2 AS trace, toString(${hit}.1) AS t, count() OVER () AS total
    FROM (${entities}) WHERE i${step} > 0 AND ${next}
    ORDER BY ${hit}.1 DESC LIMIT {limit:UInt64}`, params);
  return {
    entities: list.map((r) => ({ entity: r.entity, traceId: r.trace, reachedAtUnixNano: r.t })),
    total: Number(list[0]?.total ?? 0),
  };
}
