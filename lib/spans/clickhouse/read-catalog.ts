import type { AttributeKeyInfo, AttributeScope, AttributeValueInfo } from "@/lib/contract";
import type { AttributeKeyQuery, AttributeValueQuery } from "../types";
import { nsOf, rows, type ChContext, type Params } from "./context";
import { CATALOG_VALUE_KEPT, SPAN_SET_STATE, catalogJoin } from "./schema";

/**
 * The catalog tables (kept by materialized views), or in read mode the same rows
 * aggregated from the collector's spans of the newest day: there is no catalog to read,
 * and a scan of everything would not answer an autocomplete in time.
 */
function keysSource(ctx: ChContext): string {
  if (ctx.mode === "write") return ctx.names.keys;
  return `(SELECT 0 AS project_id, e.1 AS scope, e.2 AS key, e.3 AS type, ${SPAN_SET_STATE} AS spans,
             min(Timestamp) AS first_seen, max(Timestamp) AS last_seen
           FROM ${ctx.names.spans} ${catalogJoin(false)} ${recent(ctx)}
           GROUP BY scope, key, type)`;
}

function valuesSource(ctx: ChContext): string {
  if (ctx.mode === "write") return `(SELECT * FROM ${ctx.names.values} WHERE kept = 1)`;
  return `(SELECT 0 AS project_id, e.1 AS scope, e.2 AS key, e.4 AS value, e.3 AS type, ${SPAN_SET_STATE} AS spans
           FROM ${ctx.names.spans} ${catalogJoin(false)} ${recent(ctx)} AND ${CATALOG_VALUE_KEPT}
           GROUP BY scope, key, value, type)`;
}

const recent = (ctx: ChContext) =>
  `WHERE Timestamp >= (SELECT max(Timestamp) FROM ${ctx.names.spans}) - INTERVAL 1 DAY`;

const projectWhere = (ctx: ChContext) => (ctx.mode === "write" ? ["project_id = {project:UInt32}"] : []);

export async function listAttributeKeys(ctx: ChContext, q: AttributeKeyQuery): Promise<AttributeKeyInfo[]> {
  const where = projectWhere(ctx);
  const params: Params = { project: q.projectId, limit: q.limit };
  if (q.scope) { where.push("scope = {scope:String}"); params.scope = q.scope; }
  if (q.prefix) { where.push("startsWith(key, {prefix:String})"); params.prefix = q.prefix; }
  const list = await rows<{ scope: AttributeScope; key: string; types: string[]; total: string; first: string; last: string }>(ctx,
    `SELECT scope, key, arraySort(groupUniqArray(toString(type))) AS types, toString(uniqCombined64Merge(spans)) AS total,
            ${nsOf("min(first_seen)")} AS first, ${nsOf("max(last_seen)")} AS last
     FROM ${keysSource(ctx)} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     GROUP BY scope, key ORDER BY uniqCombined64Merge(spans) DESC, key LIMIT {limit:UInt32}`, params);
  return list.map((r) => ({
    scope: r.scope, key: r.key, types: r.types, spanCount: Number(r.total),
    firstSeenUnixNano: r.first, lastSeenUnixNano: r.last,
  }));
}

export async function listAttributeValues(ctx: ChContext, q: AttributeValueQuery) {
  const where = [...projectWhere(ctx), "key = {key:String}"];
  const params: Params = { project: q.projectId, key: q.key, limit: q.limit };
  if (q.scope) { where.push("scope = {scope:String}"); params.scope = q.scope; }
  const all = where.join(" AND ");
  if (q.prefix) { where.push("startsWith(value, {prefix:String})"); params.prefix = q.prefix; }
  const source = valuesSource(ctx);
  const list = await rows<{ value: string; type: string; count: string; distinct_values: string }>(ctx,
    `SELECT value, toString(type) AS type, toString(uniqCombined64Merge(spans)) AS count,
            (SELECT toString(uniqExact(scope, value, type)) FROM ${source} WHERE ${all}) AS distinct_values
     FROM ${source} WHERE ${where.join(" AND ")}
     GROUP BY value, type ORDER BY uniqCombined64Merge(spans) DESC, value LIMIT {limit:UInt32}`, params);
  const values: AttributeValueInfo[] = list.map((r) => ({ value: r.value, type: r.type, count: Number(r.count) }));
  return { values, distinctValues: Number(list[0]?.distinct_values ?? 0) };
}
