import type { DuckDBConnection } from "@duckdb/node-api";
import { promotedKey } from "../layout";

/** At most this many dedicated columns: each costs append time and disk. */
export const MAX_PROMOTED = 48;
/** A key is promoted once this many spans carry it… */
export const PROMOTE_MIN_SPANS = 2_000;
/** …and at least this share of all spans, so rare keys stay in the maps. */
export const PROMOTE_MIN_SHARE = 0.02;

const TYPE_MAP: Record<string, { map: string; sql: string }> = {
  string: { map: "str", sql: "VARCHAR" },
  int: { map: "int", sql: "BIGINT" },
  double: { map: "dbl", sql: "DOUBLE" },
  bool: { map: "bool", sql: "BOOLEAN" },
};

export async function loadPromoted(conn: DuckDBConnection): Promise<Map<string, string>> {
  const rows = (await conn.runAndReadAll("SELECT scope, key, type, column_name FROM promoted_columns")).getRowObjectsJS() as {
    scope: "span" | "resource"; key: string; type: string; column_name: string;
  }[];
  return new Map(rows.map((r) => [promotedKey(r.scope, r.type, r.key), r.column_name]));
}

/** Map lookups that fill the dedicated columns from a `spans`-shaped row; keys as params. */
export function promotedSources(columns: ReadonlyMap<string, string>) {
  const exprs: string[] = [];
  const names: string[] = [];
  const params: Record<string, string> = {};
  let i = 0;
  for (const [entry, column] of columns) {
    const [scope, type, ...rest] = entry.split(":");
    params[`pk${i}`] = rest.join(":");
    exprs.push(`${scope === "span" ? "attr" : "res"}_${type}[$pk${i}]`);
    names.push(column);
    i++;
  }
  return { exprs, names, params };
}

/**
 * Promotes the most used scalar keys not promoted yet, in its own transaction after an
 * ingest: add the column, backfill it from the maps. Returns the columns it added.
 */
export async function promoteHotKeys(
  conn: DuckDBConnection, current: Map<string, string>, maxNew = MAX_PROMOTED,
): Promise<string[]> {
  if (current.size >= MAX_PROMOTED) return [];
  const total = Number((await conn.runAndReadAll("SELECT count(*) FROM spans")).getRows()[0][0]);
  const threshold = Math.max(PROMOTE_MIN_SPANS, Math.ceil(total * PROMOTE_MIN_SHARE));
  const candidates = (await conn.runAndReadAll(
    `SELECT scope, key, type, sum(span_count) AS n FROM attribute_keys_all
     WHERE scope IN ('span', 'resource') AND type IN ('string', 'int', 'double', 'bool')
     GROUP BY scope, key, type HAVING sum(span_count) >= $threshold ORDER BY n DESC, key`,
    { threshold },
  )).getRowObjectsJS() as { scope: "span" | "resource"; key: string; type: string }[];
  const added: string[] = [];
  for (const c of candidates) {
    const t = TYPE_MAP[c.type];
    const entry = promotedKey(c.scope, t.map, c.key);
    if (current.has(entry) || current.size >= MAX_PROMOTED) continue;
    if (added.length >= maxNew) break;
    // The name carries no user text, so it needs no quoting.
    const column = `p${current.size}_${t.map}_${c.scope === "span" ? "a" : "r"}`;
    await conn.run("BEGIN TRANSACTION");
    try {
      await conn.run(`ALTER TABLE spans ADD COLUMN ${column} ${t.sql}`);
      const src = promotedSources(new Map([[entry, column]]));
      await conn.run(`UPDATE spans SET ${column} = ${src.exprs[0]}`, src.params);
      await conn.run("INSERT INTO promoted_columns (scope, key, type, column_name) VALUES ($scope, $key, $type, $column)", {
        scope: c.scope, key: c.key, type: t.map, column,
      });
      await conn.run("COMMIT");
    } catch (err) {
      await conn.run("ROLLBACK").catch(() => undefined);
      throw err;
    }
    current.set(entry, column);
    added.push(column);
  }
  return added;
}
