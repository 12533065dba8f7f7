import { normalizeTraceIdForLookup } from "../trace-id";
import type { CompactTrace, SpanView, TraceDetail, TraceSummary } from "@/lib/contract";
import type { TracePage } from "../types";
import { decodeAttrs, decodeAttrsSorted } from "./attributes";
import { nsOf, projectFilter, rows, spanColumns, type ChContext } from "./context";
import { kindCode, kindName, statusCode, statusName } from "./names";
import { IS_ERROR } from "./schema";

type StrMap = Record<string, string>;

interface SpanRow {
  SpanId: string; ParentSpanId: string; SpanName: string; SpanKind: string; service: string;
  start_ns: string; duration_ns: string; StatusCode: string; StatusMessage: string;
  SpanAttributes: StrMap; span_types: StrMap; ResourceAttributes: StrMap; resource_types: StrMap;
  event_times: string[]; event_names: string[]; event_attrs: StrMap[]; event_types: StrMap[];
  link_trace_ids: string[]; link_span_ids: string[]; link_states: string[]; link_attrs: StrMap[]; link_types: StrMap[];
}

function spanViewColumns(ctx: ChContext) {
  const c = spanColumns(ctx);
  return `SpanId, ParentSpanId, SpanName, SpanKind, ${c.service} AS service, ${nsOf("Timestamp")} AS start_ns,
    toString(Duration) AS duration_ns, StatusCode, StatusMessage,
    SpanAttributes, ${c.spanTypes} AS span_types, ResourceAttributes, ${c.resourceTypes} AS resource_types,
    arrayMap(t -> ${nsOf("t")}, \`Events.Timestamp\`) AS event_times, \`Events.Name\` AS event_names,
    \`Events.Attributes\` AS event_attrs, ${c.eventTypes} AS event_types,
    \`Links.TraceId\` AS link_trace_ids, \`Links.SpanId\` AS link_span_ids, \`Links.TraceState\` AS link_states,
    \`Links.Attributes\` AS link_attrs, ${c.linkTypes} AS link_types`;
}

function toSpanView(r: SpanRow): SpanView {
  const start = BigInt(r.start_ns);
  const duration = BigInt(r.duration_ns);
  return {
    spanId: r.SpanId,
    parentSpanId: r.ParentSpanId || null,
    name: r.SpanName,
    kind: kindName(r.SpanKind),
    serviceName: r.service,
    startTimeUnixNano: r.start_ns,
    endTimeUnixNano: (start + duration).toString(),
    durationMs: Number(duration) / 1e6,
    status: { code: statusName(r.StatusCode), message: r.StatusMessage },
    attributes: decodeAttrsSorted(r.SpanAttributes, r.span_types),
    resource: decodeAttrsSorted(r.ResourceAttributes, r.resource_types),
    events: r.event_names.map((name, i) => ({
      name, timeUnixNano: r.event_times[i], attributes: decodeAttrs(r.event_attrs[i] ?? {}, r.event_types[i]),
    })),
    links: r.link_trace_ids.map((traceId, i) => ({
      traceId, spanId: r.link_span_ids[i], traceState: r.link_states[i], attributes: decodeAttrs(r.link_attrs[i] ?? {}, r.link_types[i]),
    })),
  };
}

/**
 * `WHERE` for one trace's spans. In write mode the trace's time window comes from its
 * summary, so only the partitions it touches are read (the collector does the same with
 * its trace_id_ts table); the TraceId bloom filter does the rest.
 */
async function traceWhere(ctx: ChContext, projectId: number, traceId: string) {
  const params: Record<string, string | number> = { project: projectId, trace: traceId };
  let where = `${projectFilter(ctx)}TraceId = {trace:String}`;
  if (ctx.mode === "write") {
    const [w] = await rows<{ s: string; e: string; n: number }>(ctx,
      `SELECT ${nsOf("min(start_time)")} AS s, ${nsOf("max(end_time)")} AS e, count() AS n
       FROM ${ctx.names.summaries} WHERE project_id = {project:UInt32} AND trace_id = {trace:String}`, params);
    if (!w || Number(w.n) === 0) return null;
    where += " AND Timestamp BETWEEN fromUnixTimestamp64Nano({from:Int64}, 'UTC') AND fromUnixTimestamp64Nano({to:Int64}, 'UTC')";
    Object.assign(params, { from: w.s, to: w.e });
  }
  return { where, params };
}

// A span stored twice (before ReplacingMergeTree merges it away) is read once.
const ONE_PER_SPAN = "LIMIT 1 BY SpanId";

export async function getTrace(ctx: ChContext, projectId: number, rawTraceId: string, page?: TracePage): Promise<TraceDetail | null> {
  const traceId = normalizeTraceIdForLookup(rawTraceId);
  if (!traceId) return null;
  const t = await traceWhere(ctx, projectId, traceId);
  if (!t) return null;
  const [counted] = await rows<{ n: number }>(ctx, `SELECT uniqExact(SpanId) AS n FROM ${ctx.names.spans} WHERE ${t.where}`, t.params);
  const total = Number(counted?.n ?? 0);
  if (total === 0) return null;
  const paging = page ? `LIMIT {limit:UInt64} OFFSET {offset:UInt64}` : "";
  const params = page ? { ...t.params, limit: page.limit, offset: page.offset } : t.params;
  const spans = await rows<SpanRow>(ctx,
    `SELECT ${spanViewColumns(ctx)} FROM ${ctx.names.spans} WHERE ${t.where}
     ORDER BY Timestamp, SpanId ${ONE_PER_SPAN} ${paging}`, params);
  return { traceId, spans: spans.map(toSpanView), total };
}

export async function getSpan(ctx: ChContext, projectId: number, rawTraceId: string, spanId: string): Promise<SpanView | null> {
  const traceId = normalizeTraceIdForLookup(rawTraceId);
  if (!traceId) return null;
  const t = await traceWhere(ctx, projectId, traceId);
  if (!t) return null;
  const [r] = await rows<SpanRow>(ctx,
    `SELECT ${spanViewColumns(ctx)} FROM ${ctx.names.spans} WHERE ${t.where} AND SpanId = {span:String} LIMIT 1`,
    { ...t.params, span: spanId.toLowerCase() });
  return r ? toSpanView(r) : null;
}

interface CompactRow {
  SpanId: string; ParentSpanId: string; SpanName: string; service: string; start_ns: string; duration_ns: string;
  StatusCode: string; SpanKind: string; event_names: string[]; event_times: string[];
}

/** Names and services interned in first-seen order (a span's name, then its events'), as the DuckDB store does. */
export async function getCompactTrace(ctx: ChContext, projectId: number, rawTraceId: string): Promise<CompactTrace | null> {
  const traceId = normalizeTraceIdForLookup(rawTraceId);
  if (!traceId) return null;
  const t = await traceWhere(ctx, projectId, traceId);
  if (!t) return null;
  const list = await rows<CompactRow>(ctx,
    `SELECT SpanId, ParentSpanId, SpanName, ${spanColumns(ctx).service} AS service, ${nsOf("Timestamp")} AS start_ns,
            toString(Duration) AS duration_ns, StatusCode, SpanKind, \`Events.Name\` AS event_names,
            arrayMap(t -> ${nsOf("t")}, \`Events.Timestamp\`) AS event_times
     FROM ${ctx.names.spans} WHERE ${t.where} ORDER BY Timestamp, SpanId ${ONE_PER_SPAN}`, t.params);
  if (list.length === 0) return null;
  const t0 = BigInt(list[0].start_ns);
  const names: string[] = [];
  const services: string[] = [];
  const nameIdx = new Map<string, number>();
  const serviceIdx = new Map<string, number>();
  const intern = (s: string, into: string[], idx: Map<string, number>) => {
    let i = idx.get(s);
    if (i === undefined) { i = into.length; into.push(s); idx.set(s, i); }
    return i;
  };
  const out: CompactTrace = {
    traceId, startTimeUnixNano: t0.toString(), spanCount: list.length, names, services,
    spanId: [], parentSpanId: [], name: [], service: [], startOffsetNs: [], durationNs: [], status: [], kind: [], events: [],
  };
  list.forEach((r, i) => {
    out.spanId.push(r.SpanId);
    out.parentSpanId.push(r.ParentSpanId || null);
    out.name.push(intern(r.SpanName, names, nameIdx));
    out.service.push(intern(r.service, services, serviceIdx));
    out.startOffsetNs.push(Number(BigInt(r.start_ns) - t0));
    out.durationNs.push(Number(r.duration_ns));
    out.status.push(statusCode(r.StatusCode));
    out.kind.push(kindCode(r.SpanKind));
    r.event_names.forEach((n, k) => out.events.push(i, Number(BigInt(r.event_times[k]) - t0), intern(n, names, nameIdx)));
  });
  return out;
}

interface SummaryRow { start_ns: string; end_ns: string; spans: number; errors: number; root_name: string; root_service: string }

const toSummary = (traceId: string, r: SummaryRow): TraceSummary => ({
  traceId, rootName: r.root_name, rootService: r.root_service, startTimeUnixNano: r.start_ns,
  durationMs: Number(BigInt(r.end_ns) - BigInt(r.start_ns)) / 1e6, spanCount: Number(r.spans), errorCount: Number(r.errors),
});

/** From the summaries the materialized view keeps; in read mode, aggregated from the trace's spans. */
export async function getTraceSummary(ctx: ChContext, projectId: number, rawTraceId: string): Promise<TraceSummary | null> {
  const traceId = normalizeTraceIdForLookup(rawTraceId);
  if (!traceId) return null;
  const params = { project: projectId, trace: traceId };
  const sql = ctx.mode === "write"
    ? `SELECT ${nsOf("min(start_time)")} AS start_ns, ${nsOf("max(end_time)")} AS end_ns, uniqExactMerge(span_ids) AS spans,
              uniqExactIfMerge(error_span_ids) AS errors, argMinMerge(root) AS r, r.1 AS root_name, r.2 AS root_service
       FROM ${ctx.names.summaries} WHERE project_id = {project:UInt32} AND trace_id = {trace:String} GROUP BY trace_id`
    : `SELECT ${nsOf("min(Timestamp)")} AS start_ns, ${nsOf("max(addNanoseconds(Timestamp, Duration))")} AS end_ns,
              uniqExact(SpanId) AS spans, uniqExactIf(SpanId, ${IS_ERROR}) AS errors,
              argMin((toString(SpanName), ${spanColumns(ctx).service}), (ParentSpanId != '', Timestamp, SpanId)) AS r,
              r.1 AS root_name, r.2 AS root_service
       FROM ${ctx.names.spans} WHERE TraceId = {trace:String} GROUP BY TraceId`;
  const [r] = await rows<SummaryRow>(ctx, sql, params);
  return r ? toSummary(traceId, r) : null;
}
