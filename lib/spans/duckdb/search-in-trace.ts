import type { DuckDBConnection } from "@duckdb/node-api";
import { normalizeTraceIdForLookup } from "../trace-id";
import type { TraceSearch } from "@/lib/contract";

/** A value equal to `$value` in one family of typed maps (`attr` or `res`), by its type. */
const equals = (p: string) => `coalesce(
  lower(${p}_str[$key]) = lower($value) OR ${p}_int[$key] = TRY_CAST($value AS BIGINT)
  OR ${p}_dbl[$key] = TRY_CAST($value AS DOUBLE) OR ${p}_bool[$key] = TRY_CAST($value AS BOOLEAN), false)`;
const hasKey = (p: string) =>
  `(${["str", "int", "dbl", "bool", "json"].map((t) => `${p}_${t}[$key] IS NOT NULL`).join(" OR ")})`;

/** Any value of the maps containing `$needle` (text) or equal to it (numbers, bools), or a key named so. */
const contains = (p: string) => `(
  len(list_filter(map_values(${p}_str), v -> contains(lower(v), $needle))) > 0
  OR len(list_filter(map_values(${p}_json), v -> contains(lower(v), $needle))) > 0
  OR list_contains(list_transform(map_values(${p}_int), v -> v::VARCHAR), $needle)
  OR list_contains(list_transform(map_values(${p}_dbl), v -> v::VARCHAR), $needle)
  OR list_contains(list_transform(map_values(${p}_bool), v -> v::VARCHAR), $needle)
  OR ${hasKey(p).replaceAll("$key", "$raw")})`;

/** Where a `key = value` looks: `span.x` in span attributes, `resource.x` in resource ones, `x` in both. */
function fieldCondition(key: string, op: "=" | "!="): { sql: string; key: string } {
  const scoped = /^(span|resource)\.(.+)$/.exec(key);
  const families = scoped ? [scoped[1] === "span" ? "attr" : "res"] : ["attr", "res"];
  const name = scoped ? scoped[2] : key;
  if (name === "name" && !scoped) return { sql: `${op === "=" ? "" : "NOT "}(lower(name) = lower($value))`, key: name };
  const parts = families.map((p) => (op === "=" ? equals(p) : `(${hasKey(p)} AND NOT ${equals(p)})`));
  return { sql: `(${parts.join(" OR ")})`, key: name };
}

/**
 * Span ids of one trace whose attributes match: free text against every attribute value
 * (span and resource), status message and event names; or `key = value` / `key != value`
 * by the value's type. All user text goes in as parameters. Null when the trace id is not one.
 */
export async function searchInTrace(
  conn: DuckDBConnection, projectId: number, rawTraceId: string, search: TraceSearch, limit: number,
): Promise<string[] | null> {
  const traceId = normalizeTraceIdForLookup(rawTraceId);
  if (!traceId) return null;
  if (search.kind === "none") return [];
  const params: Record<string, string | number> = { project: projectId, trace: traceId, limit };
  let where: string;
  if (search.kind === "text") {
    params.needle = search.text.toLowerCase();
    params.raw = search.text;
    where = `(contains(lower(name), $needle) OR contains(lower(service_name), $needle)
      OR contains(lower(coalesce(status_message, '')), $needle)
      OR len(list_filter(coalesce(event_names, []), v -> contains(lower(v), $needle))) > 0
      OR ${contains("attr")} OR ${contains("res")})`;
  } else {
    const cond = fieldCondition(search.key, search.op);
    // DuckDB refuses a bound parameter the statement does not use (`name = x` reads no map).
    if (cond.sql.includes("$key")) params.key = cond.key;
    params.value = search.value;
    where = cond.sql;
  }
  const reader = await conn.runAndReadAll(
    `SELECT span_id FROM spans WHERE project_id = $project AND trace_id = $trace AND ${where}
     ORDER BY start_ns, span_id LIMIT $limit`,
    params,
  );
  return reader.getRows().map((r) => String(r[0]));
}
