import type { DuckDBConnection, DuckDBDataChunk } from "@duckdb/node-api";
import type { PendingWrite } from "../group-commit";
import type { IngestResult } from "../types";
import { CATALOG_ENTRIES_SQL, PENDING_KEYS_SQL, PENDING_VALUES_SQL } from "./catalog-sql";
import type { PromotedColumns } from "../layout";
import { promotedSources } from "./promotion";
import { SPAN_COLUMN_NAMES, SPAN_EXTRA_COLUMN_NAMES, STAGED_TO_SPAN } from "./schema";
import { MERGE_TRACES } from "./merge-traces-sql";

/** One queued request, ready to append: its chunks were built when it was admitted. */
export interface StagedRequest {
  seq: number;
  chunks: DuckDBDataChunk[];
  received: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Stored span keys of the batch's traces that already exist: only those can be resent.
 * Looking in `traces` first keeps the common case (all-new traces) off the span table, and
 * those traces' time range lets the scan skip row groups by their start_ns zone maps. */
const KNOWN_SPANS = [
  `CREATE OR REPLACE TEMP TABLE existing AS
   SELECT t.project_id, t.trace_id, t.start_ns, t.end_ns FROM traces t
   SEMI JOIN touched x ON x.project_id = t.project_id AND x.trace_id = t.trace_id`,
  `CREATE OR REPLACE TEMP TABLE known AS
   SELECT s.project_id, s.trace_id, s.span_id FROM spans s
   SEMI JOIN existing e ON e.project_id = s.project_id AND e.trace_id = s.trace_id
   WHERE s.start_ns BETWEEN (SELECT min(start_ns) FROM existing) AND (SELECT max(end_ns) FROM existing)`,
];

/** New spans, one row per (project, trace, span): a span resent within the batch counts
 * for the first request that sent it. */
const FRESH_SPANS = `
  CREATE OR REPLACE TEMP TABLE fresh AS
  SELECT ${STAGED_TO_SPAN}, s.sample_rate, s.req_seq FROM (
    SELECT DISTINCT ON (s.project_id, s.trace_id, s.span_id) s.* FROM spans_staging s
    ANTI JOIN known k ON k.project_id = s.project_id AND k.trace_id = s.trace_id AND k.span_id = s.span_id
    ORDER BY s.project_id, s.trace_id, s.span_id, s.req_seq) s`;

/**
 * Commits a group of requests (possibly of several projects) in one transaction: append
 * their chunks to the temp staging table, move the spans not stored yet into `spans`,
 * merge trace summaries and the attribute catalog. A failure leaves nothing behind.
 */
export async function ingestBatch(
  conn: DuckDBConnection, batch: PendingWrite<StagedRequest>[], promoted: PromotedColumns,
): Promise<IngestResult[]> {
  if (batch.every((w) => w.spans === 0)) return batch.map(() => ({ received: 0, stored: 0 }));
  await conn.run("BEGIN TRANSACTION");
  try {
    const appender = await conn.createAppender("spans_staging", "main", "temp");
    try {
      for (const { payload } of batch) {
        for (const chunk of payload.chunks) appender.appendDataChunk(chunk);
        // The appender runs on the main thread: let waiting readers in between requests.
        await yieldToEventLoop();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    await conn.run("CREATE OR REPLACE TEMP TABLE touched AS SELECT DISTINCT project_id, trace_id FROM spans_staging");
    for (const sql of KNOWN_SPANS) await conn.run(sql);
    await conn.run(FRESH_SPANS);
    const src = promotedSources(promoted);
    const columns = [...SPAN_COLUMN_NAMES, ...SPAN_EXTRA_COLUMN_NAMES];
    const total = Number((await conn.run(
      `INSERT INTO spans (${[...columns, ...src.names].join(", ")})
       SELECT ${columns.join(", ")}${src.exprs.map((e) => `, ${e}`).join("")} FROM fresh`,
      src.params,
    )).rowsChanged);
    const storedBySeq = new Map<number, number>();
    if (total > 0) {
      const rows = (await conn.runAndReadAll("SELECT req_seq, count(*)::INTEGER FROM fresh GROUP BY req_seq")).getRows();
      for (const [seq, n] of rows) storedBySeq.set(Number(seq), Number(n));
      for (const sql of MERGE_TRACES) await conn.run(sql);
      await conn.run(CATALOG_ENTRIES_SQL);
      await conn.run(PENDING_KEYS_SQL);
      await conn.run(PENDING_VALUES_SQL);
    }
    await conn.run("DELETE FROM spans_staging");
    await conn.run("COMMIT");
    return batch.map((w) => ({ received: w.payload.received, stored: storedBySeq.get(w.payload.seq) ?? 0 }));
  } catch (err) {
    await conn.run("ROLLBACK").catch(() => undefined);
    // The staging table is temp and outside the rollback's reach only if created before
    // BEGIN; clear it so the next batch starts empty either way.
    await conn.run("DELETE FROM spans_staging").catch(() => undefined);
    throw err;
  }
}
