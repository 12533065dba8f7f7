import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { EXPECTED_SDK_SPANS, attr, makeSdkSpans, values } from "./__fixtures__/sdk-spans";
import { decodeOtlpProto, encodeExportResponseProto, encodeRpcStatusProto } from "./otlp-proto";
import { errorOf } from "./test-errors";

const { str, int, dbl } = values;

/**
 * Raw protobuf written field by field with the numbers from the OTLP .proto files, so
 * these cases do not share a schema (or its mistakes) with the decoder.
 */
const LEN = 2;
const I64 = 1;
const VARINT = 0;
type Build = (w: protobuf.Writer) => void;
const tag = (field: number, wire: number) => (field << 3) | wire;
const msg = (field: number, build: Build): Build => (w) => {
  w.uint32(tag(field, LEN)).fork();
  build(w);
  w.ldelim();
};
const all = (...parts: Build[]): Build => (w) => parts.forEach((p) => p(w));
const bytesField = (field: number, b: number[]): Build => (w) => w.uint32(tag(field, LEN)).bytes(new Uint8Array(b));
const strField = (field: number, s: string): Build => (w) => w.uint32(tag(field, LEN)).string(s);
const fixed64 = (field: number, n: string): Build => (w) => w.uint32(tag(field, I64)).fixed64(n);
/** A KeyValue in field `field`: 9 on a Span, 1 on a Resource. */
const keyValue = (key: string, value: Build, field = 9): Build => msg(field, all(strField(1, key), msg(2, value)));
const encode = (build: Build): Uint8Array => {
  const w = protobuf.Writer.create();
  build(w);
  return w.finish();
};
const TRACE = [...Array(16).keys()].map((i) => i + 1);
const SPAN = [0xa1, 0xb2, 0xc3, 0xd4, 0xe5, 0xf6, 0x07, 0x18];
const handSpan = (...extra: Build[]) =>
  all(bytesField(1, TRACE), bytesField(2, SPAN), strField(5, "hand"), fixed64(7, "1795551309366000123"), fixed64(8, "1795551309366000124"), ...extra);

describe("decodeOtlpProto with the OpenTelemetry JS protobuf serializer", () => {
  it("decodes every SDK span exactly", () => {
    expect(decodeOtlpProto(ProtobufTraceSerializer.serializeRequest(makeSdkSpans())!)).toEqual(EXPECTED_SDK_SPANS);
  });

  it("keeps bytes values as bytes and kvlists as kvlists", () => {
    const [sdkSpan] = makeSdkSpans();
    const spanWith: ReadableSpan = Object.create(sdkSpan, {
      attributes: { value: { blob: new Uint8Array([0, 1, 254, 255]), nested: { a: "x", b: [1, 2.5] } } },
    });
    const [decoded] = decodeOtlpProto(ProtobufTraceSerializer.serializeRequest([spanWith])!);
    expect(decoded.attributes).toEqual([
      attr("blob", { t: "bytes", v: new Uint8Array([0, 1, 254, 255]) }),
      attr("nested", { t: "kv", v: [attr("a", str("x")), attr("b", values.arr(int(1), dbl(2.5)))] }),
    ]);
  });
});

describe("decodeOtlpProto with hand-encoded protobuf", () => {
  it("reads int64 extremes, doubles, trace ids, and the legacy instrumentation_library_spans field", () => {
    const span = handSpan(
      keyValue("max", (w) => w.uint32(tag(3, VARINT)).int64("9223372036854775807")),
      keyValue("neg", (w) => w.uint32(tag(3, VARINT)).int64(-1)),
      keyValue("nan", (w) => w.uint32(tag(4, I64)).double(NaN)),
      keyValue("empty", () => {}),
      msg(15, all(strField(2, "bad"), (w) => w.uint32(tag(3, VARINT)).int32(2))),
      (w) => w.uint32(tag(6, VARINT)).int32(3),
    );
    const body = msg(1, all(
      msg(1, keyValue("service.name", strField(1, "legacy-svc"), 1)),
      msg(1000, all(msg(1, all(strField(1, "old-lib"), strField(2, "0.1"))), msg(2, span))),
    ));
    const [decoded] = decodeOtlpProto(encode(body));
    expect(decoded).toMatchObject({
      traceId: "0102030405060708090a0b0c0d0e0f10",
      spanId: "a1b2c3d4e5f60718",
      parentSpanId: null,
      name: "hand",
      kind: 3,
      startNs: 1795551309366000123n,
      endNs: 1795551309366000124n,
      statusCode: 2,
      statusMessage: "bad",
      resource: [attr("service.name", str("legacy-svc"))],
      scopeName: "old-lib",
      scopeVersion: "0.1",
    });
    expect(decoded.attributes).toEqual([
      attr("max", { t: "int", v: 9223372036854775807n }),
      attr("neg", { t: "int", v: -1n }),
      attr("nan", dbl(NaN)),
      attr("empty", { t: "empty" }),
    ]);
  });

  it("reports a wrong-length id with its path", () => {
    const body = msg(1, msg(2, all(msg(2, handSpan()), msg(2, handSpan(bytesField(4, [1, 2, 3]))))));
    expect(errorOf(() => decodeOtlpProto(encode(body))).message).toBe(
      "resourceSpans[0].scopeSpans[0].spans[1].parentSpanId: expected 8 bytes, got 3",
    );
  });

  it("rejects a declared field sent with another wire type, naming where", () => {
    const wrong = (build: Build) => errorOf(() => decodeOtlpProto(encode(build)));
    const top = wrong((w) => w.uint32(tag(1, VARINT)).uint32(1));
    expect([top.status, top.message]).toEqual([
      400,
      "resourceSpans: invalid protobuf: field 1 has wire type 0 (varint), expected 2 (length-delimited)",
    ]);
    const name = wrong(msg(1, msg(2, msg(2, handSpan((w) => w.uint32(tag(5, VARINT)).uint32(7))))));
    expect(name.path).toBe("resourceSpans[0].scopeSpans[0].spans[0].name");
    const time = wrong(msg(1, msg(2, msg(2, handSpan(keyValue("k", (w) => w.uint32(tag(3, I64)).fixed64(1)))))));
    expect(time.message).toBe(
      "resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.intValue: " +
        "invalid protobuf: field 3 has wire type 1 (64-bit), expected 0 (varint)",
    );
    // A field number the schema does not declare is a newer sender's addition: skipped, not refused.
    const newer = msg(1, msg(2, msg(2, handSpan((w) => w.uint32(tag(99, VARINT)).uint32(1)))));
    expect(decodeOtlpProto(encode(newer))).toHaveLength(1);
  });

  it("refuses a fixed64 time past 2^63 instead of letting it turn negative", () => {
    const body = msg(1, msg(2, msg(2, handSpan(fixed64(8, "18446744073709551615")))));
    expect(errorOf(() => decodeOtlpProto(encode(body))).message).toBe(
      "resourceSpans[0].scopeSpans[0].spans[0].endTimeUnixNano: " +
        "expected a time after 1970-01-01T00:00:00Z and by 2262-04-11T23:47:16.854775807Z",
    );
  });

  it("keeps a string with a lone surrogate as protobufjs-based exporters encode it (CESU-8)", () => {
    const body = msg(1, msg(2, msg(2, handSpan(bytesField(5, [0x61, 0xed, 0xa0, 0xbd])))));
    expect(decodeOtlpProto(encode(body))[0].name).toBe("a\ufffd\ufffd\ufffd");
  });

  it("rejects malformed protobuf as a 400 with an empty path", () => {
    const err = errorOf(() => decodeOtlpProto(new Uint8Array([0x0a, 0x05, 0x01])));
    expect(err.path).toBe("");
    expect(err.status).toBe(400);
    expect(err.detail).toMatch(/^invalid protobuf: /);
    expect(errorOf(() => decodeOtlpProto(new TextEncoder().encode('{"resourceSpans":[]}'))).detail).toMatch(
      /^invalid protobuf: /,
    );
  });
});

describe("protobuf replies", () => {
  it("encodes ExportTraceServiceResponse as the exporter's own parser reads it", () => {
    expect(ProtobufTraceSerializer.deserializeResponse(encodeExportResponseProto())).toEqual({ partialSuccess: {} });
    expect(ProtobufTraceSerializer.deserializeResponse(encodeExportResponseProto(3, "3 spans too old"))).toEqual({
      partialSuccess: { rejectedSpans: 3, errorMessage: "3 spans too old" },
    });
  });

  it("encodes google.rpc.Status with code and message in fields 1 and 2", () => {
    const r = protobuf.Reader.create(encodeRpcStatusProto("resourceSpans: bad"));
    expect(r.uint32()).toBe(tag(1, VARINT));
    expect(r.int32()).toBe(3);
    expect(r.uint32()).toBe(tag(2, LEN));
    expect(r.string()).toBe("resourceSpans: bad");
    expect(r.pos).toBe(r.len);
  });
});
