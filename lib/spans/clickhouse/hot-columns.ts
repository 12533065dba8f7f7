import { createHash } from "node:crypto";
import type { ClickHouseClient } from "@clickhouse/client";
import type { SchemaOptions } from "./schema";
import { tableNames } from "./schema";

/**
 * Dedicated columns for hot attribute keys. A map lookup reads and scans the whole map
 * of every row; a column reads only itself. Each hot key gets
 *
 * - `Nullable(String) MATERIALIZED if(mapContains(M, 'k'), M['k'], NULL)`: the value, and
 *   through NULL whether the key is there at all. A plain `M['k']` (what the issue named)
 *   reads '' for a missing key, so `!= nil` and "a missing key matches nothing" would
 *   still need the map;
 * - in write mode, `LowCardinality(String) MATERIALIZED T['k']`: its OTel type from the
 *   type map ('' for a string), so typed comparisons need no map either.
 *
 * The compiler (traceql/attribute.ts) reads these columns wherever it would read the key
 * from a map. Parts written before a column was added compute it from the maps when read
 * (ClickHouse's rule for MATERIALIZED columns added by ALTER), so answers are the same
 * from the first moment; only speed changes as parts are merged or rewritten.
 *
 * Columns are found by their comment (`spanlens hot <part> <scope> <key>`), not by name,
 * so a read-mode table whose owner added them by hand (hotColumnStatements prints the
 * DDL) is read the same way. Spanlens adds them itself only in write mode: in read mode
 * the collector owns the table.
 */

export interface HotKey {
  scope: "span" | "resource";
  key: string;
}

/** `${scope}:${key}` -> the columns to read (backquoted), type null without a type column. */
export type HotColumns = ReadonlyMap<string, { value: string; type: string | null }>;

/**
 * Keys most queries filter or group by under the OpenTelemetry semantic conventions
 * (current and the older names SDKs still send). service.name has its own column already.
 */
export const DEFAULT_HOT_KEYS: readonly HotKey[] = [
  { scope: "span", key: "http.request.method" },
  { scope: "span", key: "http.method" },
  { scope: "span", key: "http.response.status_code" },
  { scope: "span", key: "http.status_code" },
  { scope: "span", key: "http.route" },
  { scope: "span", key: "db.system" },
  { scope: "span", key: "rpc.method" },
  { scope: "span", key: "error.type" },
  { scope: "resource", key: "deployment.environment" },
  { scope: "resource", key: "deployment.environment.name" },
  { scope: "resource", key: "service.namespace" },
  { scope: "resource", key: "k8s.namespace.name" },
];

/** At most this many hot keys (configured plus the catalog's): each costs disk and insert time. */
export const MAX_HOT_KEYS = 32;
/** A catalog key is hot once at least this share of the table's spans carry it… */
export const HOT_MIN_SHARE = 0.02;
/** …and at least this many. */
export const HOT_MIN_SPANS = 2_000;

const COMMENT = "spanlens hot";
const MAPS = { span: ["SpanAttributes", "SpanAttributeTypes"], resource: ["ResourceAttributes", "ResourceAttributeTypes"] } as const;

/** A ClickHouse string literal; keys are user data (from the catalog), never trusted. */
const literal = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

/** A column name with no user text in it: the key's letters, and a hash to keep keys apart. */
export function hotColumnName(h: HotKey, part: "value" | "type"): string {
  const slug = h.key.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "").slice(0, 40);
  const hash = createHash("sha1").update(`${h.scope}:${h.key}`).digest("hex").slice(0, 8);
  return `hot_${h.scope === "span" ? "a" : "r"}_${slug}_${hash}${part === "type" ? "_t" : ""}`;
}

/** The ALTERs that add a key's columns (IF NOT EXISTS), on the local table and, on a cluster, the Distributed one. */
export function hotColumnStatements(o: SchemaOptions, keys: readonly HotKey[], typed = true): string[] {
  const n = tableNames(o);
  const on = o.cluster ? ` ON CLUSTER \`${o.cluster}\`` : "";
  const tables = o.cluster ? [n.spansLocal, n.spans] : [n.spans];
  return keys.flatMap((h) => {
    const [values, types] = MAPS[h.scope];
    const k = literal(h.key);
    const columns = [
      `${hotColumnName(h, "value")} Nullable(String) MATERIALIZED if(mapContains(${values}, ${k}), ${values}[${k}], NULL)`
      + ` COMMENT ${literal(`${COMMENT} value ${h.scope} ${h.key}`)}`,
      ...(typed ? [`${hotColumnName(h, "type")} LowCardinality(String) MATERIALIZED ${types}[${k}]`
        + ` COMMENT ${literal(`${COMMENT} type ${h.scope} ${h.key}`)}`] : []),
    ];
    return tables.flatMap((t) => columns.map((c) => `ALTER TABLE ${t}${on} ADD COLUMN IF NOT EXISTS ${c}`));
  });
}

/**
 * The configured keys, then the catalog's most used scalar span/resource keys (as DuckDB
 * promotes, lib/spans/duckdb/promotion.ts), up to MAX_HOT_KEYS. The catalog is read at
 * start: keys that became hot since are added at the next start.
 */
export async function chooseHotKeys(client: ClickHouseClient, o: SchemaOptions, configured: readonly HotKey[]): Promise<HotKey[]> {
  const n = tableNames(o);
  const rs = await client.query({
    query: `SELECT scope, key, uniqCombined64Merge(spans) AS span_total FROM ${n.keys}
      WHERE scope IN ('span', 'resource') AND type IN ('string', 'int', 'double', 'bool')
      GROUP BY scope, key
      HAVING span_total >= greatest({min:Float64}, (SELECT count() FROM ${n.spans}) * {share:Float64})
      ORDER BY span_total DESC, key LIMIT {limit:UInt32}`,
    query_params: { min: HOT_MIN_SPANS, share: HOT_MIN_SHARE, limit: MAX_HOT_KEYS },
    format: "JSONEachRow",
  });
  const seen = new Set<string>();
  const out: HotKey[] = [];
  for (const h of [...configured, ...(await rs.json<HotKey>())]) {
    const id = `${h.scope}:${h.key}`;
    if (seen.has(id) || out.length >= MAX_HOT_KEYS) continue;
    seen.add(id);
    out.push({ scope: h.scope, key: h.key });
  }
  return out;
}

/** The hot columns the span table has, whoever added them. */
export async function loadHotColumns(client: ClickHouseClient, o: SchemaOptions): Promise<HotColumns> {
  const rs = await client.query({
    query: `SELECT name, comment FROM system.columns
      WHERE database = {db:String} AND table = {table:String} AND startsWith(comment, {prefix:String})`,
    query_params: { db: o.database, table: o.table, prefix: `${COMMENT} ` },
    format: "JSONEachRow",
  });
  const found = new Map<string, { value?: string; type?: string }>();
  for (const { name, comment } of await rs.json<{ name: string; comment: string }>()) {
    const m = /^spanlens hot (value|type) (span|resource) (.+)$/s.exec(comment);
    if (!m) continue;
    const id = `${m[2]}:${m[3]}`;
    const entry = found.get(id) ?? {};
    entry[m[1] as "value" | "type"] = `\`${name.replace(/`/g, "")}\``;
    found.set(id, entry);
  }
  const out = new Map<string, { value: string; type: string | null }>();
  for (const [id, c] of found) if (c.value) out.set(id, { value: c.value, type: c.type ?? null });
  return out;
}
