/**
 * SQL that folds a batch of new spans (temp table `fresh`) into the attribute catalog.
 * Values are kept for strings, ints and bools up to MAX_VALUE_CHARS characters; doubles
 * and long strings (statements, stack traces) only count toward their key.
 */
export const MAX_VALUE_CHARS = 200;

const scalarMaps = [
  ["str", "string"],
  ["int", "int"],
  ["dbl", "double"],
  ["bool", "bool"],
] as const;

const jsonType = (v: string) =>
  `CASE WHEN starts_with(${v}, '{"arrayValue"') THEN 'array' WHEN starts_with(${v}, '{"kvlistValue"') THEN 'kvlist' ELSE 'bytes' END`;

/** (project_id, scope, key, type, start_ns, value) for every attribute of every fresh span. */
function entries(): string {
  const parts: string[] = [];
  for (const [scope, prefix] of [["span", "attr"], ["resource", "res"]] as const) {
    for (const [col, type] of scalarMaps) {
      const value = type === "double" ? "NULL" : `e.value::VARCHAR`;
      parts.push(`SELECT project_id, '${scope}' AS scope, e.key AS key, '${type}' AS type, start_ns, ${value} AS value
        FROM (SELECT project_id, start_ns, unnest(map_entries(${prefix}_${col})) AS e FROM fresh WHERE ${prefix}_${col} IS NOT NULL)`);
    }
    parts.push(`SELECT project_id, '${scope}', e.key, ${jsonType("e.value")}, start_ns, NULL
      FROM (SELECT project_id, start_ns, unnest(map_entries(${prefix}_json)) AS e FROM fresh WHERE ${prefix}_json IS NOT NULL)`);
  }
  // Event attributes live in the events JSON; their values are typed OTLP/JSON objects.
  const has = (field: string) => `json_exists(a, '$.value.${field}')`;
  parts.push(`SELECT project_id, 'event', a->>'key', CASE
        WHEN ${has("stringValue")} THEN 'string' WHEN ${has("intValue")} THEN 'int'
        WHEN ${has("doubleValue")} THEN 'double' WHEN ${has("boolValue")} THEN 'bool'
        WHEN ${has("arrayValue")} THEN 'array' WHEN ${has("kvlistValue")} THEN 'kvlist' ELSE 'bytes' END,
      start_ns, coalesce(a->'value'->>'stringValue', a->'value'->>'intValue', a->'value'->>'boolValue')
    FROM (SELECT project_id, start_ns, unnest(json_extract(events, '$[*].attributes[*]')) AS a FROM fresh WHERE events IS NOT NULL)`);
  parts.push(`SELECT project_id, 'intrinsic', 'name', 'string', start_ns, name FROM fresh`);
  parts.push(`SELECT project_id, 'event', 'event:name', 'string', start_ns, unnest(event_names)
    FROM fresh WHERE event_names IS NOT NULL`);
  return parts.join("\nUNION ALL\n");
}

export const CATALOG_ENTRIES_SQL = `CREATE OR REPLACE TEMP TABLE catalog_batch AS ${entries()}`;

/** A batch's catalog rows, aggregated, appended to the pending tables (no index work). */
export const PENDING_KEYS_SQL = `
  INSERT INTO attribute_keys_pending
  SELECT project_id, scope, key, type, count(*), min(start_ns), max(start_ns) FROM catalog_batch
  GROUP BY project_id, scope, key, type`;

export const PENDING_VALUES_SQL = `
  INSERT INTO attribute_values_pending (project_id, scope, key, value, type, span_count, last_seen_ns)
  SELECT project_id, scope, key, value, type, count(*), max(start_ns) FROM catalog_batch
  WHERE value IS NOT NULL AND length(value) <= ${MAX_VALUE_CHARS}
  GROUP BY project_id, scope, key, value, type`;

/** Folds the pending rows into the keyed tables, in the background, in one transaction. */
export const MERGE_PENDING_CATALOG = [
  `INSERT INTO attribute_keys
   SELECT project_id, scope, key, type, sum(span_count), min(first_seen_ns), max(last_seen_ns)
   FROM attribute_keys_pending GROUP BY project_id, scope, key, type
   ON CONFLICT DO UPDATE SET
     span_count = span_count + EXCLUDED.span_count,
     first_seen_ns = least(first_seen_ns, EXCLUDED.first_seen_ns),
     last_seen_ns = greatest(last_seen_ns, EXCLUDED.last_seen_ns)`,
  `INSERT INTO attribute_values (project_id, scope, key, value, type, span_count, last_seen_ns)
   SELECT project_id, scope, key, value, type, sum(span_count), max(last_seen_ns)
   FROM attribute_values_pending GROUP BY project_id, scope, key, value, type
   ON CONFLICT DO UPDATE SET
     span_count = span_count + EXCLUDED.span_count,
     last_seen_ns = greatest(last_seen_ns, EXCLUDED.last_seen_ns)`,
  `DELETE FROM attribute_keys_pending`,
  `DELETE FROM attribute_values_pending`,
];
