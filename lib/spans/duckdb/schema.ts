import type { DuckDBConnection } from "@duckdb/node-api";
import { SPARSE_ATTRIBUTES_DDL, SPARSE_BACKFILL_SQL } from "./sparse-attributes";

const typedMaps = (prefix: string) => `
  ${prefix}_str MAP(VARCHAR, VARCHAR),
  ${prefix}_int MAP(VARCHAR, BIGINT),
  ${prefix}_dbl MAP(VARCHAR, DOUBLE),
  ${prefix}_bool MAP(VARCHAR, BOOLEAN),
  ${prefix}_json MAP(VARCHAR, VARCHAR)`;

/**
 * Span columns in append order; the appender writes chunks in exactly this order.
 * Times are BIGINT unix nanoseconds: TIMESTAMP_NS would do too, but plain integers keep
 * arithmetic (offsets, buckets) free of interval casts.
 */
export const SPAN_COLUMNS_DDL = `
  project_id INTEGER NOT NULL,
  trace_id VARCHAR NOT NULL,
  span_id VARCHAR NOT NULL,
  parent_span_id VARCHAR,
  trace_state VARCHAR,
  name VARCHAR NOT NULL,
  kind UTINYINT NOT NULL,
  service_name VARCHAR NOT NULL,
  start_ns BIGINT NOT NULL,
  end_ns BIGINT NOT NULL,
  duration_ns BIGINT NOT NULL,
  status_code UTINYINT NOT NULL,
  status_message VARCHAR,
  scope_name VARCHAR,
  scope_version VARCHAR,
  ${typedMaps("attr")},
  ${typedMaps("res")},
  event_names VARCHAR[],
  events VARCHAR,
  links VARCHAR,
  dropped_attributes_count UINTEGER NOT NULL,
  dropped_events_count UINTEGER NOT NULL,
  dropped_links_count UINTEGER NOT NULL`;

const MAP_TYPES: Record<string, string> = {
  str: "MAP(VARCHAR, VARCHAR)", int: "MAP(VARCHAR, BIGINT)", dbl: "MAP(VARCHAR, DOUBLE)", bool: "MAP(VARCHAR, BOOLEAN)", json: "MAP(VARCHAR, VARCHAR)",
};

/**
 * The temp staging table the appender fills: attribute maps arrive as JSON object text,
 * which DuckDB turns into MAPs in one vectorised cast. Appending MAP values from JS costs
 * an object per entry and was the ingest bottleneck (see BENCHMARKS.md).
 */
export const STAGING_COLUMNS_DDL = SPAN_COLUMNS_DDL.replace(/ MAP\(VARCHAR, [A-Z]+\)/g, " VARCHAR");

/** Staging columns after the span's own: its sample rate and the queued request it came from. */
export const STAGING_EXTRA_DDL = "sample_rate DOUBLE NOT NULL, req_seq BIGINT NOT NULL";

export const SPAN_COLUMN_NAMES = SPAN_COLUMNS_DDL.split(",\n").map((line) => line.trim().split(" ")[0]).filter(Boolean);

/** SELECT list turning a staging row (alias `s`) into a `spans` row. */
export const STAGED_TO_SPAN = SPAN_COLUMNS_DDL.split(",\n")
  .map((line) => line.trim().split(" ")[0])
  .filter(Boolean)
  .map((col) => {
    const m = /^(attr|res)_(str|int|dbl|bool|json)$/.exec(col);
    return m ? `s.${col}::JSON::${MAP_TYPES[m[2]]} AS ${col}` : `s.${col}`;
  })
  .join(", ");

/** Columns every ingest writes besides SPAN_COLUMN_NAMES (added by later migrations). */
export const SPAN_EXTRA_COLUMN_NAMES = ["sample_rate"];

/** Each entry moves the schema one version up; the store applies the missing ones at open. */
const MIGRATIONS: string[] = [
  // No primary key: ingest removes already-stored spans itself (see ingest.ts), and an
  // ART index over every span would cost memory and append speed for nothing.
  `CREATE TABLE spans (${SPAN_COLUMNS_DDL});
   -- One row per trace, rebuilt from its spans whenever a batch touches it, so listing
   -- newest traces never aggregates the whole span table.
   CREATE TABLE traces (
     project_id INTEGER NOT NULL,
     trace_id VARCHAR NOT NULL,
     start_ns BIGINT NOT NULL,
     end_ns BIGINT NOT NULL,
     span_count INTEGER NOT NULL,
     error_count INTEGER NOT NULL,
     root_name VARCHAR NOT NULL,
     root_service VARCHAR NOT NULL,
     has_root BOOLEAN NOT NULL,
     services VARCHAR[] NOT NULL
   );
   -- The attribute catalog, kept up to date at ingest so autocomplete never scans spans.
   -- scope: span | resource | event | intrinsic; type: string | int | double | bool | array | kvlist | bytes.
   CREATE TABLE attribute_keys (
     project_id INTEGER NOT NULL,
     scope VARCHAR NOT NULL,
     key VARCHAR NOT NULL,
     type VARCHAR NOT NULL,
     span_count BIGINT NOT NULL,
     first_seen_ns BIGINT NOT NULL,
     last_seen_ns BIGINT NOT NULL,
     PRIMARY KEY (project_id, scope, key, type)
   );
   CREATE TABLE attribute_values (
     project_id INTEGER NOT NULL,
     scope VARCHAR NOT NULL,
     key VARCHAR NOT NULL,
     value VARCHAR NOT NULL,
     type VARCHAR NOT NULL,
     span_count BIGINT NOT NULL,
     PRIMARY KEY (project_id, scope, key, value, type)
   );`,
  // Dedicated columns (Tempo's word): a hot attribute copied out of its map into a typed
  // column of its own, which filters and group-bys read ~10x faster. The maps stay the
  // source of truth; see promotion.ts for when a key is promoted.
  `CREATE TABLE promoted_columns (
     scope VARCHAR NOT NULL,
     key VARCHAR NOT NULL,
     type VARCHAR NOT NULL,
     column_name VARCHAR NOT NULL,
     promoted_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
     PRIMARY KEY (scope, key, type)
   );`,
  // Trace summaries are merged per batch instead of rebuilt from every stored span, which
  // needs to know when the current root started.
  `ALTER TABLE traces ADD COLUMN root_start_ns BIGINT;
   UPDATE traces SET root_start_ns = r.s
   FROM (SELECT project_id, trace_id, min(start_ns) AS s FROM spans WHERE parent_span_id IS NULL GROUP BY project_id, trace_id) r
   WHERE traces.project_id = r.project_id AND traces.trace_id = r.trace_id;`,
  // Server-side sampling keeps a span with the rate it was kept at: counts and sums are
  // weighted by 1/rate. Catalog values get a last-seen time so retention can expire them.
  `ALTER TABLE spans ADD COLUMN IF NOT EXISTS sample_rate DOUBLE DEFAULT 1;
   ALTER TABLE attribute_values ADD COLUMN IF NOT EXISTS last_seen_ns BIGINT;
   UPDATE attribute_values SET last_seen_ns = k.last_seen_ns FROM attribute_keys k
   WHERE attribute_values.project_id = k.project_id AND attribute_values.scope = k.scope
     AND attribute_values.key = k.key AND attribute_values.type = k.type;
   -- Catalog rows of recent batches, appended without index work and merged into the
   -- keyed tables in the background (upserts into an ART cost more per batch than the
   -- rest of the catalog). Readers see both through the *_all views.
   CREATE TABLE attribute_keys_pending AS SELECT * FROM attribute_keys LIMIT 0;
   CREATE TABLE attribute_values_pending AS SELECT * FROM attribute_values LIMIT 0;
   CREATE VIEW attribute_keys_all AS
   SELECT project_id, scope, key, type, sum(span_count)::BIGINT AS span_count,
          min(first_seen_ns) AS first_seen_ns, max(last_seen_ns) AS last_seen_ns
   FROM (SELECT * FROM attribute_keys UNION ALL SELECT * FROM attribute_keys_pending)
   GROUP BY project_id, scope, key, type;
   CREATE VIEW attribute_values_all AS
   SELECT project_id, scope, key, value, type, sum(span_count)::BIGINT AS span_count, max(last_seen_ns) AS last_seen_ns
   FROM (SELECT project_id, scope, key, value, type, span_count, last_seen_ns FROM attribute_values
         UNION ALL SELECT project_id, scope, key, value, type, span_count, last_seen_ns FROM attribute_values_pending)
   GROUP BY project_id, scope, key, value, type;`,
  // Acknowledged spans land here first, as appended (maps as JSON text), and are moved
  // into the query layout in large batches in the background (see organize.ts).
  `CREATE TABLE spans_landing (${STAGING_COLUMNS_DDL}, ${STAGING_EXTRA_DDL});`,
  // An index of the attributes without a dedicated column, so a filter on a rare key
  // does not decode every span's maps (see sparse-attributes.ts); filled for stored spans.
  `${SPARSE_ATTRIBUTES_DDL}
   ${SPARSE_BACKFILL_SQL}`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export async function migrateSpanSchema(conn: DuckDBConnection) {
  await conn.run("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  const rows = (await conn.runAndReadAll("SELECT max(version) FROM schema_version")).getRows();
  const current = Number(rows[0]?.[0] ?? 0);
  if (current > SCHEMA_VERSION) {
    throw new Error(`spans.duckdb has schema version ${current}, newer than this Spanlens (${SCHEMA_VERSION}); upgrade Spanlens`);
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    await conn.run("BEGIN");
    try {
      await conn.run(MIGRATIONS[v]);
      await conn.run(`INSERT INTO schema_version VALUES (${v + 1})`);
      await conn.run("COMMIT");
    } catch (err) {
      await conn.run("ROLLBACK");
      throw new Error(`span store migration to version ${v + 1} failed`, { cause: err });
    }
  }
}
