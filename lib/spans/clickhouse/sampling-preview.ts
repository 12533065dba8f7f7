import { isMatchAll as matchesAll } from "@/lib/traceql/match-all";
import type { SamplingPreviewCounts } from "../types";
import { rows, type ChContext, type Params } from "./context";
import { spanScope } from "./search";
import { traceSummariesSql } from "./trace-summaries";
import { compileStoreQuery } from "./span-filter";
import { matchedTracesSql } from "./traceql/compile";

/**
 * Traces starting in a time range, each counted under the first rule (in order) with a
 * span in the range that it matches, or under the default when none does: what the rules
 * would have decided, as DuckDB's store counts it (lib/spans/duckdb/sampling-preview.ts).
 * Span counts come from the trace summaries, which count distinct span ids, so a span
 * stored twice counts once.
 */
export async function samplingPreview(
  ctx: ChContext, projectId: number, rules: string[], startNs: bigint, endNs: bigint,
): Promise<SamplingPreviewCounts> {
  const params: Params = { project: projectId, start: startNs.toString(), end: endNs.toString() };
  const matched = rules.map((rule, i) => {
    if (matchesAll(rule)) return `SELECT DISTINCT TraceId AS trace_id FROM ${ctx.names.spans} WHERE ${spanScope(ctx)}`;
    const q = compileStoreQuery(ctx, rule, `r${i}_`);
    Object.assign(params, q.params);
    // One spanset (what sampling rules are): its spans' traces, without collecting the spans.
    if (q.where) return `SELECT DISTINCT TraceId AS trace_id FROM ${ctx.names.spans} WHERE ${spanScope(ctx)} AND (${q.where})`;
    return `SELECT trace_id FROM (${matchedTracesSql(q, ctx.names.spans, spanScope(ctx))})`;
  });
  const firstRule = matched.length
    ? `multiIf(${matched.map((m, i) => `trace_id IN (${m}), ${i}`).join(", ")}, -1)`
    : "-1";
  // A trace starting in the range has no summary row before the range's first day.
  const summaries = ctx.mode === "write"
    ? traceSummariesSql(ctx, () => "day >= toDate(fromUnixTimestamp64Nano({start:Int64}, 'UTC'))")
    : traceSummariesSql(ctx);
  const list = await rows<{ rule: number; traces: string; spans: string }>(ctx,
    `SELECT toInt32(${firstRule}) AS rule, count() AS traces, sum(span_count) AS spans
     FROM (${summaries}) WHERE start_ns BETWEEN {start:Int64} AND {end:Int64} GROUP BY rule`, params);
  const byRule = rules.map(() => ({ traces: 0, spans: 0 }));
  const unmatched = { traces: 0, spans: 0 };
  for (const r of list) {
    Object.assign(r.rule < 0 ? unmatched : byRule[r.rule], { traces: Number(r.traces), spans: Number(r.spans) });
  }
  return { byRule, unmatched };
}
