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
services AS (SELECT service_name AS n, row_number() OVER (ORDER BY min(i)) - 1 AS idx FROM s GROUP BY service_name),
-- One sort: every column's values ride in a single ordered list of structs, then split.
r AS (
  SELECT list({'id': s.span_id, 'p': s.parent_span_id, 'n': nm.idx, 'sv': sv.idx, 'o': s.start_ns - t.t0,
               'd': s.duration_ns, 'st': s.status_code, 'k': s.kind} ORDER BY s.i) AS r,
         any_value(t.t0) AS t0
  FROM s CROSS JOIN t JOIN names nm ON nm.n = s.name JOIN services sv ON sv.n = s.service_name
)
SELECT len(r.r) AS n, to_json({
  'traceId': $trace,
  'startTimeUnixNano': r.t0::VARCHAR,
  'spanCount': len(r.r),
  'names': (SELECT list(n ORDER BY idx) FROM names),
  'services': (SELECT list(n ORDER BY idx) FROM services),
  'spanId': list_transform(r.r, x -> x.id),
  'parentSpanId': list_transform(r.r, x -> x.p),
  'name': list_transform(r.r, x -> x.n),
  'service': list_transform(r.r, x -> x.sv),
  'startOffsetNs': list_transform(r.r, x -> x.o),
  'durationNs': list_transform(r.r, x -> x.d),
  'status': list_transform(r.r, x -> x.st),
  'kind': list_transform(r.r, x -> x.k),
  'events': coalesce((SELECT flatten(list([ev.i, ev.at - r.t0, en.idx] ORDER BY ev.i, ev.k)) FROM ev JOIN names en ON en.n = ev.n), [])
})::VARCHAR AS json
FROM r`;

export async function getCompactTraceJson(conn: DuckDBConnection, projectId: number, rawTraceId: string): Promise<string | null> {
  const traceId = normalizeTraceIdForLookup(rawTraceId);
  if (!traceId) return null;
  const reader = await conn.runAndReadAll(SQL, { project: projectId, trace: traceId });
  const [count, json] = reader.getRows()[0] ?? [0, null];
  return Number(count) > 0 && typeof json === "string" ? json : null;
}
