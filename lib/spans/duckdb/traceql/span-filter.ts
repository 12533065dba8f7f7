/**
 * Which spans count, compiled for DuckDB. `where` is a condition on one `spans` row (fast:
 * one scan); `semi` is SQL yielding (trace_id, span_id) for structural queries. Both use $-params.
 */
export interface SpanFilter {
  where?: string;
  semi?: string;
  params: Record<string, string | number | bigint | boolean>;
}
import { registerAggregateFields } from "./compile-aggregate";
import { compileSpanset, isMatchAll, leafSql } from "./compile-spanset";
import { parseTraceQL } from "@/lib/traceql/parse";
import { SqlBuilder, usedParams } from "./sql-builder";
import type { PromotedColumns } from "../../layout";

/**
 * A query as the set of spans it matches, for charts and funnels (which count spans,
 * not traces). A single `{ ... }` becomes a WHERE on `spans s` (one scan); anything
 * structural becomes SQL yielding (trace_id, span_id). Null for `{}` or an empty query:
 * every span. `prefix` renames the parameters so several filters can share one statement.
 */
export function compileSpanFilter(query: string, prefix = "f", columns?: PromotedColumns): SpanFilter | null {
  if (!query.trim()) return null;
  const ast = parseTraceQL(query);
  if (isMatchAll(ast)) return null;
  const b = new SqlBuilder(columns);
  if (ast.kind === "filter") {
    const { from, cond } = leafSql(ast.condition, b);
    if (from === "spans s") return rename({ where: cond, params: usedParams(cond, b.params.values) }, prefix);
  }
  registerAggregateFields(ast, b);
  const name = compileSpanset(ast, b);
  const semi = `${b.withClause()}SELECT trace_id, span_id FROM ${name}`;
  return rename({ semi, params: usedParams(semi, b.params.values) }, prefix);
}

// Parameter references are the only `$p<n>` tokens in compiled SQL: values are never spliced in.
function rename(f: SpanFilter, prefix: string): SpanFilter {
  const swap = (sql?: string) => sql?.replace(/\$p(\d+)\b/g, `$${prefix}p$1`);
  const params = Object.fromEntries(Object.entries(f.params).map(([k, v]) => [`${prefix}${k}`, v]));
  return { where: swap(f.where), semi: swap(f.semi), params };
}
