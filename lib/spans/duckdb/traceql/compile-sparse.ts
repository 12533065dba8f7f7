import type { AttributeScope } from "@/lib/traceql/ast";
import type { MapType } from "./compile-attribute";
import type { ParamBag } from "./params";

type ConcreteScope = "span" | "resource";
type Comparison = (lookup: (map: MapType) => string) => { sql: string; maps: MapType[] };

const INT64_MAX = "9223372036854775807";

/**
 * A typed attribute comparison answered by the sparse-attribute index (lib/spans/duckdb/
 * sparse-attributes.ts): a subquery of the matching spans' trace_id, span_id, start_ns and
 * name, or null when a read it needs has a dedicated column, which the index leaves out.
 * `compare` renders the comparison over one typed read, as for the maps.
 *
 * One (scope, map) is a plain WHERE on its value column; several (unscoped, or int and
 * double) group the span's rows so coalesce picks the value the maps would, e.g. the
 * span's over the resource's.
 *
 * The organiser stops indexing a key once it is hot (promoted, or about to be), which may
 * happen after this query was compiled. So a second branch reads the maps of the window's
 * spans when the key is listed in unindexed_keys by the time the query runs; otherwise its
 * start_ns bound is past every span and zone maps skip the whole scan. Either way it only
 * adds true matches, and UNION drops the spans both branches find.
 */
export function sparseSubquery(
  scope: Exclude<AttributeScope, "event">, keyRef: string, params: ParamBag, compare: Comparison,
): string | null {
  const scopes: ConcreteScope[] = scope === "unscoped" ? ["span", "resource"] : [scope];
  const { maps } = compare(() => "NULL");
  if (scopes.some((sc) => maps.some((m) => params.promotedColumn(sc, m, keyRef)))) return null;
  const single = scopes.length * maps.length === 1;
  const value = (sc: ConcreteScope, m: MapType) => (single ? `${m}_value` : `any_value(${m}_value) FILTER (WHERE scope = '${sc}')`);
  const test = compare((m) => (scope === "unscoped" ? `coalesce(${value("span", m)}, ${value("resource", m)})` : value(scope, m))).sql;
  const where = [
    "project_id = $project::INTEGER", "start_ns BETWEEN $start::BIGINT AND $end::BIGINT", `key = ${keyRef}`,
    ...(scopes.length === 1 ? [`scope = '${scopes[0]}'`] : []),
  ];
  const columns = "trace_id, span_id, start_ns, name";
  const indexed = single
    ? `SELECT ${columns} FROM sparse_attributes WHERE ${[...where, test].join(" AND ")}`
    : `SELECT ${columns} FROM sparse_attributes WHERE ${where.join(" AND ")} AND (${maps.map((m) => `${m}_value IS NOT NULL`).join(" OR ")})
    GROUP BY ${columns} HAVING ${test}`;

  const pairs = scopes.flatMap((sc) => maps.map((m) => `('${sc}', '${m}')`)).join(", ");
  const unindexed = `SELECT CASE WHEN count(*) > 0 THEN $start::BIGINT ELSE ${INT64_MAX} END FROM unindexed_keys
      WHERE key = ${keyRef} AND (scope, type) IN (${pairs})`;
  const read = (sc: ConcreteScope, m: MapType) => `ms.${sc === "span" ? "attr" : "res"}_${m}[${keyRef}]`;
  const viaMaps = compare((m) => (scope === "unscoped" ? `coalesce(${read("span", m)}, ${read("resource", m)})` : read(scope, m))).sql;
  return `${indexed}
    UNION SELECT ${columns} FROM spans ms WHERE ms.project_id = $project::INTEGER
      AND ms.start_ns BETWEEN $start::BIGINT AND $end::BIGINT AND ms.start_ns >= (${unindexed}) AND ${viaMaps}`;
}

/**
 * A span of `s` is in an index subquery's result. The start joins too: with few matches,
 * DuckDB skips the row groups whose start_ns range holds none of them.
 */
export const sparseAtom = (subquery: string) =>
  `(s.start_ns, s.trace_id, s.span_id) IN (SELECT start_ns, trace_id, span_id FROM (${subquery}))`;
