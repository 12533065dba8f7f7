import type { DuckDBConnection, DuckDBDataChunk } from "@duckdb/node-api";
import type { PendingWrite } from "../group-commit";
import type { IngestResult } from "../types";

/** One queued request, ready to append: its chunks were built when it was admitted. */
export interface StagedRequest {
  seq: number;
  chunks: DuckDBDataChunk[];
  received: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The acknowledged write: a group of requests appended to `spans_landing` in one
 * transaction. Nothing else happens here (no dedup, summaries or catalog): that is the
 * organiser's work, done in large batches, so a commit costs little whatever the store's
 * size and however small the group. Once this commits, the spans are durable.
 */
export async function landBatch(conn: DuckDBConnection, batch: PendingWrite<StagedRequest>[]): Promise<IngestResult[]> {
  const results = batch.map((w) => ({ received: w.payload.received, stored: w.spans }));
  if (batch.every((w) => w.spans === 0)) return results;
  await conn.run("BEGIN TRANSACTION");
  try {
    const appender = await conn.createAppender("spans_landing");
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
    await conn.run("COMMIT");
    return results;
  } catch (err) {
    await conn.run("ROLLBACK").catch(() => undefined);
    throw err;
  }
}
