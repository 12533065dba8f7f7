import type { DuckDBConnection } from "@duckdb/node-api";
import type { NormalizedSpan } from "@/lib/ingest/types";
import type { IngestResult } from "../types";
import { CHUNK_ROWS, spanChunk } from "./span-chunk";

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The summary row of each trace a batch touched, recomputed from all its stored spans
 * (spans of one trace arrive in many requests, in any order). */
const REBUILD_TRACES = `
  INSERT INTO traces
  SELECT project_id, trace_id, min(start_ns), max(end_ns), count(*)::INTEGER,
         count(*) FILTER (WHERE status_code = 2)::INTEGER,
         coalesce(arg_min(name, start_ns) FILTER (WHERE parent_span_id IS NULL), arg_min(name, start_ns)),
         coalesce(arg_min(service_name, start_ns) FILTER (WHERE parent_span_id IS NULL), arg_min(service_name, start_ns)),
         bool_or(parent_span_id IS NULL),
         list_sort(list_distinct(list(service_name)))
  FROM spans
  WHERE project_id = $1 AND trace_id IN (SELECT trace_id FROM touched)
  GROUP BY project_id, trace_id`;

/**
 * Appends spans to a temp staging table in column-wise chunks, then moves them into
 * `spans` skipping ones already stored, all in one transaction: a failed request
 * leaves nothing behind.
 */
export async function ingestSpans(conn: DuckDBConnection, projectId: number, spans: NormalizedSpan[]): Promise<IngestResult> {
  if (spans.length === 0) return { received: 0, stored: 0 };
  await conn.run("BEGIN TRANSACTION");
  try {
    const appender = await conn.createAppender("spans_staging", "main", "temp");
    try {
      for (let i = 0; i < spans.length; i += CHUNK_ROWS) {
        appender.appendDataChunk(spanChunk(projectId, spans.slice(i, i + CHUNK_ROWS)));
        // The appender runs on the main thread: let waiting readers in between chunks.
        if (i + CHUNK_ROWS < spans.length) await yieldToEventLoop();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    const inserted = await conn.run(
      "INSERT OR IGNORE INTO spans SELECT DISTINCT ON (project_id, trace_id, span_id) * FROM spans_staging",
    );
    const stored = Number(inserted.rowsChanged);
    if (stored > 0) {
      await conn.run("CREATE OR REPLACE TEMP TABLE touched AS SELECT DISTINCT trace_id FROM spans_staging");
      await conn.run("DELETE FROM traces WHERE project_id = $1 AND trace_id IN (SELECT trace_id FROM touched)", [projectId]);
      await conn.run(REBUILD_TRACES, [projectId]);
    }
    await conn.run("DELETE FROM spans_staging");
    await conn.run("COMMIT");
    return { received: spans.length, stored };
  } catch (err) {
    await conn.run("ROLLBACK").catch(() => undefined);
    throw err;
  }
}
