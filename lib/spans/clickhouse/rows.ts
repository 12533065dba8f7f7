import { createHash } from "node:crypto";
import { serviceNameOf } from "@/lib/ingest/service-name";
import type { NormalizedSpan } from "@/lib/ingest/types";
import { encodeAttrs, type EncodedAttrs } from "./attributes";
import { KIND_TEXT, STATUS_TEXT } from "./names";

/**
 * A unix-nanosecond time as a DateTime64(9) literal, from the BigInt: a JS number would
 * round it to about a quarter of a microsecond. Times between 2001 and 2286 (ten digits
 * of seconds) go as `seconds.nanoseconds`, which the engine parses as a unix time without
 * a calendar conversion here; others (a zero start from a broken SDK) as a date, which a
 * short run of digits could otherwise be mistaken for.
 */
export function nsToDateTime64(ns: bigint): string {
  const digits = ns.toString();
  if (digits.length === 19) return `${digits.slice(0, 10)}.${digits.slice(10)}`;
  const sec = ns / 1_000_000_000n;
  const frac = ns % 1_000_000_000n;
  const iso = new Date(Number(sec) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${frac.toString().padStart(9, "0")}`;
}

// Decoders hand every span of one resource the same attribute array: encode it once.
const resources = new WeakMap<NormalizedSpan["resource"], EncodedAttrs>();

function resourceOf(span: NormalizedSpan): EncodedAttrs {
  let r = resources.get(span.resource);
  if (!r) {
    r = encodeAttrs(span.resource);
    resources.set(span.resource, r);
  }
  return r;
}

/** One span as a JSONEachRow object, in the collector's column names. */
export function spanRow(projectId: number, s: NormalizedSpan, sampleRate: number) {
  const attrs = encodeAttrs(s.attributes);
  const res = resourceOf(s);
  const events = s.events.map((e) => ({ e, a: encodeAttrs(e.attributes) }));
  const links = s.links.map((l) => ({ l, a: encodeAttrs(l.attributes) }));
  return {
    Timestamp: nsToDateTime64(s.startNs),
    TraceId: s.traceId,
    SpanId: s.spanId,
    ParentSpanId: s.parentSpanId ?? "",
    TraceState: s.traceState,
    SpanName: s.name,
    SpanKind: KIND_TEXT[s.kind],
    ServiceName: serviceNameOf(s),
    ResourceAttributes: res.values,
    ScopeName: s.scopeName,
    ScopeVersion: s.scopeVersion,
    SpanAttributes: attrs.values,
    Duration: (s.endNs - s.startNs).toString(),
    StatusCode: STATUS_TEXT[s.statusCode],
    StatusMessage: s.statusMessage,
    "Events.Timestamp": events.map(({ e }) => nsToDateTime64(e.timeNs)),
    "Events.Name": events.map(({ e }) => e.name),
    "Events.Attributes": events.map(({ a }) => a.values),
    "Links.TraceId": links.map(({ l }) => l.traceId),
    "Links.SpanId": links.map(({ l }) => l.spanId),
    "Links.TraceState": links.map(({ l }) => l.traceState),
    "Links.Attributes": links.map(({ a }) => a.values),
    ProjectId: projectId,
    SampleRate: sampleRate,
    SpanAttributeTypes: attrs.types,
    ResourceAttributeTypes: res.types,
    EventAttributeTypes: events.map(({ a }) => a.types),
    LinkAttributeTypes: links.map(({ a }) => a.types),
  };
}

/**
 * A request's rows as JSONEachRow text and its deduplication token: the same request
 * sent again (an exporter's retry) yields the same token, and the engine drops it.
 */
export function requestBody(projectId: number, spans: NormalizedSpan[], rates?: ArrayLike<number>) {
  let body = "";
  for (let i = 0; i < spans.length; i++) body += JSON.stringify(spanRow(projectId, spans[i], rates?.[i] ?? 1)) + "\n";
  const token = createHash("sha256").update(body).digest("hex");
  return { body, token };
}
