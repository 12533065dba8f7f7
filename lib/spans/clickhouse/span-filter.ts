import { attrMaps, type ChContext, type Params } from "./context";
import { traceSummariesSql } from "./trace-summaries";
import { compileChQuery, matchedSpansSql, type CompiledChQuery } from "./traceql/compile";

/** Spans starting in [start, end): the window charts and comparisons read. */
export const SPAN_WINDOW = "Timestamp >= fromUnixTimestamp64Nano({start:Int64}, 'UTC')"
  + " AND Timestamp < fromUnixTimestamp64Nano({end:Int64}, 'UTC')";

/** TraceQL compiled as this store reads attributes: typed maps in write mode, hot-key columns where they exist. */
export function compileStoreQuery(ctx: ChContext, query: string, prefix: string): CompiledChQuery {
  return compileChQuery(query, { maps: attrMaps(ctx), traces: () => traceSummariesSql(ctx) }, prefix);
}

/**
 * A TraceQL query as a condition on span rows: a single `{ … }` is its own span condition;
 * anything else (structural, pipelines, `&&` between spansets) is membership of the spans it
 * matches among those of `scope`. Its parameters go into `params`, renamed by `prefix`.
 */
export function spanFilter(ctx: ChContext, query: string, prefix: string, params: Params, scope: string): string {
  const q = compileStoreQuery(ctx, query, prefix);
  Object.assign(params, q.params);
  if (q.where) return `(${q.where})`;
  return `((TraceId, SpanId) IN (SELECT trace_id, span_id FROM (${matchedSpansSql(q, ctx.names.spans, scope)})))`;
}
