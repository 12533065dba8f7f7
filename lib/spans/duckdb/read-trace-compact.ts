import type { DuckDBConnection } from "@duckdb/node-api";
import { normalizeTraceIdForLookup } from "../trace-id";
import type { CompactTrace } from "@/lib/contract";

interface Row {
  span_id: string; parent_span_id: string | null; name: string; service_name: string;
  start_ns: bigint; duration_ns: bigint; status_code: number; kind: number; ev: { n: string; t: bigint }[] | null;
}

export async function getCompactTrace(conn: DuckDBConnection, projectId: number, rawTraceId: string): Promise<CompactTrace | null> {
  const traceId = normalizeTraceIdForLookup(rawTraceId);
  if (!traceId) return null;
  // Event names and times only: the waterfall draws markers, details come per span.
  const reader = await conn.runAndReadAll(
    `SELECT span_id, parent_span_id, name, service_name, start_ns, duration_ns, status_code, kind,
            CASE WHEN events IS NULL THEN NULL ELSE
              list_transform(from_json(events, '[{"name":"VARCHAR","timeUnixNano":"VARCHAR"}]'), e -> {'n': e.name, 't': e.timeUnixNano::BIGINT})
            END AS ev
     FROM spans WHERE project_id = $project AND trace_id = $trace ORDER BY start_ns, span_id`,
    { project: projectId, trace: traceId },
  );
  const rows = reader.getRowObjectsJS() as unknown as Row[];
  if (rows.length === 0) return null;
  const t0 = rows[0].start_ns;
  const names: string[] = [];
  const nameIdx = new Map<string, number>();
  const services: string[] = [];
  const serviceIdx = new Map<string, number>();
  const intern = (s: string, list: string[], idx: Map<string, number>) => {
    let i = idx.get(s);
    if (i === undefined) { i = list.length; list.push(s); idx.set(s, i); }
    return i;
  };
  const out: CompactTrace = {
    traceId, startTimeUnixNano: t0.toString(), spanCount: rows.length, names, services,
    spanId: [], parentSpanId: [], name: [], service: [], startOffsetNs: [], durationNs: [], status: [], kind: [], events: [],
  };
  rows.forEach((r, i) => {
    out.spanId.push(r.span_id);
    out.parentSpanId.push(r.parent_span_id);
    out.name.push(intern(r.name, names, nameIdx));
    out.service.push(intern(r.service_name, services, serviceIdx));
    out.startOffsetNs.push(Number(r.start_ns - t0));
    out.durationNs.push(Number(r.duration_ns));
    out.status.push(r.status_code);
    out.kind.push(r.kind);
    for (const e of r.ev ?? []) out.events.push(i, Number(e.t - t0), intern(e.n, names, nameIdx));
  });
  return out;
}
