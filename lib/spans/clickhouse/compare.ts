import type { CompareResult } from "@/lib/contract";
import {
  CATEGORICAL_NUMBERS, COMPARE_SAMPLE_SPANS, ID_LIKE_SHARE, MIN_VALUE_SHARE, RANGE_QUANTILES, SAMPLE_BUCKETS, sampleFraction,
} from "@/lib/compare/limits";
import { shapeEngineRows, type EngineRow } from "@/lib/compare/shape";
import { compareWindows, type CompareWindow } from "@/lib/compare/windows";
import { isMatchAll as matchesAll } from "@/lib/traceql/match-all";
import type { CompareQuery } from "../types";
import { projectFilter, rows, spanColumns, type ChContext, type Params } from "./context";
import { groupExpr, measureValue } from "./metrics-sql";
import { SPAN_WINDOW, spanFilter } from "./span-filter";

/** Spans starting in one side's window, [{<side>_from}, {<side>_to}). */
const sideWindow = (side: string) => `Timestamp >= fromUnixTimestamp64Nano({${side}_from:Int64}, 'UTC')`
  + ` AND Timestamp < fromUnixTimestamp64Nano({${side}_to:Int64}, 'UTC')`;

/**
 * A TraceQL query over one side's window as a 0/1 condition on span rows (as metrics.ts
 * compiles its filter). Structure (`>`, `&&`, pipelines) is matched among the spans of the
 * whole scan, both windows, as the chart counted the bar and as DuckDB's store does; the
 * side then keeps only the matched spans that start in its own window.
 */
function spanCondition(ctx: ChContext, query: string, side: "sel" | "base", w: CompareWindow, whole: boolean, params: Params): string {
  const cond = matchesAll(query)
    ? "1"
    : `ifNull(toUInt8(${spanFilter(ctx, query, `${side}_`, params, `${projectFilter(ctx)}${SPAN_WINDOW}`)}), 0)`;
  if (whole) return cond;
  Object.assign(params, { [`${side}_from`]: w.startNs.toString(), [`${side}_to`]: w.endNs.toString() });
  return `toUInt8(${sideWindow(side)} AND ${cond})`;
}

/**
 * How a map entry is compared: 'str' and 'bool' by value, 'num' as a number, 'skip' for
 * what DuckDB keeps as JSON (arrays, kvlists, bytes, empty values, NaN and infinities).
 * Read mode has no types: a value that reads as a finite number is a number.
 */
function entryType(ctx: ChContext, types: string): string {
  const finite = "isFinite(toFloat64OrZero(v))";
  if (ctx.mode === "read") return `if(isNotNull(toFloat64OrNull(v)) AND ${finite}, 'num', 'str')`;
  const t = `${types}[k]`;
  return `multiIf(${t} IN ('', 'string'), 'str', ${t} = 'bool', 'bool', ${t} IN ('int', 'double') AND ${finite}, 'num', 'skip')`;
}

/**
 * The selection (its query over its window) against the baseline (its query over its own
 * window, minus the selected spans), as DuckDB's store makes it (lib/spans/duckdb/compare.ts): side sizes
 * first (they decide sampling), then one statement that unnests every span's attributes
 * (ARRAY JOIN), counts string values (top ENGINE_TOP_VALUES per key, LIMIT BY) and
 * numbers by value or by range between shared quantile edges. The CTEs are inlined by
 * ClickHouse, so the span scan repeats per part; fine at the sizes a sample allows.
 */
export async function compareGroups(ctx: ChContext, q: CompareQuery): Promise<CompareResult> {
  const win = compareWindows(q);
  // {start}/{end} span both windows (the scan); each side adds its own where it is narrower.
  const params: Params = { project: q.projectId, start: win.scan.startNs.toString(), end: win.scan.endNs.toString() };
  const sel = spanCondition(ctx, q.selection, "sel", win.selection, win.selectionIsScan, params);
  const base = spanCondition(ctx, q.baseline, "base", win.baseline, win.baselineIsScan, params);
  const rate = `(1.0 / ${ctx.mode === "write" ? "SampleRate" : "1"})`;
  const w = q.weightBy
    ? `(greatest(ifNull(${measureValue(ctx, { fn: "sum", of: q.weightBy }, params)}, 0), 0) * ${rate})`
    : rate;
  const where = `${projectFilter(ctx)}${SPAN_WINDOW} AND (${sel} OR ${base})`;

  const [size] = await rows<{ n_sel: string; n_base: string; w_sel: number; w_base: number }>(ctx,
    `SELECT countIf(is_sel = 1) AS n_sel, countIf(is_sel = 0) AS n_base, sumIf(w, is_sel = 1) AS w_sel, sumIf(w, is_sel = 0) AS w_base
     FROM (SELECT ${sel} AS is_sel, ${w} AS w FROM ${ctx.names.spans} WHERE ${where})`, params);
  const spans = { selection: Number(size.n_sel), baseline: Number(size.n_base) };
  const limit = q.sampleLimit ?? COMPARE_SAMPLE_SPANS;
  const fraction = { selection: sampleFraction(spans.selection, limit), baseline: sampleFraction(spans.baseline, limit) };
  const sampled = fraction.selection < 1 || fraction.baseline < 1;
  params.keep_sel = String(Math.ceil(fraction.selection * SAMPLE_BUCKETS));
  params.keep_base = String(Math.ceil(fraction.baseline * SAMPLE_BUCKETS));
  params.rs = String(1 / Math.max(Number(size.w_sel) * fraction.selection, 1e-300));
  params.rb = String(1 / Math.max(Number(size.w_base) * fraction.baseline, 1e-300));

  const keep = `cityHash64(SpanId) % ${SAMPLE_BUCKETS} < if(${sel} = 1, {keep_sel:UInt64}, {keep_base:UInt64})`;
  const cols = spanColumns(ctx);
  const entries = (scope: string, values: string, types: string) =>
    `arrayMap((k, v) -> ('${scope}', toString(k), ${entryType(ctx, types)}, v), mapKeys(${values}), mapValues(${values}))`;
  const intrinsics = (["name", "status", "kind"] as const)
    .map((name) => `('intrinsic', '${name}', 'str', toString(${groupExpr(ctx, { intrinsic: name }, "", params)}))`);
  const quantiles = `quantilesIf(${RANGE_QUANTILES.join(", ")})`;
  const sql = `
    WITH s AS (
      SELECT ${sel} AS sel, ${w} AS w, arrayConcat(
        ${entries("span", "SpanAttributes", cols.spanTypes)},
        ${entries("resource", "ResourceAttributes", cols.resourceTypes)},
        [${intrinsics.join(", ")}]) AS kvs
      FROM ${ctx.names.spans} WHERE ${where}${sampled ? ` AND ${keep}` : ""}
    ),
    kv AS (
      SELECT sel, w, e.1 AS scope, e.2 AS k, e.3 AS vt, e.4 AS sv, if(vt = 'num', toFloat64OrNull(sv), NULL) AS nv
      FROM s ARRAY JOIN kvs AS e WHERE vt != 'skip'
    ),
    nums AS (
      SELECT scope, k, uniqExact(nv) <= ${CATEGORICAL_NUMBERS} AS few,
             arraySort(arrayDistinct(arrayFilter(x -> isFinite(x),
               arrayConcat(${quantiles}(assumeNotNull(nv), sel = 1), ${quantiles}(assumeNotNull(nv), sel = 0))))) AS edges
      FROM kv WHERE vt = 'num' GROUP BY scope, k
    ),
    ids AS (
      SELECT scope, k FROM kv WHERE vt = 'str' GROUP BY scope, k HAVING uniq(sv) > count() * ${ID_LIKE_SHARE}
    ),
    vals AS (
      SELECT sel, w, scope, k, 'string' AS g, if((scope, k) IN (SELECT scope, k FROM ids), 'ids', vt) AS t,
             if(t = 'ids', '', sv) AS val, CAST([], 'Array(Float64)') AS edges
      FROM kv WHERE vt IN ('str', 'bool')
      UNION ALL
      SELECT kv.sel, kv.w, kv.scope, kv.k, 'number' AS g, if(n.few, 'num', 'range') AS t,
             if(n.few, toString(assumeNotNull(kv.nv)), toString(arrayCount(e -> e <= assumeNotNull(kv.nv), n.edges))) AS val, n.edges AS edges
      FROM kv INNER JOIN nums AS n ON kv.scope = n.scope AND kv.k = n.k WHERE kv.vt = 'num'
    )
    SELECT scope, k, g, t, val, sumIf(w, sel = 1) AS a, sumIf(w, sel = 0) AS b, CAST([], 'Array(Float64)') AS edges
    FROM vals GROUP BY scope, k, g, t, val
    HAVING t = 'range' OR (t != 'ids' AND a * {rs:Float64} + b * {rb:Float64} >= ${MIN_VALUE_SHARE})
    UNION ALL
    SELECT scope, k, g, 'total' AS t, '' AS val, sumIf(w, sel = 1) AS a, sumIf(w, sel = 0) AS b, CAST([], 'Array(Float64)') AS edges
    FROM vals GROUP BY scope, k, g
    UNION ALL
    SELECT scope, k, 'number', 'edges', '', 0, 0, edges FROM nums WHERE NOT few
    UNION ALL
    SELECT '', '', '', 'sides', '', sumIf(w, sel = 1), sumIf(w, sel = 0), CAST([], 'Array(Float64)') FROM s
    UNION ALL
    SELECT '', '', '', 'kept', '', countIf(sel = 1), countIf(sel = 0), CAST([], 'Array(Float64)') FROM s`;
  const raw = await rows<EngineRow>(ctx, sql, params);
  return shapeEngineRows(raw, { spans, size, weightBy: q.weightBy, limit });
}
