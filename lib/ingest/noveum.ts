/**
 * Noveum SDK batches (`{ traces: [...], timestamp }`, as posted by @noveum/trace and the
 * Python noveum-trace) -> NormalizedSpan[]. Noveum has no resource or scope, so the
 * trace record's project, environment and sdk are mapped onto OTel resource attributes
 * and the SDK doubles as the instrumentation scope.
 */
import { createHash } from "node:crypto";
import { jsonAnyValue, jsonAttributes, keyPath } from "./any-value";
import { asObject, at, checkCount, isObject, limitError, optArray, optObject, optString, storedString } from "./fields";
import { normalizeParentSpanId, normalizeSpanId, normalizeTraceId } from "./ids";
import { INGEST_LIMITS } from "./limits";
import { checkStoredTime, parseIsoTimeNs } from "./time";
import {
  IngestError,
  type Attr,
  type NormalizedEvent,
  type NormalizedLink,
  type NormalizedSpan,
  type SpanKindCode,
  type StatusCodeNum,
} from "./types";

const STATUS: Record<string, StatusCodeNum> = { unset: 0, ok: 1, error: 2, timeout: 2, cancelled: 2 };
const KINDS: Record<string, SpanKindCode> = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };

interface TraceContext {
  traceId: string;
  resource: Attr[];
  scopeName: string;
  scopeVersion: string;
}

export function decodeNoveum(body: unknown): NormalizedSpan[] {
  // The batch's own `timestamp` (float seconds at send time) carries nothing to store.
  const traces = optArray(asObject(body, "").traces, "traces");
  const total = traces.reduce<number>(
    (n, t) => n + (isObject(t) && Array.isArray(t.spans) && t.spans.length > 0 ? t.spans.length : 1),
    0,
  );
  if (total > INGEST_LIMITS.maxSpansPerRequest) throw limitError("", "maxSpansPerRequest", `${total} spans`);
  return traces.flatMap((t, i) => decodeTrace(t, `traces[${i}]`));
}

function decodeTrace(raw: unknown, path: string): NormalizedSpan[] {
  const t = asObject(raw, path);
  const sdk = optObject(t.sdk, at(path, "sdk"));
  const scopeName = optString(sdk?.name, at(path, "sdk.name"));
  const scopeVersion = optString(sdk?.version, at(path, "sdk.version"));
  const ctx: TraceContext = {
    traceId: normalizeTraceId(t.trace_id, at(path, "trace_id")),
    resource: resourceOf(t, path, scopeName, scopeVersion),
    scopeName,
    scopeVersion,
  };
  // The trace record repeats its root span's attributes; the root keeps its own copy and
  // gains only the keys it lacks, then the metadata.
  const extra = [...jsonAttributes(t.attributes, at(path, "attributes")), ...metadataOf(t.metadata, at(path, "metadata"))];
  const spans = optArray(t.spans, at(path, "spans"));
  if (spans.length === 0) return [traceAsSpan(t, path, ctx, extra)];
  return spans.map((s, i) => {
    const span = decodeSpan(s, `${path}.spans[${i}]`, ctx);
    if (span.parentSpanId === null) span.attributes = merge(span.attributes, extra, `${path}.spans[${i}].attributes`);
    return span;
  });
}

function resourceOf(t: Record<string, unknown>, path: string, sdkName: string, sdkVersion: string): Attr[] {
  const project = optString(t.project, at(path, "project"));
  const environment = optString(t.environment, at(path, "environment"));
  const pairs: [string, string][] = [
    ["service.name", project],
    ["noveum.project", project],
    ["deployment.environment.name", environment],
    // The pre-1.27 semantic-conventions name, still what many dashboards filter on.
    ["deployment.environment", environment],
    ["telemetry.sdk.name", sdkName],
    ["telemetry.sdk.version", sdkVersion],
  ];
  return pairs.filter(([, v]) => v !== "").map(([key, v]) => ({ key, value: { t: "str", v } }));
}

function metadataOf(raw: unknown, path: string): Attr[] {
  const m = optObject(raw, path);
  if (!m) return [];
  const out: Attr[] = [];
  const named: [string, string][] = [["user_id", "user.id"], ["session_id", "session.id"], ["request_id", "request.id"]];
  for (const [field, key] of named) {
    if (m[field] != null) out.push({ key, value: jsonAnyValue(m[field], at(path, field)) });
  }
  for (const [field, prefix] of [["tags", "tags."], ["custom_attributes", ""]] as const) {
    const obj = optObject(m[field], at(path, field)) ?? {};
    for (const [k, v] of Object.entries(obj)) {
      const p = keyPath(at(path, field), k);
      if (v != null) out.push({ key: storedString(prefix + k, p), value: jsonAnyValue(v, p) });
    }
  }
  return out;
}

function merge(own: Attr[], extra: Attr[], path: string): Attr[] {
  const seen = new Set(own.map((a) => a.key));
  const merged = [...own];
  for (const a of extra) {
    if (seen.has(a.key)) continue;
    seen.add(a.key);
    merged.push(a);
  }
  if (merged.length > INGEST_LIMITS.maxAttributesPerSpan) {
    throw limitError(path, "maxAttributesPerSpan", `${merged.length} attributes with the trace's and metadata`);
  }
  return merged;
}

/** Start, end and status as Noveum writes them on both trace records and spans. */
function timing(r: Record<string, unknown>, path: string) {
  const startNs = parseIsoTimeNs(r.start_time, at(path, "start_time"));
  let endNs = startNs;
  if (r.end_time != null) endNs = parseIsoTimeNs(r.end_time, at(path, "end_time"));
  else if (r.duration_ms != null) endNs = endFromDuration(startNs, r.duration_ms, at(path, "duration_ms"));
  if (endNs < startNs) throw new IngestError(at(path, "end_time"), "before start_time");

  const word = optString(r.status, at(path, "status")).toLowerCase() || "unset";
  const statusCode = STATUS[word];
  if (statusCode === undefined) {
    throw new IngestError(at(path, "status"), `expected one of ${Object.keys(STATUS).join(", ")}`);
  }
  let statusMessage = optString(r.status_message, at(path, "status_message"));
  if (!statusMessage && (word === "timeout" || word === "cancelled")) statusMessage = word;
  return { startNs, endNs, statusCode, statusMessage };
}

/** The end a `duration_ms` implies, held to the same range as any other stored time. */
function endFromDuration(startNs: bigint, ms: unknown, path: string): bigint {
  if (typeof ms !== "number" || !(ms >= 0)) throw new IngestError(path, "expected a non-negative number");
  // Capped before BigInt(), which throws on Infinity (1e308 ms is Infinity ns); the cap is past
  // the storable range, so checkStoredTime still rejects it.
  const ns = Math.min(Math.round(ms * 1e6), 2 ** 63);
  return checkStoredTime(startNs + BigInt(ns), path);
}

function kindOf(attributes: Attr[]): SpanKindCode {
  const attr = attributes.find((a) => a.key === "span.kind");
  const word = attr?.value.t === "str" ? attr.value.v.toLowerCase().replace(/^span_kind_/, "") : "";
  return KINDS[word] ?? 1;
}

/**
 * A trace record that arrived with no spans (`client.trace(...)` with nothing inside)
 * still happened, so it becomes one root span. Its id is derived from the trace id so a
 * re-sent batch yields the same span (storage can dedupe); hashing rather than reusing
 * the id's digits cannot produce the invalid all-zero id.
 */
function traceAsSpan(t: Record<string, unknown>, path: string, ctx: TraceContext, extra: Attr[]): NormalizedSpan {
  const spanId = createHash("sha256").update(ctx.traceId).digest("hex").slice(0, 16);
  const attributes = merge([], extra, at(path, "attributes"));
  return {
    ...ctx,
    spanId,
    parentSpanId: null,
    traceState: "",
    name: optString(t.name, at(path, "name")),
    kind: kindOf(attributes),
    ...timing(t, path),
    attributes,
    events: [],
    links: [],
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}

function decodeSpan(raw: unknown, path: string, ctx: TraceContext): NormalizedSpan {
  const s = asObject(raw, path);
  const attributes = jsonAttributes(s.attributes, at(path, "attributes"));
  const events = optArray(s.events, at(path, "events"));
  checkCount(events, at(path, "events"), "maxEventsPerSpan", "events");
  const links = optArray(s.links, at(path, "links"));
  checkCount(links, at(path, "links"), "maxLinksPerSpan", "links");
  return {
    ...ctx,
    // A span normally repeats its record's trace_id; if it names another, believe it.
    traceId: s.trace_id == null ? ctx.traceId : normalizeTraceId(s.trace_id, at(path, "trace_id")),
    spanId: normalizeSpanId(s.span_id, at(path, "span_id")),
    parentSpanId: normalizeParentSpanId(s.parent_span_id, at(path, "parent_span_id")),
    traceState: "",
    name: optString(s.name, at(path, "name")),
    kind: kindOf(attributes),
    ...timing(s, path),
    attributes,
    events: events.map((e, i) => decodeEvent(e, `${path}.events[${i}]`)),
    links: links.map((l, i) => decodeLink(l, `${path}.links[${i}]`)),
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}

function decodeEvent(raw: unknown, path: string): NormalizedEvent {
  const e = asObject(raw, path);
  return {
    name: optString(e.name, at(path, "name")),
    timeNs: parseIsoTimeNs(e.timestamp, at(path, "timestamp")),
    attributes: jsonAttributes(e.attributes, at(path, "attributes")),
    droppedAttributesCount: 0,
  };
}

function decodeLink(raw: unknown, path: string): NormalizedLink {
  const l = asObject(raw, path);
  return {
    traceId: normalizeTraceId(l.trace_id, at(path, "trace_id")),
    spanId: normalizeSpanId(l.span_id, at(path, "span_id")),
    traceState: "",
    attributes: jsonAttributes(l.attributes, at(path, "attributes")),
    droppedAttributesCount: 0,
  };
}
