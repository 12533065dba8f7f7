import type { DuckDBConnection } from "@duckdb/node-api";
import type { CompareResult } from "@/lib/contract";
import {
  CATEGORICAL_NUMBERS, ENGINE_TOP_VALUES, RANGE_QUANTILES, SAMPLE_BUCKETS, COMPARE_SAMPLE_SPANS, sampleFraction,
} from "@/lib/compare/limits";
import { shapeComparison, type CompareRow } from "@/lib/compare/shape";
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
 * Compares the selection with the baseline in two statements: the side sizes (which decide
 * sampling), then every attribute at once. The spans of both sides are read once into `s`
 * and unnested once into `kv` (one row per span attribute); strings are counted per value
 * (the top ENGINE_TOP_VALUES per key by combined share come back), numbers with few
 * distinct values likewise, other numbers per range between shared edges: the quartile-ish
 * quantiles of each side, merged, so both sides are cut at the same places and a tail that
 * only the selection has still gets its own ranges.
 */
export async function compareGroups(conn: DuckDBConnection, q: CompiledCompareQuery, columns: PromotedColumns): Promise<CompareResult> {
  const params: Params = { project: q.projectId, start: q.startNs, end: q.endNs };
  // A condition on a missing attribute is NULL, not false: such spans belong to the baseline.
  const sel = `coalesce(${filterWhere(q.selection, params)}, FALSE)`;
  const base = filterWhere(q.baseline, params);
  const rate = "(1.0 / sample_rate)";
  if (q.weightBy) params.wkey = q.weightBy.key;
  const w = q.weightBy ? `(greatest(coalesce(${attrNumber(q.weightBy, "$wkey::VARCHAR", columns)}, 0), 0) * ${rate})` : rate;
  const scope = `project_id = $project::INTEGER AND start_ns >= $start::BIGINT AND start_ns < $end::BIGINT`;

  const sizeSql = `SELECT count(*) FILTER (WHERE is_sel) AS n_sel, count(*) FILTER (WHERE NOT is_sel) AS n_base,
      coalesce(sum(w) FILTER (WHERE is_sel), 0) AS w_sel, coalesce(sum(w) FILTER (WHERE NOT is_sel), 0) AS w_base
    FROM (SELECT ${sel} AS is_sel, ${w} AS w FROM spans s WHERE ${scope} AND (${sel} OR ${base}))`;
  const [size] = (await conn.runAndReadAll(sizeSql, usedOnly(sizeSql, params))).getRowObjectsJS() as {
    n_sel: bigint; n_base: bigint; w_sel: number; w_base: number;
  }[];
  const spans = { selection: Number(size.n_sel), baseline: Number(size.n_base) };
  const limit = q.sampleLimit ?? COMPARE_SAMPLE_SPANS;
  const fraction = { selection: sampleFraction(spans.selection, limit), baseline: sampleFraction(spans.baseline, limit) };
  const sampled = fraction.selection < 1 || fraction.baseline < 1;
  params.keep_sel = Math.ceil(fraction.selection * SAMPLE_BUCKETS);
  params.keep_base = Math.ceil(fraction.baseline * SAMPLE_BUCKETS);
  // Ranking values within a key by combined share needs each side's total; the sample's is the full one scaled.
  params.rs = 1 / Math.max(Number(size.w_sel) * fraction.selection, 1e-300);
  params.rb = 1 / Math.max(Number(size.w_base) * fraction.baseline, 1e-300);

  const intrinsics = INTRINSICS.map((name) =>
    `SELECT sel, w, 'intrinsic', 'str', '${name}', ${groupExpr({ intrinsic: name }, "", params, columns)}, NULL FROM sp`);
  const keep = `hash(span_id) % ${SAMPLE_BUCKETS} < CASE WHEN ${sel} THEN $keep_sel::BIGINT ELSE $keep_base::BIGINT END`;
  const q1 = RANGE_QUANTILES.join(", ");
  const sql = `
    WITH sp AS MATERIALIZED (
      SELECT ${sel} AS sel, ${w} AS w, attr_str, attr_int, attr_dbl, attr_bool, res_str, res_int, res_dbl, res_bool,
             name, status_code, kind
      FROM spans s WHERE ${scope} AND (${sel} OR ${base})${sampled ? ` AND ${keep}` : ""}
    ),
    kv AS MATERIALIZED (${[...MAPS, ...intrinsics].join("\n UNION ALL ")}),
    nums AS (
      SELECT scope, k, count(DISTINCT nv) <= ${CATEGORICAL_NUMBERS} AS few,
             list_sort(list_distinct(list_concat(
               coalesce(approx_quantile(nv, [${q1}]) FILTER (WHERE sel), []),
               coalesce(approx_quantile(nv, [${q1}]) FILTER (WHERE NOT sel), [])))) AS edges
      FROM kv WHERE t = 'num' AND isfinite(nv) GROUP BY scope, k
    ),
    vals AS (
      SELECT sel, w, scope, k, 'string' AS g, t, sv FROM kv WHERE t IN ('str', 'bool')
      UNION ALL
      SELECT sel, w, scope, k, 'number', CASE WHEN few THEN 'num' ELSE 'range' END,
             CASE WHEN few THEN nv::VARCHAR ELSE len(list_filter(edges, e -> e <= nv))::VARCHAR END
      FROM kv JOIN nums USING (scope, k) WHERE t = 'num' AND isfinite(nv)
    ),
    counted AS (
      SELECT scope, k, g, CASE WHEN grouping(t, sv) = 0 THEN t ELSE 'total' END AS t, sv,
             coalesce(sum(w) FILTER (WHERE sel), 0) AS a, coalesce(sum(w) FILTER (WHERE NOT sel), 0) AS b
      FROM vals GROUP BY GROUPING SETS ((scope, k, g, t, sv), (scope, k, g))
    ),
    ranked AS (
      SELECT *, row_number() OVER (PARTITION BY scope, k, g, t ORDER BY a * $rs::DOUBLE + b * $rb::DOUBLE DESC, sv) AS rn
      FROM counted
    )
    SELECT c.scope, c.k, c.g, c.t, c.sv, c.a, c.b, CASE WHEN c.t = 'total' AND c.g = 'number' THEN n.edges END AS edges
    FROM ranked c LEFT JOIN nums n ON c.t = 'total' AND c.g = 'number' AND n.scope = c.scope AND n.k = c.k
    WHERE c.t IN ('total', 'range') OR c.rn <= ${ENGINE_TOP_VALUES}
    UNION ALL
    SELECT '', '', '', 'sides', NULL, coalesce(sum(w) FILTER (WHERE sel), 0), coalesce(sum(w) FILTER (WHERE NOT sel), 0), NULL FROM sp`;
  const raw = (await conn.runAndReadAll(sql, usedOnly(sql, params))).getRowObjectsJS() as {
    scope: string; k: string; g: string; t: string; sv: string | null; a: number; b: number; edges: number[] | null;
  }[];
  const sides = raw.find((r) => r.t === "sides")!;
  const rows: CompareRow[] = raw.filter((r) => r.t !== "sides").map((r) => ({
    scope: r.scope as CompareRow["scope"], key: r.k, type: r.g as CompareRow["type"], valueType: r.t as CompareRow["valueType"],
    value: r.sv, selection: Number(r.a), baseline: Number(r.b), edges: r.edges ? [...r.edges].map(Number) : null,
  }));
  const { attributes } = shapeComparison({ rows, totals: { selection: Number(sides.a), baseline: Number(sides.b) } });
  return {
    attributes,
    selection: { spans: spans.selection, total: Number(size.w_sel) },
    baseline: { spans: spans.baseline, total: Number(size.w_base) },
    weightBy: q.weightBy ? `${q.weightBy.scope === "any" ? "" : q.weightBy.scope}.${q.weightBy.key}` : null,
    ...(sampled ? { sampled: { ...fraction, limit } } : {}),
  };
}
