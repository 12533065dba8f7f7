import type { DuckDBConnection } from "@duckdb/node-api";
import { CATALOG_ENTRIES_SQL, PENDING_KEYS_SQL, PENDING_VALUES_SQL } from "./catalog-sql";
import type { PromotedColumns } from "../layout";
import { promotedSources } from "./promotion";
import { SPAN_COLUMN_NAMES, SPAN_EXTRA_COLUMN_NAMES, STAGED_TO_SPAN } from "./schema";
import { MERGE_TRACES } from "./merge-traces-sql";
import { excludeHotKeys, sparseRowsSql } from "./sparse-attributes";

const SPARSE_ROWS = sparseRowsSql("fresh", "params");

/** Stored span keys of the landed traces that already exist: only those can be resent.
 * Looking in `traces` first keeps the common case (all-new traces) off the span table, and
 * those traces' time range lets the scan skip row groups by their start_ns zone maps. */
const KNOWN_SPANS = [
  "CREATE OR REPLACE TEMP TABLE touched AS SELECT DISTINCT project_id, trace_id FROM landed_batch",
  `CREATE OR REPLACE TEMP TABLE existing AS
   SELECT t.project_id, t.trace_id, t.start_ns, t.end_ns FROM traces t
   SEMI JOIN touched x ON x.project_id = t.project_id AND x.trace_id = t.trace_id`,
  `CREATE OR REPLACE TEMP TABLE known AS
   SELECT s.project_id, s.trace_id, s.span_id FROM spans s
   SEMI JOIN existing e ON e.project_id = s.project_id AND e.trace_id = s.trace_id
   WHERE s.start_ns BETWEEN (SELECT min(start_ns) FROM existing) AND (SELECT max(end_ns) FROM existing)`,
];

/** New spans, one row per (project, trace, span): a span landed twice is stored once. */
const FRESH_SPANS = `
  CREATE OR REPLACE TEMP TABLE fresh AS
  SELECT ${STAGED_TO_SPAN}, s.sample_rate FROM (
    SELECT DISTINCT ON (s.project_id, s.trace_id, s.span_id) s.* FROM landed_batch s
    ANTI JOIN known k ON k.project_id = s.project_id AND k.trace_id = s.trace_id AND k.span_id = s.span_id
    ORDER BY s.project_id, s.trace_id, s.span_id, s.req_seq) s`;

export interface OrganizeResult {
  /** Landed rows taken (and removed from the landing table). */
  landed: number;
  /** Of those, spans not stored before. */
  stored: number;
}

/**
 * Moves the landed requests up to `maxSeq` (request sequence numbers grow in landing
 * order) into the query layout in one transaction: typed maps and dedicated columns,
 * dedup against stored spans, trace summaries, catalog rows, the sparse-attribute index;
 * then deletes exactly those landed rows. Rounds are capped this way so a backlog never
 * becomes one huge, memory-hungry transaction; requests landing meanwhile are left for later rounds.
 */
export async function organizeLanded(conn: DuckDBConnection, promoted: PromotedColumns, maxSeq: bigint): Promise<OrganizeResult> {
  await conn.run("BEGIN TRANSACTION");
  try {
    await conn.run("CREATE OR REPLACE TEMP TABLE landed_batch AS SELECT * FROM spans_landing WHERE req_seq <= $max", { max: maxSeq });
    for (const sql of KNOWN_SPANS) await conn.run(sql);
    await conn.run(FRESH_SPANS);
    const src = promotedSources(promoted);
    const columns = [...SPAN_COLUMN_NAMES, ...SPAN_EXTRA_COLUMN_NAMES];
    const stored = Number((await conn.run(
      `INSERT INTO spans (${[...columns, ...src.names].join(", ")})
       SELECT ${columns.join(", ")}${src.exprs.map((e) => `, ${e}`).join("")} FROM fresh`,
      src.params,
    )).rowsChanged);
    if (stored > 0) {
      for (const sql of MERGE_TRACES) await conn.run(sql);
      await conn.run(CATALOG_ENTRIES_SQL);
      await conn.run(PENDING_KEYS_SQL);
      await conn.run(PENDING_VALUES_SQL);
      const exclude = await excludeHotKeys(conn);
      await conn.run(SPARSE_ROWS, exclude.params, exclude.types);
    }
    const landed = Number((await conn.run("DELETE FROM spans_landing WHERE req_seq <= $max", { max: maxSeq })).rowsChanged);
    await conn.run("COMMIT");
    return { landed, stored };
  } catch (err) {
    await conn.run("ROLLBACK").catch(() => undefined);
    throw err;
  }
}
