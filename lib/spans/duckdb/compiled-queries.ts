import type { FunnelQuery } from "@/lib/metrics/funnel-types";
import type { MetricsQuery } from "@/lib/metrics/types";
import type { PromotedColumns } from "../layout";
import type { CompareQuery, TraceSearchQuery } from "../types";
import type { CompiledCompareQuery } from "./compare";
import { compileSpanFilter, compileTraceQL, type CompiledTraceQL } from "./traceql";
import type { SpanFilter } from "./traceql/span-filter";
import { isMatchAll as matchesAll } from "@/lib/traceql/match-all";

/*
 * The store's callers hand it TraceQL; DuckDB's SQL is made here, against this store's
 * own layout (its promoted columns), and nowhere outside lib/spans/duckdb.
 */

export type CompiledSearch<Q extends { q: string } = TraceSearchQuery> = Omit<Q, "q"> & { match: CompiledTraceQL | null };
export type CompiledMetricsQuery = Omit<MetricsQuery, "filter"> & { filter: SpanFilter | null };
export type CompiledFunnelQuery = Omit<FunnelQuery, "steps"> & { steps: SpanFilter[] };


export function compileSearch<Q extends { q: string }>(query: Q, columns: PromotedColumns): CompiledSearch<Q> {
  const { q, ...rest } = query;
  return { ...rest, match: matchesAll(q) ? null : compileTraceQL(q, { columns }) };
}

export function compileMetricsQuery(query: MetricsQuery, columns: PromotedColumns): CompiledMetricsQuery {
  return { ...query, filter: matchesAll(query.filter) ? null : compileSpanFilter(query.filter!, "f", columns) };
}

export function compileFunnelQuery(query: FunnelQuery, columns: PromotedColumns): CompiledFunnelQuery {
  // Each step gets its own parameter names: all steps run in one statement.
  const steps = query.steps.map((s, i) => {
    const f = compileSpanFilter(s, `s${i}_`, columns);
    if (!f) throw new Error(`funnel step ${i} matches every span; callers refuse that`);
    return f;
  });
  return { ...query, steps };
}

export function compileRules(rules: string[], columns: PromotedColumns): CompiledTraceQL[] {
  return rules.map((r) => compileTraceQL(r, { columns }));
}

/** Selection and baseline with their own parameter names: both sit in every statement of a comparison. */
export function compileCompareQuery(query: CompareQuery, columns: PromotedColumns): CompiledCompareQuery {
  const filter = (q: string, prefix: string) => (matchesAll(q) ? null : compileSpanFilter(q, prefix, columns));
  return { ...query, selection: filter(query.selection, "sel_"), baseline: filter(query.baseline, "base_") };
}
