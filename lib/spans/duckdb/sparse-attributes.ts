import { LIST, VARCHAR, listValue, type DuckDBConnection } from "@duckdb/node-api";
import { PROMOTE_MIN_SHARE, PROMOTE_MIN_SPANS } from "./promotion";

/**
 * The sparse-attribute index: one row per span attribute of a rare key, with its typed
 * value, written in the organiser's transaction. A filter on such a key reads the key's
 * rows here instead of decoding every span's map: DuckDB decodes a MAP column a whole
 * vector at a time, so even a handful of candidate spans spread over the table cost a full
 * map scan, while this table answers with the matching span ids and the span scan then
 * reads only plain columns (see traceql/compile-sparse.ts).
 *
 * `start_ns` is the span's, so purges delete the same time range as from `spans` and
 * queries restrict the rows to their window; with the span's name, a filter on one such
 * key is answered from this table alone. Only scalar maps are indexed: json values are
 * only ever tested for presence, which reads the maps.
 *
 * Keys stop being indexed once hot (they get a dedicated column, or will): those are
 * listed in `unindexed_keys`, for good, in the same transaction as the first round that
 * leaves them out, so a query that reads the index for a key finds it listed there
 * exactly when its rows may be missing, and reads the maps instead.
 */
export const SPARSE_ATTRIBUTES_DDL = `
  CREATE TABLE sparse_attributes (
    project_id INTEGER NOT NULL,
    scope VARCHAR NOT NULL,
    key VARCHAR NOT NULL,
    trace_id VARCHAR NOT NULL,
    span_id VARCHAR NOT NULL,
    start_ns BIGINT NOT NULL,
    name VARCHAR NOT NULL,
    str_value VARCHAR,
    int_value BIGINT,
    dbl_value DOUBLE,
    bool_value BOOLEAN
  );
  -- type: str | int | dbl | bool, the map (as in promoted_columns).
  CREATE TABLE unindexed_keys (
    scope VARCHAR NOT NULL,
    key VARCHAR NOT NULL,
    type VARCHAR NOT NULL
  );`;

const SCOPES = [["span", "attr"], ["resource", "res"]] as const;
const MAPS = ["str", "int", "dbl", "bool"] as const;

const valueColumns = (map: string) => MAPS.map((m) => (m === map ? "e.value" : "NULL")).join(", ");

/**
 * Keys to stop indexing: promoted ones, and any the promotion thresholds call hot (all
 * projects together, as promotion counts them) that are not listed yet.
 */
const HOT_KEYS = `
  SELECT scope, key, type FROM promoted_columns
  UNION
  SELECT scope, key, CASE type WHEN 'string' THEN 'str' WHEN 'double' THEN 'dbl' ELSE type END FROM attribute_keys_all
  WHERE scope IN ('span', 'resource') AND type IN ('string', 'int', 'double', 'bool')
  GROUP BY ALL
  HAVING sum(span_count) >= ${PROMOTE_MIN_SPANS} AND sum(span_count) >= ${PROMOTE_MIN_SHARE} * (SELECT count(*) FROM spans)`;

const NEWLY_HOT = `
  CREATE OR REPLACE TEMP TABLE newly_unindexed AS
  SELECT h.scope, h.key, h.type FROM (${HOT_KEYS}) h
  ANTI JOIN unindexed_keys u ON u.scope = h.scope AND u.key = h.key AND u.type = h.type`;

const DROP_NEWLY_HOT = [
  `DELETE FROM sparse_attributes a WHERE EXISTS (
     SELECT 1 FROM newly_unindexed n WHERE n.scope = a.scope AND n.key = a.key AND CASE n.type
       ${MAPS.map((m) => `WHEN '${m}' THEN a.${m}_value IS NOT NULL`).join(" ")} ELSE FALSE END)`,
  "INSERT INTO unindexed_keys SELECT scope, key, type FROM newly_unindexed",
];

/**
 * INSERT of the index rows of every span in `source` (a `spans`-shaped table). With
 * `exclude: "params"` the keys to leave out are bound as `$x_<scope>_<map>` lists and
 * filtered before the unnest (the cheap form, for every organise round); otherwise they
 * are read from unindexed_keys (for one-off backfills).
 */
export function sparseRowsSql(source: string, exclude: "params" | "table"): string {
  const parts: string[] = [];
  for (const [scope, prefix] of SCOPES) {
    for (const map of MAPS) {
      const col = `${prefix}_${map}`;
      const entries = exclude === "params"
        ? `list_filter(map_entries(${col}), lambda e: NOT list_contains($x_${scope}_${map}, e.key))`
        : `map_entries(${col})`;
      const keep = exclude === "params"
        ? ""
        : `\n      WHERE e.key NOT IN (SELECT key FROM unindexed_keys WHERE scope = '${scope}' AND type = '${map}')`;
      parts.push(`SELECT project_id, '${scope}', e.key, trace_id, span_id, start_ns, name, ${valueColumns(map)}
      FROM (SELECT project_id, trace_id, span_id, start_ns, name, unnest(${entries}) AS e FROM ${source} WHERE ${col} IS NOT NULL)${keep}`);
    }
  }
  return `INSERT INTO sparse_attributes\n${parts.join("\nUNION ALL\n")}`;
}

/** The migration's backfill: the stored spans' attributes of keys that are not hot. */
export const SPARSE_BACKFILL_SQL = `
  INSERT INTO unindexed_keys ${HOT_KEYS};
  ${sparseRowsSql("spans", "table")};`;

/**
 * Lists the keys that became hot (dropping their rows, which queries no longer read), and
 * returns every listed key as the exclusion lists for `sparseRowsSql(…, "params")`. Runs in
 * the organiser's transaction, after this round's catalog rows.
 */
export async function excludeHotKeys(conn: DuckDBConnection) {
  await conn.run(NEWLY_HOT);
  const newly = Number((await conn.runAndReadAll("SELECT count(*) FROM newly_unindexed")).getRows()[0][0]);
  if (newly > 0) for (const sql of DROP_NEWLY_HOT) await conn.run(sql);
  const rows = (await conn.runAndReadAll("SELECT scope, type, list(key) FROM unindexed_keys GROUP BY ALL")).getRows();
  const exclude: Record<string, string[]> = {};
  for (const [scope] of SCOPES) for (const map of MAPS) exclude[`x_${scope}_${map}`] = [];
  for (const [scope, type, keys] of rows) {
    const list = exclude[`x_${scope}_${type}`];
    if (list) list.push(...((keys as { items: string[] }).items));
  }
  const params = Object.fromEntries(Object.entries(exclude).map(([name, keys]) => [name, listValue(keys)]));
  const types = Object.fromEntries(Object.keys(exclude).map((name) => [name, LIST(VARCHAR)]));
  return { params, types };
}
