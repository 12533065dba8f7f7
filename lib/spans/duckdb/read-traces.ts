import type { DuckDBConnection } from "@duckdb/node-api";
import { type OtlpJsonAnyValue, otlpJsonAttrsToPlain, typedMapsToPlain } from "../attribute-codec";
import { normalizeTraceIdForLookup } from "../trace-id";
import type { TracePage } from "../types";
import type { SpanKindName, SpanView, StatusName, TraceDetail } from "@/lib/contract";

const KIND_NAMES: SpanKindName[] = ["unspecified", "internal", "server", "client", "producer", "consumer"];
const STATUS_NAMES: StatusName[] = ["unset", "ok", "error"];

const nsToMs = (ns: bigint) => Number(ns) / 1e6;

type Entries<T> = { key: string; value: T }[] | null;

interface SpanRow {
  span_id: string; parent_span_id: string | null; name: string; kind: number; service_name: string;
  start_ns: bigint; end_ns: bigint; status_code: number; status_message: string | null;
  attr_str: Entries<string>; attr_int: Entries<bigint>; attr_dbl: Entries<number>; attr_bool: Entries<boolean>; attr_json: Entries<string>;
  res_str: Entries<string>; res_int: Entries<bigint>; res_dbl: Entries<number>; res_bool: Entries<boolean>; res_json: Entries<string>;
  events: string | null; links: string | null;
}

interface StoredEvent { name: string; timeUnixNano: string; attributes: { key: string; value: OtlpJsonAnyValue }[] }
interface StoredLink { traceId: string; spanId: string; traceState: string; attributes: { key: string; value: OtlpJsonAnyValue }[] }

function toSpanView(r: SpanRow): SpanView {
  const events = r.events ? (JSON.parse(r.events) as StoredEvent[]) : [];
  const links = r.links ? (JSON.parse(r.links) as StoredLink[]) : [];
  return {
    spanId: r.span_id,
    parentSpanId: r.parent_span_id,
    name: r.name,
    kind: KIND_NAMES[r.kind] ?? "unspecified",
    serviceName: r.service_name,
    startTimeUnixNano: r.start_ns.toString(),
    endTimeUnixNano: r.end_ns.toString(),
    durationMs: nsToMs(r.end_ns - r.start_ns),
    status: { code: STATUS_NAMES[r.status_code] ?? "unset", message: r.status_message ?? "" },
    attributes: typedMapsToPlain({ str: r.attr_str, int: r.attr_int, dbl: r.attr_dbl, bool: r.attr_bool, json: r.attr_json }),
    resource: typedMapsToPlain({ str: r.res_str, int: r.res_int, dbl: r.res_dbl, bool: r.res_bool, json: r.res_json }),
    events: events.map((e) => ({ name: e.name, timeUnixNano: e.timeUnixNano, attributes: otlpJsonAttrsToPlain(e.attributes) })),
    links: links.map((l) => ({ traceId: l.traceId, spanId: l.spanId, traceState: l.traceState, attributes: otlpJsonAttrsToPlain(l.attributes) })),
  };
}

const SPAN_VIEW_COLUMNS = `span_id, parent_span_id, name, kind, service_name, start_ns, end_ns, status_code, status_message,
  attr_str, attr_int, attr_dbl, attr_bool, attr_json, res_str, res_int, res_dbl, res_bool, res_json, events, links`;

/**
 * One page of a trace's spans (the whole trace without `page`) and its span count. The
 * count is its own cheap statement: a window count would make the engine carry every
 * span's maps to the sort, the cost paging is there to avoid.
 */
export async function getTrace(
  conn: DuckDBConnection, projectId: number, rawTraceId: string, page?: TracePage,
): Promise<TraceDetail | null> {
  const traceId = normalizeTraceIdForLookup(rawTraceId);
  if (!traceId) return null;
  const where = "WHERE project_id = $project::INTEGER AND trace_id = $trace";
  const ids = { project: projectId, trace: traceId };
  const counted = await conn.runAndReadAll(`SELECT count(*) FROM spans ${where}`, ids);
  const total = Number(counted.getRows()[0][0]);
  if (total === 0) return null;
  const reader = page
    ? await conn.runAndReadAll(
      `SELECT ${SPAN_VIEW_COLUMNS} FROM spans ${where} ORDER BY start_ns, span_id LIMIT $limit::BIGINT OFFSET $offset::BIGINT`,
      { ...ids, limit: BigInt(page.limit), offset: BigInt(page.offset) },
    )
    : await conn.runAndReadAll(`SELECT ${SPAN_VIEW_COLUMNS} FROM spans ${where} ORDER BY start_ns, span_id`, ids);
  const rows = reader.getRowObjectsJS() as unknown as SpanRow[];
  return { traceId, spans: rows.map(toSpanView), total };
}

export async function getSpan(conn: DuckDBConnection, projectId: number, rawTraceId: string, spanId: string): Promise<SpanView | null> {
  const traceId = normalizeTraceIdForLookup(rawTraceId);
  if (!traceId) return null;
  const reader = await conn.runAndReadAll(
    `SELECT ${SPAN_VIEW_COLUMNS} FROM spans WHERE project_id = $project::INTEGER AND trace_id = $trace AND span_id = $span LIMIT 1`,
    { project: projectId, trace: traceId, span: spanId.toLowerCase() },
  );
  const rows = reader.getRowObjectsJS() as unknown as SpanRow[];
  return rows[0] ? toSpanView(rows[0]) : null;
}
