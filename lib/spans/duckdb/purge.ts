import type { DuckDBConnection } from "@duckdb/node-api";

/**
 * Purges go in slices of this much span time, each its own short transaction on the
 * writer, so ingest interleaves with a long purge instead of waiting for all of it.
 */
export const PURGE_SLICE_NS = 3_600n * 1_000_000_000n;

const one = async (conn: DuckDBConnection, sql: string, params: Record<string, number | bigint>) =>
  (await conn.runAndReadAll(sql, params)).getRows()[0]?.[0];

async function inTransaction<T>(conn: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
  await conn.run("BEGIN TRANSACTION");
  try {
    const out = await fn();
    await conn.run("COMMIT");
    return out;
  } catch (err) {
    await conn.run("ROLLBACK").catch(() => undefined);
    throw err;
  }
}

/** The oldest span start of a project (or of all projects), or null when there is none. */
export async function oldestStart(conn: DuckDBConnection, projectId: number | null): Promise<bigint | null> {
  const v = projectId === null
    ? await one(conn, "SELECT min(start_ns) FROM spans", {})
    : await one(conn, "SELECT min(start_ns) FROM spans WHERE project_id = $p", { p: projectId });
  return v === null || v === undefined ? null : BigInt(v as bigint);
}

/**
 * Deletes spans with start in [from, to) — of one project, or of all when null — and the
 * summaries of traces that ended before `to`. Returns the spans deleted.
 */
export function deleteSlice(conn: DuckDBConnection, projectId: number | null, from: bigint, to: bigint): Promise<number> {
  const scope = projectId === null ? "" : "project_id = $p AND ";
  const params: Record<string, number | bigint> = { from, to };
  if (projectId !== null) params.p = projectId;
  return inTransaction(conn, async () => {
    const deleted = Number((await conn.run(
      `DELETE FROM spans WHERE ${scope}start_ns >= $from AND start_ns < $to`, params,
    )).rowsChanged);
    // Index rows carry their span's start, so the same range removes exactly theirs.
    await conn.run(`DELETE FROM sparse_attributes WHERE ${scope}start_ns >= $from AND start_ns < $to`, params);
    await conn.run(`DELETE FROM traces WHERE ${scope}end_ns < $to`, projectId === null ? { to } : { p: projectId, to });
    return deleted;
  });
}

/**
 * Catalog entries last seen before `cutoff` (their spans are gone) of one project or all,
 * and index rows before it whose span is gone. Those are only left by deletes that went
 * around deleteSlice; a span organised since the purge (a late one) keeps its row.
 */
export function expireCatalog(conn: DuckDBConnection, projectId: number | null, cutoff: bigint) {
  const scope = projectId === null ? "" : "project_id = $p AND ";
  const params: Record<string, number | bigint> = projectId === null ? { cutoff } : { p: projectId, cutoff };
  return inTransaction(conn, async () => {
    for (const table of ["attribute_keys", "attribute_keys_pending", "attribute_values", "attribute_values_pending"]) {
      await conn.run(`DELETE FROM ${table} WHERE ${scope}last_seen_ns < $cutoff`, params);
    }
    await conn.run(
      `DELETE FROM sparse_attributes WHERE ${scope}start_ns < $cutoff AND (project_id, trace_id, span_id) NOT IN (
         SELECT project_id, trace_id, span_id FROM spans WHERE ${scope}start_ns < $cutoff)`,
      params,
    );
  });
}

/** Bytes the store's blocks hold (free blocks left by purges are reused, so this, not the file size, is what a budget measures). */
export async function usedBytes(conn: DuckDBConnection): Promise<number> {
  const row = (await conn.runAndReadAll("SELECT used_blocks, block_size FROM pragma_database_size() LIMIT 1"))
    .getRowObjectsJS()[0] as { used_blocks: bigint; block_size: bigint } | undefined;
  return row ? Number(row.used_blocks) * Number(row.block_size) : 0;
}
