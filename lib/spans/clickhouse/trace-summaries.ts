import { projectFilter, spanColumns, type ChContext } from "./context";
import { IS_ERROR } from "./schema";

/**
 * One row per trace of the project: trace_id, start_ns and end_ns (Int64 nanoseconds),
 * span_count, error_count, root_name, root_service. In write mode from the summaries the
 * materialized view keeps (one row per trace and day, merged here); in read mode from the
 * collector's spans. `where` narrows the rows before they are merged (e.g. by trace id).
 * Needs {project:UInt32} in write mode.
 */
export function traceSummariesSql(ctx: ChContext, where: (traceIdColumn: string) => string = () => "1"): string {
  if (ctx.mode === "write") {
    return `SELECT trace_id, toUnixTimestamp64Nano(min(start_time)) AS start_ns, toUnixTimestamp64Nano(max(end_time)) AS end_ns,
        uniqExactMerge(span_ids) AS span_count, uniqExactIfMerge(error_span_ids) AS error_count,
        argMinMerge(root) AS root, root.1 AS root_name, root.2 AS root_service
      FROM ${ctx.names.summaries} WHERE project_id = {project:UInt32} AND ${where("trace_id")} GROUP BY trace_id`;
  }
  return `SELECT TraceId AS trace_id, toUnixTimestamp64Nano(min(Timestamp)) AS start_ns,
      toUnixTimestamp64Nano(max(addNanoseconds(Timestamp, Duration))) AS end_ns,
      uniqExact(SpanId) AS span_count, uniqExactIf(SpanId, ${IS_ERROR}) AS error_count,
      argMin((toString(SpanName), ${spanColumns(ctx).service}), (ParentSpanId != '', Timestamp, SpanId)) AS root,
      root.1 AS root_name, root.2 AS root_service
    FROM ${ctx.names.spans} WHERE ${projectFilter(ctx)}${where("TraceId")} GROUP BY TraceId`;
}
