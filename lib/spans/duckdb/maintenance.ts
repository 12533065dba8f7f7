import fs from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { MERGE_PENDING_CATALOG } from "./catalog-sql";

/**
 * Commits never checkpoint by themselves (see `open`): a checkpoint rewrites the catalog's
 * indexes whatever the batch size, so paying it in every ~16 MB of WAL, inside some
 * request's commit, was the largest single cost of small batches. The writer checkpoints
 * between transactions instead: once ingest is idle, or when the WAL passes this size.
 */
export const CHECKPOINT_WAL_BYTES = 128 * 2 ** 20;
/** Ingest is idle once no transaction committed for this long. */
export const IDLE_AFTER_MS = 1_000;
/** Idle checkpoints wait for this much WAL, so a trickle of spans does not checkpoint constantly. */
export const IDLE_CHECKPOINT_WAL_BYTES = 4 * 2 ** 20;
/** DuckDB's memory limit unless SPANLENS_DUCKDB_MEMORY says otherwise (e.g. "4GB"). */
export const DEFAULT_MEMORY_LIMIT = "1GB";
/** The safety net DuckDB keeps: past it a commit checkpoints anyway. */
export const AUTO_CHECKPOINT_THRESHOLD = "1GB";

/** Pending catalog rows are merged at least this often, and at once when idle. */
export const CATALOG_MERGE_EVERY_MS = 5_000;

export function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

export const walBytes = (dbFile: string) => fileSize(`${dbFile}.wal`);

export async function mergePendingCatalog(conn: DuckDBConnection) {
  await conn.run("BEGIN TRANSACTION");
  try {
    for (const sql of MERGE_PENDING_CATALOG) await conn.run(sql);
    await conn.run("COMMIT");
  } catch (err) {
    await conn.run("ROLLBACK").catch(() => undefined);
    throw err;
  }
}
