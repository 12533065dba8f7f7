import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { ExportResultCode } from "@opentelemetry/core";
import { OTLPTraceExporter as HttpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { CompressionAlgorithm } from "@opentelemetry/otlp-exporter-base";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { EXPECTED_SDK_SPANS, makeSdkSpans } from "./__fixtures__/sdk-spans";
import { decodeIngestRequest, encodeIngestError, encodeIngestResponse, errorFormatFor } from "./decode-request";
import { INGEST_LIMITS } from "./limits";
import { IngestError, type IngestFormat, type NormalizedSpan } from "./types";
import { errorOf } from "./test-errors";

const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const noveumBatch = readFileSync(new URL("./__fixtures__/noveum-trace-ts-1.1.1-batch.json", import.meta.url));


async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Sends the SDK spans through a real OTLP exporter to a local server that uses these decoders. */
async function exportThrough(
  makeExporter: (url: string) => SpanExporter,
  spans: ReadableSpan[],
): Promise<{ code: ExportResultCode; received: { format: IngestFormat; spans: NormalizedSpan[] }; encoding?: string }> {
  let received: { format: IngestFormat; spans: NormalizedSpan[] } | undefined;
  let encoding: string | undefined;
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    encoding = req.headers["content-encoding"];
    const input = { contentType: req.headers["content-type"] ?? null, contentEncoding: encoding ?? null, body };
    received = decodeIngestRequest(input);
    const reply = encodeIngestResponse(received.format, { received: received.spans.length, stored: received.spans.length });
    res.writeHead(200, { "content-type": reply.contentType }).end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const exporter = makeExporter(`http://127.0.0.1:${port}/v1/traces`);
  try {
    const code = await new Promise<ExportResultCode>((resolve) => exporter.export(spans, (r) => resolve(r.code)));
    if (!received) throw new Error("the server saw no request");
    return { code, received, encoding };
  } finally {
    await exporter.shutdown();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("decodeIngestRequest with the real OTLP exporters", () => {
  it("decodes gzipped protobuf from exporter-trace-otlp-proto and replies in a form it accepts", async () => {
    const url = (u: string) => new ProtoExporter({ url: u, compression: CompressionAlgorithm.GZIP });
    const result = await exportThrough(url, makeSdkSpans());
    expect(result.encoding).toBe("gzip");
    expect(result.received).toEqual({ format: "otlp-proto", spans: EXPECTED_SDK_SPANS });
    expect(result.code).toBe(ExportResultCode.SUCCESS);
  });

  it("decodes JSON from exporter-trace-otlp-http", async () => {
    const result = await exportThrough((u) => new HttpJsonExporter({ url: u }), makeSdkSpans());
    expect(result.received).toEqual({ format: "otlp-json", spans: EXPECTED_SDK_SPANS });
    expect(result.code).toBe(ExportResultCode.SUCCESS);
  });
});

describe("decodeIngestRequest", () => {
  const req = (contentType: string | null, body: Uint8Array, contentEncoding: string | null = null) => ({
    contentType,
    contentEncoding,
    body,
  });

  it("routes JSON by its top-level key, gzip or not", () => {
    const noveum = decodeIngestRequest(req("application/json; charset=utf-8", gzipSync(noveumBatch), "GZIP"));
    expect([noveum.format, noveum.spans.length]).toEqual(["noveum", 5]);
    expect(decodeIngestRequest(req("application/json", json({ resourceSpans: [] })))).toEqual({ format: "otlp-json", spans: [] });
    expect(decodeIngestRequest(req("application/json", json({})))).toEqual({ format: "otlp-json", spans: [] });
    expect(decodeIngestRequest(req("application/protobuf", new Uint8Array(0)))).toEqual({ format: "otlp-proto", spans: [] });
  });

  it("answers 413 naming maxBodyBytes for a gzip bomb and for an oversized plain body", () => {
    const bomb = gzipSync(Buffer.alloc(INGEST_LIMITS.maxBodyBytes + 1));
    expect(bomb.length).toBeLessThan(100_000);
    const err = errorOf(() => decodeIngestRequest(req("application/x-protobuf", bomb, "gzip")));
    expect(err.status).toBe(413);
    expect(err.message).toBe(`body larger than maxBodyBytes (${INGEST_LIMITS.maxBodyBytes} bytes) after decompression`);
    expect(err.cause).toBeInstanceOf(RangeError);
    const plain = new Uint8Array(INGEST_LIMITS.maxBodyBytes + 1);
    expect(errorOf(() => decodeIngestRequest(req("application/json", plain))).status).toBe(413);
  });

  it("rejects unsupported media types and encodings with 415", () => {
    for (const [type, encoding] of [["text/plain", null], [null, null], ["application/json", "br"]]) {
      expect(errorOf(() => decodeIngestRequest(req(type, json({}), encoding))).status).toBe(415);
    }
  });

  it("rejects bad gzip, bad JSON and unknown shapes with 400", () => {
    expect(errorOf(() => decodeIngestRequest(req("application/json", json({}), "gzip"))).detail).toMatch(/^invalid gzip body: /);
    const badJson = errorOf(() => decodeIngestRequest(req("application/json", new TextEncoder().encode("{\"traces\": ["))));
    expect([badJson.status, badJson.detail.startsWith("invalid JSON: ")]).toEqual([400, true]);
    for (const body of [{ spans: [] }, [1], "x"]) {
      expect(errorOf(() => decodeIngestRequest(req("application/json", json(body)))).message).toBe(
        'expected an OTLP ExportTraceServiceRequest ({"resourceSpans": [...]}) or a Noveum batch ({"traces": [...]})',
      );
    }
  });
});

describe("replies", () => {
  it("encodes success per format", () => {
    expect(encodeIngestResponse("otlp-json", { received: 2, stored: 2 })).toEqual({
      body: '{"partialSuccess":{}}',
      contentType: "application/json",
    });
    expect(encodeIngestResponse("noveum", { received: 5, stored: 4 })).toEqual({
      body: '{"success":true,"received":5,"stored":4}',
      contentType: "application/json",
    });
    expect(encodeIngestResponse("otlp-proto", { received: 1, stored: 1 }).contentType).toBe("application/x-protobuf");
  });

  it("encodes errors as JSON or as a google.rpc.Status", () => {
    const err = new IngestError("traces[0].trace_id", "expected 32 hex characters");
    expect(encodeIngestError("noveum", err)).toEqual({
      status: 400,
      body: JSON.stringify({ error: "traces[0].trace_id: expected 32 hex characters" }),
      contentType: "application/json",
    });
    expect(JSON.parse(encodeIngestError(null, err).body as string)).toEqual({ error: err.message });
    const proto = encodeIngestError(errorFormatFor("application/x-protobuf"), new IngestError("", "too big", 413));
    expect([proto.status, proto.contentType]).toEqual([413, "application/x-protobuf"]);
    const r = protobuf.Reader.create(proto.body as Uint8Array);
    expect([r.uint32(), r.int32(), r.uint32(), r.string()]).toEqual([(1 << 3) | 0, 3, (2 << 3) | 2, "too big"]);
    expect(errorFormatFor("text/plain")).toBeNull();
  });
});
