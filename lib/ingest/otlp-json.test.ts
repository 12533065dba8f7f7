import { JsonTraceSerializer } from "@opentelemetry/otlp-transformer";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { EXPECTED_SDK_SPANS, TRACE_ID, attr, makeSdkSpans, values } from "./__fixtures__/sdk-spans";
import { INGEST_LIMITS } from "./limits";
import { decodeOtlpJson } from "./otlp-json";
import { errorOf } from "./test-errors";

const { str, int, dbl } = values;

function serialize(spans: ReadableSpan[]): unknown {
  return JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)));
}

/** One hand-written span inside a request; `over` replaces or adds span fields. */
function request(over: Record<string, unknown> = {}) {
  const span = {
    traceId: TRACE_ID,
    spanId: "00f067aa0ba902b7",
    name: "hand-made",
    startTimeUnixNano: "1795551309366000123",
    endTimeUnixNano: "1795551309366000124",
    ...over,
  };
  return { resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: "s" }, spans: [span] }] }] };
}

describe("decodeOtlpJson with the OpenTelemetry JS JSON serializer", () => {
  it("decodes every SDK span exactly", () => {
    expect(decodeOtlpJson(serialize(makeSdkSpans()))).toEqual(EXPECTED_SDK_SPANS);
  });

  it("decodes bytes and kvlist values the SDK API cannot set but the serializer writes", () => {
    const [sdkSpan] = makeSdkSpans();
    const spanWith: ReadableSpan = Object.create(sdkSpan, {
      attributes: { value: { blob: new Uint8Array([0, 1, 254, 255]), nested: { a: "x", b: [1, 2.5] } } },
    });
    const [decoded] = decodeOtlpJson(serialize([spanWith]));
    expect(decoded.attributes).toEqual([
      attr("blob", { t: "bytes", v: new Uint8Array([0, 1, 254, 255]) }),
      attr("nested", { t: "kv", v: [attr("a", str("x")), attr("b", values.arr(int(1), dbl(2.5)))] }),
    ]);
  });
});

describe("decodeOtlpJson with hand-written OTLP/JSON", () => {
  it("keeps int64 values past 2^53 exactly when sent as strings", () => {
    const [span] = decodeOtlpJson(
      request({
        attributes: [
          { key: "max", value: { intValue: "9223372036854775807" } },
          { key: "min", value: { intValue: "-9223372036854775808" } },
          { key: "n", value: { intValue: 7 } },
        ],
      }),
    );
    expect(span.attributes).toEqual([
      attr("max", { t: "int", v: 9223372036854775807n }),
      attr("min", { t: "int", v: -9223372036854775808n }),
      attr("n", int(7)),
    ]);
  });

  it("reads kvlist, bytes, special doubles, empty values, enum names and numeric times", () => {
    const [span] = decodeOtlpJson(
      request({
        kind: "SPAN_KIND_PRODUCER",
        status: { code: "STATUS_CODE_ERROR", message: "boom" },
        startTimeUnixNano: 1795551309366000128,
        endTimeUnixNano: "1795551309366000129",
        parentSpanId: "",
        traceId: "4BF92F3577B34DA6A3CE929D0E0E4736",
        attributes: [
          { key: "kv", value: { kvlistValue: { values: [{ key: "inner", value: { boolValue: true } }] } } },
          { key: "b", value: { bytesValue: "AAH+/w==" } },
          { key: "nan", value: { doubleValue: "NaN" } },
          { key: "inf", value: { doubleValue: "-Infinity" } },
          { key: "none", value: {} },
          { key: "missing" },
        ],
      }),
    );
    expect(span.kind).toBe(4);
    expect(span.statusCode).toBe(2);
    expect(span.statusMessage).toBe("boom");
    expect(span.traceId).toBe(TRACE_ID);
    expect(span.parentSpanId).toBeNull();
    // A JSON number is a double; this one is a multiple of 256, so exact.
    expect(span.startNs).toBe(1795551309366000128n);
    expect(span.attributes).toEqual([
      attr("kv", { t: "kv", v: [attr("inner", { t: "bool", v: true })] }),
      attr("b", { t: "bytes", v: new Uint8Array([0, 1, 254, 255]) }),
      attr("nan", dbl(NaN)),
      attr("inf", dbl(-Infinity)),
      attr("none", { t: "empty" }),
      attr("missing", { t: "empty" }),
    ]);
  });

  it("accepts the legacy instrumentationLibrarySpans key and 64-bit trace ids", () => {
    const body = {
      resourceSpans: [
        {
          instrumentationLibrarySpans: [
            {
              instrumentationLibrary: { name: "old-lib", version: "0.1" },
              spans: [{ ...request().resourceSpans[0].scopeSpans[0].spans[0], traceId: "a3ce929d0e0e4736" }],
            },
          ],
        },
      ],
    };
    const [span] = decodeOtlpJson(body);
    expect([span.scopeName, span.scopeVersion, span.traceId]).toEqual(["old-lib", "0.1", "0000000000000000a3ce929d0e0e4736"]);
  });
});

describe("decodeOtlpJson errors", () => {
  it("names the exact path of a bad trace id", () => {
    const good = request();
    const ok = good.resourceSpans[0].scopeSpans[0].spans[0];
    const spans = [ok, ok, ok, { ...ok, traceId: "xyz" }];
    const bad = { resourceSpans: [good.resourceSpans[0], { scopeSpans: [{ spans: [ok] }, { spans }] }] };
    const err = errorOf(() => decodeOtlpJson(bad));
    expect(err.message).toBe("resourceSpans[1].scopeSpans[1].spans[3].traceId: expected 32 hex characters");
    expect(err.status).toBe(400);
  });

  it("rejects all-zero ids, end before start and kinds out of range", () => {
    expect(errorOf(() => decodeOtlpJson(request({ spanId: "0000000000000000" }))).message).toBe(
      "resourceSpans[0].scopeSpans[0].spans[0].spanId: all-zero id is invalid",
    );
    expect(errorOf(() => decodeOtlpJson(request({ endTimeUnixNano: "1795551309366000122" }))).message).toBe(
      "resourceSpans[0].scopeSpans[0].spans[0].endTimeUnixNano: before startTimeUnixNano",
    );
    expect(errorOf(() => decodeOtlpJson(request({ kind: 6 }))).detail).toBe("expected 0-5 or a SPAN_KIND_* name, got 6");
    expect(errorOf(() => decodeOtlpJson(request({ name: 5 }))).path).toBe("resourceSpans[0].scopeSpans[0].spans[0].name");
  });

  it("names the path inside nested values", () => {
    const attributes = [{}, {}, { key: "k", value: { arrayValue: { values: [{ intValue: "1.5" }] } } }].map((a, i) =>
      i < 2 ? { key: `a${i}`, value: { stringValue: "x" } } : a,
    );
    expect(errorOf(() => decodeOtlpJson(request({ attributes }))).path).toBe(
      "resourceSpans[0].scopeSpans[0].spans[0].attributes[2].value.arrayValue.values[0].intValue",
    );
  });

  it("enforces maxAttributesPerSpan, maxValueDepth, maxValueLength and maxEventsPerSpan", () => {
    const n = INGEST_LIMITS.maxAttributesPerSpan + 1;
    const attributes = Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: { intValue: i } }));
    expect(errorOf(() => decodeOtlpJson(request({ attributes }))).message).toBe(
      `resourceSpans[0].scopeSpans[0].spans[0].attributes: ${n} attributes, over maxAttributesPerSpan (${INGEST_LIMITS.maxAttributesPerSpan})`,
    );

    let deep: Record<string, unknown> = { stringValue: "leaf" };
    for (let i = 0; i <= INGEST_LIMITS.maxValueDepth; i++) deep = { arrayValue: { values: [deep] } };
    expect(errorOf(() => decodeOtlpJson(request({ attributes: [{ key: "d", value: deep }] }))).detail).toBe(
      `nesting ${INGEST_LIMITS.maxValueDepth + 1}, over maxValueDepth (${INGEST_LIMITS.maxValueDepth})`,
    );

    const long = "x".repeat(INGEST_LIMITS.maxValueLength + 1);
    expect(errorOf(() => decodeOtlpJson(request({ attributes: [{ key: long, value: {} }] }))).path).toBe(
      "resourceSpans[0].scopeSpans[0].spans[0].attributes[0].key",
    );

    const events = Array.from({ length: INGEST_LIMITS.maxEventsPerSpan + 1 }, () => ({ timeUnixNano: "1" }));
    expect(errorOf(() => decodeOtlpJson(request({ events }))).detail).toContain("over maxEventsPerSpan");
  });

  it("allows exactly maxValueDepth levels of nesting", () => {
    let deep: Record<string, unknown> = { stringValue: "leaf" };
    for (let i = 0; i < INGEST_LIMITS.maxValueDepth; i++) deep = { arrayValue: { values: [deep] } };
    expect(decodeOtlpJson(request({ attributes: [{ key: "d", value: deep }] }))).toHaveLength(1);
  });
});
