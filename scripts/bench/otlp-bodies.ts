import protobuf from "protobufjs";
import type { AnyValue, Attr, NormalizedSpan } from "@/lib/ingest/types";
import { OTLP_TRACE_PROTO } from "@/lib/ingest/proto/otlp-trace";

const root = protobuf.parse(OTLP_TRACE_PROTO, { keepCase: false }).root;
const Request = root.lookupType("spanlens.otlp.ExportTraceServiceRequest");

function anyValue(v: AnyValue): object {
  switch (v.t) {
    case "str": return { stringValue: v.v };
    case "int": return { intValue: v.v.toString() };
    case "dbl": return { doubleValue: v.v };
    case "bool": return { boolValue: v.v };
    default: throw new Error(`bench bodies carry scalars only, got ${v.t}`);
  }
}
const attrs = (list: Attr[]) => list.map((a) => ({ key: a.key, value: anyValue(a.value) }));
const id = (hex: string) => Buffer.from(hex, "hex");

/** The same, from traces produced one by one, so only the encoded bodies stay in memory. */
export function otlpProtoBodiesFrom(traces: Iterable<NormalizedSpan[]>, perRequest: number): Uint8Array[] {
  const bodies: Uint8Array[] = [];
  let pending: NormalizedSpan[] = [];
  for (const trace of traces) {
    pending.push(...trace);
    if (pending.length >= perRequest) {
      bodies.push(...otlpProtoBodies(pending.slice(0, perRequest), perRequest));
      pending = pending.slice(perRequest);
    }
  }
  if (pending.length) bodies.push(...otlpProtoBodies(pending, perRequest));
  return bodies;
}

/**
 * OTLP/HTTP protobuf bodies of `perRequest` spans, as an SDK's batch exporter sends them:
 * one ResourceSpans per service in the batch. Encoded with the same message definitions
 * the server decodes with.
 */
export function otlpProtoBodies(spans: NormalizedSpan[], perRequest: number): Uint8Array[] {
  const bodies: Uint8Array[] = [];
  for (let i = 0; i < spans.length; i += perRequest) {
    const byService = new Map<string, NormalizedSpan[]>();
    for (const s of spans.slice(i, i + perRequest)) {
      const service = s.resource.find((a) => a.key === "service.name")?.value;
      const key = service?.t === "str" ? service.v : "";
      byService.set(key, [...(byService.get(key) ?? []), s]);
    }
    const resourceSpans = [...byService.values()].map((group) => ({
      resource: { attributes: attrs(group[0].resource) },
      scopeSpans: [{
        scope: { name: group[0].scopeName, version: group[0].scopeVersion },
        spans: group.map((s) => ({
          traceId: id(s.traceId), spanId: id(s.spanId), parentSpanId: s.parentSpanId ? id(s.parentSpanId) : undefined,
          name: s.name, kind: s.kind, startTimeUnixNano: s.startNs.toString(), endTimeUnixNano: s.endNs.toString(),
          attributes: attrs(s.attributes),
          events: s.events.map((e) => ({ name: e.name, timeUnixNano: e.timeNs.toString(), attributes: attrs(e.attributes) })),
          status: { code: s.statusCode, message: s.statusMessage },
        })),
      }],
    }));
    bodies.push(Request.encode(Request.fromObject({ resourceSpans })).finish());
  }
  return bodies;
}
