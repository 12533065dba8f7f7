import { quantileLiteral, type AttrRef, type Measure } from "@/lib/metrics/measure";
import type { GroupRef } from "@/lib/metrics/types";
import type { SpanFilter } from "./traceql/span-filter";
import { NO_PROMOTED_COLUMNS, promotedKey, type PromotedColumns } from "../layout";

type Params = Record<string, string | number | bigint | boolean>;

/** One typed value of an attribute: its dedicated column when it has one, else the map. */
function lookup(prefix: "attr" | "res", type: string, ref: AttrRef, param: string, columns: PromotedColumns) {
  return columns.get(promotedKey(prefix === "attr" ? "span" : "resource", type, ref.key)) ?? `${prefix}_${type}[${param}]`;
}

/** An attribute as text (group-by keys), across its typed maps. */
export function attrText(ref: AttrRef, param: string, columns: PromotedColumns = NO_PROMOTED_COLUMNS): string {
  const typed = (p: "attr" | "res") =>
    `coalesce(${lookup(p, "str", ref, param, columns)}, ${lookup(p, "int", ref, param, columns)}::VARCHAR, `
    + `${lookup(p, "dbl", ref, param, columns)}::VARCHAR, ${lookup(p, "bool", ref, param, columns)}::VARCHAR)`;
  if (ref.scope === "span") return typed("attr");
  if (ref.scope === "resource") return typed("res");
  return `coalesce(${typed("attr")}, ${typed("res")})`;
}

/** An attribute as a number (ints and doubles), for sums and percentiles. */
export function attrNumber(ref: AttrRef, param: string, columns: PromotedColumns = NO_PROMOTED_COLUMNS): string {
  const num = (p: "attr" | "res") => `coalesce(${lookup(p, "int", ref, param, columns)}::DOUBLE, ${lookup(p, "dbl", ref, param, columns)})`;
  if (ref.scope === "span") return num("attr");
  if (ref.scope === "resource") return num("res");
  return `coalesce(${num("attr")}, ${num("res")})`;
}

/** Drops parameters the SQL no longer mentions (a dedicated column replaced the map key):
 * DuckDB refuses to bind unused names. */
export function usedOnly<T>(sql: string, params: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(params).filter(([name]) => new RegExp(`\\$${name}(?![A-Za-z0-9_])`).test(sql)));
}

export function groupExpr(g: GroupRef, param: string, params: Params, columns: PromotedColumns): string {
  if ("log2Bucket" in g) {
    // The exponent of the power-of-two bucket (see GroupRef); lib/metrics turns it into Tempo's label.
    if (g.log2Bucket !== "duration") params[param] = g.log2Bucket.key;
    const v = g.log2Bucket === "duration" ? "duration_ns" : attrNumber(g.log2Bucket, `$${param}`, columns);
    return `CASE WHEN ${v} > 0 THEN ceil(log2(${v}))::BIGINT::VARCHAR END`;
  }
  if ("intrinsic" in g) {
    return {
      name: "name",
      service: "service_name",
      status: "CASE status_code WHEN 2 THEN 'error' WHEN 1 THEN 'ok' ELSE 'unset' END",
      kind: "CASE kind WHEN 1 THEN 'internal' WHEN 2 THEN 'server' WHEN 3 THEN 'client' WHEN 4 THEN 'producer' WHEN 5 THEN 'consumer' ELSE 'unspecified' END",
    }[g.intrinsic];
  }
  if (g.scope !== "span" && g.key === "service.name") return "service_name";
  params[param] = g.key;
  return attrText(g, `$${param}`, columns);
}

/** The per-span value a measure aggregates (NULL where the span lacks it). */
export function measureValue(m: Measure, params: Params, columns: PromotedColumns): string {
  if (!("of" in m)) return "NULL";
  if (m.of === "duration") return "duration_ns / 1e6";
  if (m.of === "trace") return "trace_id";
  params.mkey = m.of.key;
  return m.fn === "countDistinct" ? attrText(m.of, "$mkey", columns) : attrNumber(m.of, "$mkey", columns);
}

/**
 * The aggregate over `v`, `status_code` and `w`, the span's weight (1 / its sample rate).
 * What counts or adds up is weighted, so a span kept at 10% stands for ten: count, rate,
 * errorRate, sum and avg estimate what happened before sampling (HyperDX's `SampleRate`).
 * Percentiles, min and max stay unweighted: with one rate across the spans, a quantile
 * of the sample estimates the population's, and DuckDB has no weighted quantile. They are
 * exact over the kept spans: quantile_cont sorts every matching value in the bucket and
 * interpolates linearly between neighbours. Distinct values cannot be scaled up, so
 * countDistinct counts the kept ones.
 */
export function measureAggregate(m: Measure, stepSeconds: string): string {
  switch (m.fn) {
    case "count": return "sum(w)";
    case "rate": return `sum(w) / ${stepSeconds}`;
    case "errorRate": return "coalesce(sum(w) FILTER (WHERE status_code = 2), 0) / sum(w)";
    case "avg": return "weighted_avg(v, w)";
    case "min": return "min(v)";
    case "max": return "max(v)";
    case "sum": return "sum(v * w)";
    case "p50": return "quantile_cont(v, 0.5)";
    case "p90": return "quantile_cont(v, 0.9)";
    case "p95": return "quantile_cont(v, 0.95)";
    case "p99": return "quantile_cont(v, 0.99)";
    case "quantile": return `quantile_cont(v, ${quantileLiteral(m.q)})`;
    case "countDistinct": return "count(DISTINCT v)::DOUBLE";
  }
}

/** The filter as a WHERE fragment on `spans`, merging its params in. */
export function filterWhere(filter: SpanFilter | null, params: Params): string {
  if (!filter) return "TRUE";
  Object.assign(params, filter.params);
  if (filter.where) return `(${filter.where})`;
  if (filter.semi) return `(trace_id, span_id) IN (SELECT (trace_id, span_id) FROM (${filter.semi}))`;
  return "TRUE";
}

