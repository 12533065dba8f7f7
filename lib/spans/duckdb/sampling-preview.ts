import type { DuckDBConnection } from "@duckdb/node-api";
import type { SamplingPreviewCounts } from "../types";
import type { CompiledTraceQL } from "./traceql";

/**
 * Traces of a time range, each counted under the first rule (in order) with a span it
 * matches, or under the default when none does: what the rules would have decided.
 */
export async function samplingPreview(
  conn: DuckDBConnection, projectId: number, matches: CompiledTraceQL[], startNs: bigint, endNs: bigint,
): Promise<SamplingPreviewCounts> {
  const range = { project: projectId, start: startNs, end: endNs };
  for (const [i, m] of matches.entries()) {
    await conn.run(`CREATE OR REPLACE TEMP TABLE rule_${i} AS SELECT DISTINCT trace_id FROM (${m.sql})`, { ...m.params, ...range });
  }
  const firstRule = matches.length
    ? `CASE ${matches.map((_, i) => `WHEN t.trace_id IN (SELECT trace_id FROM rule_${i}) THEN ${i}`).join(" ")} ELSE -1 END`
    : "-1";
  const rows = (await conn.runAndReadAll(
    `SELECT ${firstRule} AS rule, count(*)::BIGINT AS traces, sum(t.span_count)::BIGINT AS spans FROM traces t
     WHERE t.project_id = $project AND t.start_ns BETWEEN $start AND $end GROUP BY ALL`,
    range,
  )).getRowObjectsJS() as { rule: number; traces: bigint; spans: bigint }[];
  const byRule = matches.map(() => ({ traces: 0, spans: 0 }));
  const unmatched = { traces: 0, spans: 0 };
  for (const r of rows) Object.assign(r.rule < 0 ? unmatched : byRule[r.rule], { traces: Number(r.traces), spans: Number(r.spans) });
  return { byRule, unmatched };
}
