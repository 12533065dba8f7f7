/**
 * OTLP ExportTraceServiceRequest -> NormalizedSpan[]. Written against the OTLP/HTTP JSON
 * mapping (camelCase keys, hex ids, string-or-number times and ints), and also fed the
 * protobuf decoder's plain objects, whose ids are bytes and times BigInt: the readers
 * it calls accept both, so both encodings pass the same validation.
 */
import { otlpAttributes } from "./any-value";
import {
  asObject,
  at,
  checkCount,
  describe,
  isObject,
  limitError,
  optArray,
  optCount,
  optObject,
  optString,
} from "./fields";
import { normalizeParentSpanId, normalizeSpanId, normalizeTraceId } from "./ids";
import { INGEST_LIMITS } from "./limits";
import { parseUnixNano } from "./time";
import {
  IngestError,
  type Attr,
  type NormalizedEvent,
  type NormalizedLink,
  type NormalizedSpan,
  type SpanKindCode,
  type StatusCodeNum,
} from "./types";

const KIND_NAMES = [
  "SPAN_KIND_UNSPECIFIED",
  "SPAN_KIND_INTERNAL",
  "SPAN_KIND_SERVER",
  "SPAN_KIND_CLIENT",
  "SPAN_KIND_PRODUCER",
  "SPAN_KIND_CONSUMER",
] as const;
const STATUS_NAMES = ["STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"] as const;

/** Protobuf enums in JSON may be the number or the value's name. */
function enumCode(v: unknown, names: readonly string[], path: string): number {
  if (v == null) return 0;
  if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v < names.length) return v;
  if (typeof v === "string" && names.includes(v)) return names.indexOf(v);
  const prefix = names[0].slice(0, names[0].lastIndexOf("_") + 1);
  throw new IngestError(path, `expected 0-${names.length - 1} or a ${prefix}* name, got ${shown(v)}`);
}

function shown(v: unknown): string {
  return typeof v === "string" || typeof v === "number" ? JSON.stringify(v) : describe(v);
}

/** Counted before decoding so an oversized request fails fast; malformed parts are
 * skipped here and reported by the decoder with their path. */
function countSpans(req: Record<string, unknown>): number {
  let n = 0;
  for (const rs of Array.isArray(req.resourceSpans) ? req.resourceSpans : []) {
    if (!isObject(rs)) continue;
    for (const ss of [rs.scopeSpans, rs.instrumentationLibrarySpans].flatMap((g) => (Array.isArray(g) ? g : []))) {
      if (isObject(ss) && Array.isArray(ss.spans)) n += ss.spans.length;
    }
  }
  return n;
}

interface Scope {
  resource: Attr[];
  scopeName: string;
  scopeVersion: string;
}

export function decodeOtlpJson(body: unknown): NormalizedSpan[] {
  const req = asObject(body, "");
  const total = countSpans(req);
  if (total > INGEST_LIMITS.maxSpansPerRequest) {
    throw limitError("", "maxSpansPerRequest", `${total} spans`);
  }
  const spans: NormalizedSpan[] = [];
  optArray(req.resourceSpans, "resourceSpans").forEach((rsRaw, i) => {
    const rsPath = `resourceSpans[${i}]`;
    const rs = asObject(rsRaw, rsPath);
    const res = optObject(rs.resource, at(rsPath, "resource"));
    const resource = otlpAttributes(res?.attributes, at(rsPath, "resource.attributes"));
    // Pre-1.0 senders use the legacy names; a request never mixes both, but reading
    // both lists costs nothing and can lose nothing.
    const groups = [
      { key: "scopeSpans", scopeKey: "scope" },
      { key: "instrumentationLibrarySpans", scopeKey: "instrumentationLibrary" },
    ];
    for (const { key, scopeKey } of groups) {
      optArray(rs[key], at(rsPath, key)).forEach((ssRaw, j) => {
        const ssPath = `${rsPath}.${key}[${j}]`;
        const ss = asObject(ssRaw, ssPath);
        const scopePath = at(ssPath, scopeKey);
        const scope = optObject(ss[scopeKey], scopePath);
        // Validated for the limits, then dropped: NormalizedSpan has no field for them.
        otlpAttributes(scope?.attributes, at(scopePath, "attributes"));
        const ctx: Scope = {
          resource,
          scopeName: optString(scope?.name, at(scopePath, "name")),
          scopeVersion: optString(scope?.version, at(scopePath, "version")),
        };
        optArray(ss.spans, at(ssPath, "spans")).forEach((spanRaw, k) => {
          spans.push(decodeSpan(spanRaw, `${ssPath}.spans[${k}]`, ctx));
        });
      });
    }
  });
  return spans;
}

function decodeSpan(raw: unknown, path: string, ctx: Scope): NormalizedSpan {
  const s = asObject(raw, path);
  const startNs = parseUnixNano(s.startTimeUnixNano, at(path, "startTimeUnixNano"));
  const endNs = parseUnixNano(s.endTimeUnixNano, at(path, "endTimeUnixNano"));
  if (endNs < startNs) throw new IngestError(at(path, "endTimeUnixNano"), "before startTimeUnixNano");

  const eventList = optArray(s.events, at(path, "events"));
  checkCount(eventList, at(path, "events"), "maxEventsPerSpan", "events");
  const linkList = optArray(s.links, at(path, "links"));
  checkCount(linkList, at(path, "links"), "maxLinksPerSpan", "links");
  const status = optObject(s.status, at(path, "status"));

  return {
    traceId: normalizeTraceId(s.traceId, at(path, "traceId")),
    spanId: normalizeSpanId(s.spanId, at(path, "spanId")),
    parentSpanId: normalizeParentSpanId(s.parentSpanId, at(path, "parentSpanId")),
    traceState: optString(s.traceState, at(path, "traceState")),
    name: optString(s.name, at(path, "name")),
    kind: enumCode(s.kind, KIND_NAMES, at(path, "kind")) as SpanKindCode,
    startNs,
    endNs,
    statusCode: enumCode(status?.code, STATUS_NAMES, at(path, "status.code")) as StatusCodeNum,
    statusMessage: optString(status?.message, at(path, "status.message")),
    attributes: otlpAttributes(s.attributes, at(path, "attributes")),
    resource: ctx.resource,
    scopeName: ctx.scopeName,
    scopeVersion: ctx.scopeVersion,
    events: eventList.map((e, i) => decodeEvent(e, `${path}.events[${i}]`)),
    links: linkList.map((l, i) => decodeLink(l, `${path}.links[${i}]`)),
    droppedAttributesCount: optCount(s.droppedAttributesCount, at(path, "droppedAttributesCount")),
    droppedEventsCount: optCount(s.droppedEventsCount, at(path, "droppedEventsCount")),
    droppedLinksCount: optCount(s.droppedLinksCount, at(path, "droppedLinksCount")),
  };
}

function decodeEvent(raw: unknown, path: string): NormalizedEvent {
  const e = asObject(raw, path);
  return {
    name: optString(e.name, at(path, "name")),
    timeNs: parseUnixNano(e.timeUnixNano, at(path, "timeUnixNano")),
    attributes: otlpAttributes(e.attributes, at(path, "attributes")),
    droppedAttributesCount: optCount(e.droppedAttributesCount, at(path, "droppedAttributesCount")),
  };
}

function decodeLink(raw: unknown, path: string): NormalizedLink {
  const l = asObject(raw, path);
  return {
    traceId: normalizeTraceId(l.traceId, at(path, "traceId")),
    spanId: normalizeSpanId(l.spanId, at(path, "spanId")),
    traceState: optString(l.traceState, at(path, "traceState")),
    attributes: otlpAttributes(l.attributes, at(path, "attributes")),
    droppedAttributesCount: optCount(l.droppedAttributesCount, at(path, "droppedAttributesCount")),
  };
}
