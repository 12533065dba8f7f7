import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { TRACE_ID, attr, values } from "./__fixtures__/sdk-spans";
import { decodeIngestRequest } from "./decode-request";
import type { NormalizedSpan } from "./types";

const CUT = "cut \ud83d";
const FIXED = "cut \ufffd";
// With the `u` flag a surrogate pair is one code point, so only a lone half matches.
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Every string in the decoded spans, attribute keys included. */
function strings(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === "object" && !(v instanceof Uint8Array)) return Object.values(v).flatMap(strings);
  return [];
}

function decodeJson(body: unknown): NormalizedSpan[] {
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  return decodeIngestRequest({ contentType: "application/json", contentEncoding: null, body: bytes }).spans;
}

/** What the OpenTelemetry JS SDK does to an emoji that straddles `attributeValueLengthLimit`. */
function sdkSpansWithACutEmoji() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    spanLimits: { attributeValueLengthLimit: CUT.length },
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  provider.getTracer("t").startSpan("greet", { attributes: { note: "cut 😀 here" } }).end();
  return exporter.getFinishedSpans();
}

describe("lone surrogates from the OpenTelemetry JS SDK", () => {
  it("arrive as \\ud83d in OTLP/JSON and are kept as U+FFFD", () => {
    const body = JsonTraceSerializer.serializeRequest(sdkSpansWithACutEmoji())!;
    expect(new TextDecoder().decode(body)).toContain("cut \\ud83d");
    const { spans } = decodeIngestRequest({ contentType: "application/json", contentEncoding: null, body });
    expect(spans[0].attributes).toEqual([attr("note", values.str(FIXED))]);
  });

  it("are kept as U+FFFD in OTLP/protobuf", () => {
    const body = ProtobufTraceSerializer.serializeRequest(sdkSpansWithACutEmoji())!;
    const { spans } = decodeIngestRequest({ contentType: "application/x-protobuf", contentEncoding: null, body });
    expect(spans[0].attributes).toEqual([attr("note", values.str(FIXED))]);
  });
});

describe("lone surrogates in every string field", () => {
  it("become U+FFFD everywhere in OTLP/JSON", () => {
    const attributes = [{ key: CUT, value: { arrayValue: { values: [{ stringValue: CUT }] } } }];
    const span = {
      traceId: TRACE_ID,
      spanId: "00f067aa0ba902b7",
      traceState: CUT,
      name: CUT,
      startTimeUnixNano: "1795551309366000123",
      endTimeUnixNano: "1795551309366000124",
      status: { code: 2, message: CUT },
      attributes,
      events: [{ name: CUT, timeUnixNano: "1795551309366000124", attributes }],
      links: [{ traceId: TRACE_ID, spanId: "53995c3f42cd8ad8", traceState: CUT, attributes }],
    };
    const scope = { name: CUT, version: CUT, attributes };
    const resourceSpans = [{ resource: { attributes }, scopeSpans: [{ scope, spans: [span] }] }];
    const [decoded] = decodeJson({ resourceSpans });
    expect([decoded.name, decoded.statusMessage, decoded.traceState, decoded.scopeName]).toEqual(Array(4).fill(FIXED));
    expect(decoded.resource).toEqual([attr(FIXED, values.arr(values.str(FIXED)))]);
    expect(strings(decoded).filter((s) => LONE_SURROGATE.test(s))).toEqual([]);
    // Trace state, name, status message, scope name and version, the event's name, the link's trace
    // state, and a key and a value in each of the span, resource, event and link attributes.
    expect(strings(decoded).filter((s) => s === FIXED)).toHaveLength(15);
  });

  it("become U+FFFD everywhere in a Noveum batch", () => {
    const attributes = { [CUT]: [CUT, { [CUT]: CUT }] };
    const span = {
      span_id: "aaaaaaaaaaaaaaaa",
      name: CUT,
      start_time: "2026-11-24T20:15:09Z",
      status: "error",
      status_message: CUT,
      attributes,
      events: [{ name: CUT, timestamp: "2026-11-24T20:15:09Z", attributes }],
      links: [{ trace_id: TRACE_ID, span_id: "bbbbbbbbbbbbbbbb", attributes }],
    };
    const trace = {
      trace_id: "1111222233334444",
      name: CUT,
      start_time: "2026-11-24T20:15:09Z",
      project: CUT,
      environment: CUT,
      sdk: { name: CUT, version: CUT },
      attributes,
      metadata: { user_id: CUT, tags: { [CUT]: CUT }, custom_attributes: { [CUT]: CUT } },
      spans: [span],
    };
    const [decoded] = decodeJson({ traces: [trace] });
    const named = [decoded.name, decoded.statusMessage, decoded.scopeName, decoded.scopeVersion];
    expect(named).toEqual(Array(4).fill(FIXED));
    expect(decoded.attributes.map((a) => a.key)).toEqual([FIXED, "user.id", `tags.${FIXED}`]);
    expect(strings(decoded).filter((s) => LONE_SURROGATE.test(s))).toEqual([]);
  });
});
