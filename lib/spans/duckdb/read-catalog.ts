import type { DuckDBConnection } from "@duckdb/node-api";
import type { AttributeKeyQuery, AttributeValueQuery } from "../types";
import type { AttributeKeyInfo, AttributeScope, AttributeValueInfo } from "@/lib/contract";

/** LIKE pattern for "starts with", with the user's % and _ taken literally. */
const startsWith = (prefix: string) => prefix.replace(/[\\%_]/g, (c) => "\\" + c) + "%";

export async function listAttributeKeys(conn: DuckDBConnection, q: AttributeKeyQuery): Promise<AttributeKeyInfo[]> {
  const where = ["project_id = $project"];
  const params: Record<string, string | number> = { project: q.projectId, limit: q.limit };
  if (q.scope) { where.push("scope = $scope"); params.scope = q.scope; }
  if (q.prefix) { where.push("key LIKE $prefix ESCAPE '\\'"); params.prefix = startsWith(q.prefix); }
  const rows = (await conn.runAndReadAll(
    `SELECT scope, key, list_sort(list(type)) AS types, sum(span_count)::BIGINT AS span_count,
            min(first_seen_ns) AS first_seen, max(last_seen_ns) AS last_seen
     FROM attribute_keys_all WHERE ${where.join(" AND ")}
     GROUP BY scope, key ORDER BY span_count DESC, key LIMIT $limit`,
    params,
  )).getRowObjectsJS() as { scope: AttributeScope; key: string; types: string[]; span_count: bigint; first_seen: bigint; last_seen: bigint }[];
  return rows.map((r) => ({
    scope: r.scope,
    key: r.key,
    types: r.types,
    spanCount: Number(r.span_count),
    firstSeenUnixNano: r.first_seen.toString(),
    lastSeenUnixNano: r.last_seen.toString(),
  }));
}

export async function listAttributeValues(conn: DuckDBConnection, q: AttributeValueQuery) {
  const where = ["project_id = $project", "key = $key"];
  const params: Record<string, string | number> = { project: q.projectId, key: q.key, limit: q.limit };
  if (q.scope) { where.push("scope = $scope"); params.scope = q.scope; }
  const all = where.join(" AND ");
  if (q.prefix) { where.push("value LIKE $prefix ESCAPE '\\'"); params.prefix = startsWith(q.prefix); }
  const rows = (await conn.runAndReadAll(
    `SELECT value, type, sum(span_count)::BIGINT AS count, (SELECT count(*) FROM attribute_values_all WHERE ${all}) AS distinct_values
     FROM attribute_values_all WHERE ${where.join(" AND ")}
     GROUP BY value, type ORDER BY count DESC, value LIMIT $limit`,
    params,
  )).getRowObjectsJS() as { value: string; type: string; count: bigint; distinct_values: bigint }[];
  const values: AttributeValueInfo[] = rows.map((r) => ({ value: r.value, type: r.type, count: Number(r.count) }));
  return { values, distinctValues: Number(rows[0]?.distinct_values ?? 0) };
}
