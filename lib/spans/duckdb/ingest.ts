import type { DuckDBConnection } from "@duckdb/node-api";
import type { NormalizedSpan } from "@/lib/ingest/types";
import type { IngestResult } from "../types";
import { CATALOG_ENTRIES_SQL, UPSERT_KEYS_SQL, UPSERT_VALUES_SQL } from "./catalog-sql";
import type { PromotedColumns } from "../layout";
import { promotedSources } from "./promotion";
import { SPAN_COLUMN_NAMES, STAGED_TO_SPAN } from "./schema";
import { CHUNK_ROWS, spanChunk } from "./span-chunk";

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Stored span keys of the batch's traces that already exist: only those can be resent.
 * Looking in `traces` first keeps the common case (all-new traces) off the span table. */
const KNOWN_SPANS = `
  CREATE OR REPLACE TEMP TABLE known AS
  SELECT trace_id, span_id FROM spans
  WHERE project_id = $project AND trace_id IN (
    SELECT trace_id FROM traces WHERE project_id = $project AND trace_id IN (SELECT trace_id FROM touched))`;

const FRESH_SPANS = `
  CREATE OR REPLACE TEMP TABLE fresh AS
  SELECT ${STAGED_TO_SPAN} FROM (
    SELECT DISTINCT ON (s.trace_id, s.span_id) s.* FROM spans_staging s
    ANTI JOIN known k ON k.trace_id = s.trace_id AND k.span_id = s.span_id) s`;

/** The summary row of each touched trace, rebuilt from all its stored spans
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
  WHERE project_id = $project AND trace_id IN (SELECT trace_id FROM touched)
  GROUP BY project_id, trace_id`;

/**
 * Appends spans to a temp staging table in column-wise chunks, then moves the ones not
 * stored yet into `spans`, updates trace summaries and the attribute catalog, all in one
 * transaction: a failed request leaves nothing behind.
 */
export async function ingestSpans(
  conn: DuckDBConnection, projectId: number, spans: NormalizedSpan[], promoted: PromotedColumns,
): Promise<IngestResult> {
  if (spans.length === 0) return { received: 0, stored: 0 };
  const p = { project: projectId };
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
    await conn.run("CREATE OR REPLACE TEMP TABLE touched AS SELECT DISTINCT trace_id FROM spans_staging");
    await conn.run(KNOWN_SPANS, p);
    await conn.run(FRESH_SPANS);
    const src = promotedSources(promoted);
    const stored = Number((await conn.run(
      `INSERT INTO spans (${[...SPAN_COLUMN_NAMES, ...src.names].join(", ")}) SELECT *${src.exprs.map((e) => `, ${e}`).join("")} FROM fresh`,
      src.params,
    )).rowsChanged);
    if (stored > 0) {
      await conn.run("DELETE FROM traces WHERE project_id = $project AND trace_id IN (SELECT trace_id FROM touched)", p);
      await conn.run(REBUILD_TRACES, p);
      await conn.run(CATALOG_ENTRIES_SQL);
      await conn.run(UPSERT_KEYS_SQL, p);
      await conn.run(UPSERT_VALUES_SQL, p);
    }
    await conn.run("DELETE FROM spans_staging");
    await conn.run("COMMIT");
    return { received: spans.length, stored };
  } catch (err) {
    await conn.run("ROLLBACK").catch(() => undefined);
    throw err;
  }
}
