import type { DuckDBConnection } from "@duckdb/node-api";
import { normalizeTraceIdForLookup } from "../trace-id";

/**
 * The same CompactTrace as `getCompactTrace`, serialised by DuckDB itself: one JSON string
 * comes back instead of a JS object per span. Converting 100,000 rows to JS objects costs
 * seconds; one string of a few MB costs nothing, and the route sends it as it is.
 * Names are interned in first-seen order (a span's name, then its events' names), as
 * `getCompactTrace` does, so both answer byte-for-byte the same arrays.
 */
const SQL = `
WITH s AS (
  SELECT row_number() OVER (ORDER BY start_ns, span_id) - 1 AS i, span_id, parent_span_id, name, service_name,
         start_ns, duration_ns, status_code, kind, events
  FROM spans WHERE project_id = $project AND trace_id = $trace
),
t AS (SELECT min(start_ns) AS t0 FROM s),
parsed AS (
  SELECT i, from_json(events, '[{"name":"VARCHAR","timeUnixNano":"VARCHAR"}]') AS evs FROM s WHERE events IS NOT NULL
),
ev AS (
  SELECT i, unnest(evs).name AS n, unnest(evs).timeUnixNano::BIGINT AS at, generate_subscripts(evs, 1) AS k FROM parsed
),
seen AS (SELECT name AS n, i, 0 AS k FROM s UNION ALL SELECT n, i, k FROM ev),
names AS (SELECT n, row_number() OVER (ORDER BY min({'i': i, 'k': k})) - 1 AS idx FROM seen GROUP BY n),
services AS (SELECT service_name AS n, row_number() OVER (ORDER BY min(i)) - 1 AS idx FROM s GROUP BY service_name)
SELECT count(*) AS n, json_object(
  'traceId', $trace,
  'startTimeUnixNano', any_value(t.t0)::VARCHAR,
  'spanCount', count(*),
  'names', (SELECT list(n ORDER BY idx) FROM names),
  'services', (SELECT list(n ORDER BY idx) FROM services),
  'spanId', list(s.span_id ORDER BY s.i),
  'parentSpanId', list(s.parent_span_id ORDER BY s.i),
  'name', list(nm.idx ORDER BY s.i),
  'service', list(sv.idx ORDER BY s.i),
  'startOffsetNs', list(s.start_ns - t.t0 ORDER BY s.i),
  'durationNs', list(s.duration_ns ORDER BY s.i),
  'status', list(s.status_code ORDER BY s.i),
  'kind', list(s.kind ORDER BY s.i),
  'events', coalesce((SELECT flatten(list([ev.i, ev.at - t.t0, en.idx] ORDER BY ev.i, ev.k)) FROM ev JOIN names en ON en.n = ev.n, t), [])
)::VARCHAR AS json
FROM s CROSS JOIN t JOIN names nm ON nm.n = s.name JOIN services sv ON sv.n = s.service_name`;

export async function getCompactTraceJson(conn: DuckDBConnection, projectId: number, rawTraceId: string): Promise<string | null> {
  const traceId = normalizeTraceIdForLookup(rawTraceId);
  if (!traceId) return null;
  const reader = await conn.runAndReadAll(SQL, { project: projectId, trace: traceId });
  const [count, json] = reader.getRows()[0] ?? [0, null];
  return Number(count) > 0 && typeof json === "string" ? json : null;
}
