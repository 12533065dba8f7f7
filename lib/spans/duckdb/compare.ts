import type { DuckDBConnection } from "@duckdb/node-api";
import type { CompareResult } from "@/lib/contract";
import {
  CATEGORICAL_NUMBERS, ID_LIKE_SHARE, COMPARE_SAMPLE_SPANS, MIN_VALUE_SHARE, RANGE_QUANTILES, SAMPLE_BUCKETS, sampleFraction,
  scanFraction,
} from "@/lib/compare/limits";
import { shapeEngineRows } from "@/lib/compare/shape";
import { compareWindows, type CompareWindow } from "@/lib/compare/windows";
import type { CompareQuery } from "../types";
import type { PromotedColumns } from "../layout";
import { attrNumber, filterWhere, groupExpr, usedOnly } from "./metrics-sql";
import type { SpanFilter } from "./traceql/span-filter";

type Params = Record<string, string | number | bigint | boolean>;

export interface CompiledCompareQuery extends Omit<CompareQuery, "selection" | "baseline"> {
  selection: SpanFilter | null;
  baseline: SpanFilter | null;
}

/** Each scalar map, unnested to (scope, type, key, text value, number value). Arrays and kvlists are left out. */
const MAPS = [
  ["span", "attr"], ["resource", "res"],
].flatMap(([scope, p]) => [
  `SELECT sel, w, '${scope}' AS scope, 'str' AS t, unnest(map_keys(${p}_str)) AS k, unnest(map_values(${p}_str)) AS sv, NULL::DOUBLE AS nv FROM sp`,
  `SELECT sel, w, '${scope}', 'bool', unnest(map_keys(${p}_bool)), unnest(map_values(${p}_bool))::VARCHAR, NULL FROM sp`,
  `SELECT sel, w, '${scope}', 'num', unnest(map_keys(${p}_int)), NULL, unnest(map_values(${p}_int))::DOUBLE FROM sp`,
  // NaN and the infinities would make ranges meaningless; they are stored as JSON, not here.
  `SELECT sel, w, '${scope}', 'num', unnest(map_keys(${p}_dbl)), NULL, unnest(map_values(${p}_dbl)) FROM sp`,
]);
const INTRINSICS = ["name", "status", "kind"] as const;

/**
 * Compares the selection (its query over its window) with the baseline (its query over its
 * own window, minus the selected spans) in two statements: the side sizes (which decide
 * sampling), then every attribute at once. The spans of both sides are read once into `sp`
 * and unnested once into `kv` (one row per span attribute); strings are counted per value
 * (values above MIN_VALUE_SHARE come back), numbers with few distinct values likewise,
 * other numbers per range between shared edges: quantiles of each side, merged, so both
 * sides are cut at the same places and a tail only the selection has gets its own ranges.
 *
 * Decoding the attribute maps is most of the cost, and a row filter still decodes every
 * vector it touches; so past COMPARE_SCAN_SPANS spans in the range, whole vectors are
 * sampled (the system sample), then each side is thinned by span id hash.
 */
export async function compareGroups(conn: DuckDBConnection, q: CompiledCompareQuery, columns: PromotedColumns): Promise<CompareResult> {
  const win = compareWindows(q);
  // $start/$end span both windows: the scan, and the bounds sparse-key lookups in the filters read.
  const params: Params = { project: q.projectId, start: win.scan.startNs, end: win.scan.endNs };
  const within = (side: "sel" | "base", w: CompareWindow, whole: boolean) => {
    if (whole) return "";
    params[`${side}_from`] = w.startNs;
    params[`${side}_to`] = w.endNs;
    return `start_ns >= $${side}_from::BIGINT AND start_ns < $${side}_to::BIGINT AND `;
  };
  // A condition on a missing attribute is NULL, not false: such spans belong to the baseline.
  const sel = `(${within("sel", win.selection, win.selectionIsScan)}coalesce(${filterWhere(q.selection, params)}, FALSE))`;
  const base = `(${within("base", win.baseline, win.baselineIsScan)}coalesce(${filterWhere(q.baseline, params)}, FALSE))`;
  const rate = "(1.0 / sample_rate)";
  if (q.weightBy) params.wkey = q.weightBy.key;
  const w = q.weightBy ? `(greatest(coalesce(${attrNumber(q.weightBy, "$wkey::VARCHAR", columns)}, 0), 0) * ${rate})` : rate;
  const scope = `project_id = $project::INTEGER AND start_ns >= $start::BIGINT AND start_ns < $end::BIGINT`;
  // Every span starting in either window, matched or not: a side's maps are decoded for all of them.
  const inWindows = win.selectionIsScan || win.baselineIsScan ? "TRUE"
    : "(start_ns >= $sel_from::BIGINT AND start_ns < $sel_to::BIGINT OR start_ns >= $base_from::BIGINT AND start_ns < $base_to::BIGINT)";

  const sizeSql = `SELECT count(*) FILTER (WHERE in_windows) AS n_windows, count(*) FILTER (WHERE is_sel) AS n_sel,
      count(*) FILTER (WHERE is_base) AS n_base,
      coalesce(sum(w) FILTER (WHERE is_sel), 0) AS w_sel, coalesce(sum(w) FILTER (WHERE is_base), 0) AS w_base
    FROM (SELECT ${inWindows} AS in_windows, ${sel} AS is_sel, NOT ${sel} AND ${base} AS is_base, ${w} AS w FROM spans s WHERE ${scope})`;
  const [size] = (await conn.runAndReadAll(sizeSql, usedOnly(sizeSql, params))).getRowObjectsJS() as {
    n_windows: bigint; n_sel: bigint; n_base: bigint; w_sel: number; w_base: number;
  }[];
  const spans = { selection: Number(size.n_sel), baseline: Number(size.n_base) };
  const limit = q.sampleLimit ?? COMPARE_SAMPLE_SPANS;
  // Vectors to read: a share of the windows' spans (not of a gap between two windows apart), raised so the selection keeps enough.
  const scan = scanFraction({ selection: spans.selection, inWindows: Number(size.n_windows) }, limit);
  // Then each side is thinned to about `limit` spans of those read.
  const thin = { selection: sampleFraction(spans.selection * scan, limit), baseline: sampleFraction(spans.baseline * scan, limit) };
  params.keep_sel = Math.ceil(thin.selection * SAMPLE_BUCKETS);
  params.keep_base = Math.ceil(thin.baseline * SAMPLE_BUCKETS);
  // Combined shares decide which values come back; each side's total is estimated from its full one.
  // An empty side has no shares (0, not 1/tiny: DuckDB's binder takes a whole-valued double as a BIGINT).
  const inverse = (w: number) => (w > 0 ? 1 / w : 0);
  params.rs = inverse(Number(size.w_sel) * scan * thin.selection);
  params.rb = inverse(Number(size.w_base) * scan * thin.baseline);

  const intrinsics = INTRINSICS.map((name) =>
    `SELECT sel, w, 'intrinsic', 'str', '${name}', ${groupExpr({ intrinsic: name }, "", params, columns)}, NULL FROM sp`);
  const thinned = thin.selection < 1 || thin.baseline < 1
    ? ` AND hash(span_id) % ${SAMPLE_BUCKETS} < CASE WHEN ${sel} THEN $keep_sel::BIGINT ELSE $keep_base::BIGINT END` : "";
  // The system sample skips whole vectors, maps and all: a row-wise filter still decodes every map.
  const sample = scan < 1 ? ` TABLESAMPLE ${(scan * 100).toFixed(4)}% (system, 7)` : "";
  const q1 = RANGE_QUANTILES.join(", ");
  const sql = `
    WITH sp AS MATERIALIZED (
      SELECT ${sel} AS sel, ${w} AS w, attr_str, attr_int, attr_dbl, attr_bool, res_str, res_int, res_dbl, res_bool,
             name, status_code, kind
      FROM spans s${sample} WHERE ${scope} AND (${sel} OR ${base})${thinned}
    ),
    kv AS MATERIALIZED (${[...MAPS, ...intrinsics].join("\n UNION ALL ")}),
    nums AS MATERIALIZED (
      SELECT scope, k, count(DISTINCT nv) <= ${CATEGORICAL_NUMBERS} AS few,
             list_sort(list_distinct(list_concat(
               coalesce(quantile_disc(nv, [${q1}]) FILTER (WHERE sel), []),
               coalesce(quantile_disc(nv, [${q1}]) FILTER (WHERE NOT sel), [])))) AS edges
      FROM kv WHERE t = 'num' AND isfinite(nv) GROUP BY scope, k
    ),
    ids AS (
      SELECT scope, k FROM kv WHERE t = 'str' GROUP BY scope, k HAVING approx_count_distinct(sv) > count(*) * ${ID_LIKE_SHARE}
    ),
    vals AS (
      SELECT sel, w, scope, k, 'string' AS g, CASE WHEN i.k IS NULL THEN t ELSE 'ids' END AS t, CASE WHEN i.k IS NULL THEN sv END AS sv
      FROM kv LEFT JOIN ids i USING (scope, k) WHERE t IN ('str', 'bool')
      UNION ALL
      SELECT sel, w, scope, k, 'number', CASE WHEN few THEN 'num' ELSE 'range' END,
             CASE WHEN few THEN nv::VARCHAR ELSE len(list_filter(edges, e -> e <= nv))::VARCHAR END
      FROM kv JOIN nums USING (scope, k) WHERE t = 'num' AND isfinite(nv)
    )
    SELECT scope, k, g, CASE WHEN grouping(t, sv) = 0 THEN t ELSE 'total' END AS t, sv,
           coalesce(sum(w) FILTER (WHERE sel), 0) AS a, coalesce(sum(w) FILTER (WHERE NOT sel), 0) AS b, NULL::DOUBLE[] AS edges
    FROM vals GROUP BY GROUPING SETS ((scope, k, g, t, sv), (scope, k, g))
    HAVING grouping(t, sv) <> 0 OR t = 'range' OR (t <> 'ids' AND a * $rs::DOUBLE + b * $rb::DOUBLE >= ${MIN_VALUE_SHARE})
    UNION ALL
    SELECT scope, k, 'number', 'edges', NULL, 0, 0, edges FROM nums WHERE NOT few
    UNION ALL
    SELECT '', '', '', 'sides', NULL, coalesce(sum(w) FILTER (WHERE sel), 0), coalesce(sum(w) FILTER (WHERE NOT sel), 0), NULL FROM sp
    UNION ALL
    SELECT '', '', '', 'kept', NULL, count(*) FILTER (WHERE sel), count(*) FILTER (WHERE NOT sel), NULL FROM sp`;
  const raw = (await conn.runAndReadAll(sql, usedOnly(sql, params))).getRowObjectsJS() as {
    scope: string; k: string; g: string; t: string; sv: string | null; a: number; b: number; edges: number[] | null;
  }[];
  return shapeEngineRows(raw.map((r) => ({ ...r, val: r.sv })), { spans, size, weightBy: q.weightBy, limit });
}
