import type { DuckDBConnection } from "@duckdb/node-api";
import { normalizeTraceIdForLookup } from "../trace-id";
import type { TraceSummary } from "@/lib/contract";

/** One trace's summary row (kept at ingest): a cheap "does it exist" for pages, never the spans. */
export async function getTraceSummary(conn: DuckDBConnection, projectId: number, rawTraceId: string): Promise<TraceSummary | null> {
  const traceId = normalizeTraceIdForLookup(rawTraceId);
  if (!traceId) return null;
  const reader = await conn.runAndReadAll(
    `SELECT trace_id, root_name, root_service, start_ns, end_ns - start_ns AS duration_ns, span_count, error_count
     FROM traces WHERE project_id = $project AND trace_id = $trace`,
    { project: projectId, trace: traceId },
  );
  const r = reader.getRowObjectsJS()[0] as
    | { trace_id: string; root_name: string; root_service: string; start_ns: bigint; duration_ns: bigint; span_count: number; error_count: number }
    | undefined;
  if (!r) return null;
  return {
    traceId: r.trace_id, rootName: r.root_name, rootService: r.root_service, startTimeUnixNano: r.start_ns.toString(),
    durationMs: Number(r.duration_ns) / 1e6, spanCount: r.span_count, errorCount: r.error_count,
  };
}
