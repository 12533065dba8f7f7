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
 * Looking in `traces` first keeps the common case (all-new traces) off the span table, and
 * those traces' time range lets the scan skip row groups by their start_ns zone maps. */
const KNOWN_SPANS = `
  CREATE OR REPLACE TEMP TABLE existing AS
  SELECT trace_id, start_ns, end_ns FROM traces
  WHERE project_id = $project AND trace_id IN (SELECT trace_id FROM touched);
  CREATE OR REPLACE TEMP TABLE known AS
  SELECT trace_id, span_id FROM spans
  WHERE project_id = $project AND trace_id IN (SELECT trace_id FROM existing)
    AND start_ns BETWEEN (SELECT min(start_ns) FROM existing) AND (SELECT max(end_ns) FROM existing)`;

const FRESH_SPANS = `
  CREATE OR REPLACE TEMP TABLE fresh AS
  SELECT ${STAGED_TO_SPAN} FROM (
    SELECT DISTINCT ON (s.trace_id, s.span_id) s.* FROM spans_staging s
    ANTI JOIN known k ON k.trace_id = s.trace_id AND k.span_id = s.span_id) s`;

/**
 * Each touched trace's summary, merged from its stored row and the batch's new spans
 * (spans of one trace arrive in many requests, in any order): no scan of stored spans.
 * The root is the earliest span without a parent; until one arrives, the earliest span.
 */
const MERGE_TRACES = `
  CREATE OR REPLACE TEMP TABLE batch_traces AS
  SELECT project_id, trace_id, min(start_ns) AS s, max(end_ns) AS e, count(*) AS n,
         count(*) FILTER (WHERE status_code = 2) AS errs,
         min(start_ns) FILTER (WHERE parent_span_id IS NULL) AS root_start,
         arg_min(name, start_ns) FILTER (WHERE parent_span_id IS NULL) AS root_name,
         arg_min(service_name, start_ns) FILTER (WHERE parent_span_id IS NULL) AS root_service,
         arg_min(name, start_ns) AS first_name, arg_min(service_name, start_ns) AS first_service,
         list_distinct(list(service_name)) AS services
  FROM fresh GROUP BY project_id, trace_id;
  CREATE OR REPLACE TEMP TABLE merged AS
  SELECT b.project_id, b.trace_id,
         CASE WHEN t.trace_id IS NULL THEN b.s ELSE least(t.start_ns, b.s) END,
         CASE WHEN t.trace_id IS NULL THEN b.e ELSE greatest(t.end_ns, b.e) END,
         (coalesce(t.span_count, 0) + b.n)::INTEGER,
         (coalesce(t.error_count, 0) + b.errs)::INTEGER,
         CASE WHEN b.root_start IS NOT NULL AND (t.root_start_ns IS NULL OR b.root_start < t.root_start_ns) THEN b.root_name
              WHEN t.root_start_ns IS NOT NULL THEN t.root_name
              WHEN t.trace_id IS NULL OR b.s < t.start_ns THEN b.first_name ELSE t.root_name END,
         CASE WHEN b.root_start IS NOT NULL AND (t.root_start_ns IS NULL OR b.root_start < t.root_start_ns) THEN b.root_service
              WHEN t.root_start_ns IS NOT NULL THEN t.root_service
              WHEN t.trace_id IS NULL OR b.s < t.start_ns THEN b.first_service ELSE t.root_service END,
         coalesce(t.has_root, false) OR b.root_start IS NOT NULL,
         list_sort(list_distinct(list_concat(coalesce(t.services, []::VARCHAR[]), b.services))),
         CASE WHEN b.root_start IS NOT NULL AND (t.root_start_ns IS NULL OR b.root_start < t.root_start_ns) THEN b.root_start
              ELSE t.root_start_ns END
  FROM batch_traces b LEFT JOIN traces t ON t.project_id = b.project_id AND t.trace_id = b.trace_id;
  DELETE FROM traces WHERE project_id = $project AND trace_id IN (SELECT trace_id FROM batch_traces);
  INSERT INTO traces SELECT * FROM merged`;

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
    await runAll(conn, KNOWN_SPANS, p);
    await conn.run(FRESH_SPANS);
    const src = promotedSources(promoted);
    const stored = Number((await conn.run(
      `INSERT INTO spans (${[...SPAN_COLUMN_NAMES, ...src.names].join(", ")}) SELECT *${src.exprs.map((e) => `, ${e}`).join("")} FROM fresh`,
      src.params,
    )).rowsChanged);
    if (stored > 0) {
      await runAll(conn, MERGE_TRACES, p);
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

/** Runs `;`-separated statements one by one: a prepared statement holds only one. */
async function runAll(conn: DuckDBConnection, sql: string, params: Record<string, number>) {
  for (const stmt of sql.split(";").map((x) => x.trim()).filter(Boolean)) {
    await conn.run(stmt, stmt.includes("$project") ? params : undefined);
  }
}
