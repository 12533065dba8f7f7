/**
 * One ingest request (headers + raw body) -> spans, and the replies each format expects.
 * The route handler stays thin: read the body, call these, respond.
 */
import { gunzipSync } from "node:zlib";
import { isObject } from "./fields";
import { INGEST_LIMITS } from "./limits";
import { decodeNoveum } from "./noveum";
import { decodeOtlpJson } from "./otlp-json";
import { decodeOtlpProto, encodeExportResponseProto, encodeRpcStatusProto } from "./otlp-proto";
import { IngestError, type IngestFormat, type NormalizedSpan } from "./types";

export interface IngestRequest {
  contentType: string | null;
  contentEncoding: string | null;
  body: Uint8Array;
}

export interface IngestReply {
  body: Uint8Array | string;
  contentType: string;
}

const PROTOBUF_TYPES = new Set(["application/x-protobuf", "application/protobuf"]);
const SHAPES =
  'expected an OTLP ExportTraceServiceRequest ({"resourceSpans": [...]}) or a Noveum batch ({"traces": [...]})';

function mediaType(header: string | null): string {
  return (header ?? "").split(";")[0].trim().toLowerCase();
}

function withCause(err: IngestError, cause: unknown): IngestError {
  err.cause = cause;
  return err;
}

function tooLarge(): IngestError {
  const limit = INGEST_LIMITS.maxBodyBytes;
  return new IngestError("", `body larger than maxBodyBytes (${limit} bytes) after decompression`, 413);
}

function decompress(body: Uint8Array, contentEncoding: string | null): Uint8Array {
  const encoding = (contentEncoding ?? "").trim().toLowerCase();
  if (encoding === "" || encoding === "identity") {
    if (body.length > INGEST_LIMITS.maxBodyBytes) throw tooLarge();
    return body;
  }
  if (encoding !== "gzip" && encoding !== "x-gzip") {
    throw new IngestError("", `unsupported Content-Encoding "${contentEncoding}": send gzip or no encoding`, 415);
  }
  try {
    // The cap stops a gzip bomb while inflating, before the memory is spent.
    return gunzipSync(body, { maxOutputLength: INGEST_LIMITS.maxBodyBytes });
  } catch (err) {
    if (err instanceof RangeError) throw withCause(tooLarge(), err);
    throw withCause(new IngestError("", `invalid gzip body: ${(err as Error).message}`), err);
  }
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (err) {
    throw withCause(new IngestError("", `invalid JSON: ${(err as Error).message}`), err);
  }
}

export function decodeIngestRequest(input: IngestRequest): { format: IngestFormat; spans: NormalizedSpan[] } {
  const type = mediaType(input.contentType);
  const isProto = PROTOBUF_TYPES.has(type);
  if (!isProto && type !== "application/json") {
    const got = input.contentType ? `"${input.contentType}"` : "none";
    throw new IngestError("", `unsupported Content-Type ${got}: send application/json or application/x-protobuf`, 415);
  }
  const body = decompress(input.body, input.contentEncoding);
  if (isProto) return { format: "otlp-proto", spans: decodeOtlpProto(body) };

  const json = parseJson(body);
  if (!isObject(json)) throw new IngestError("", SHAPES);
  if (Object.hasOwn(json, "resourceSpans")) return { format: "otlp-json", spans: decodeOtlpJson(json) };
  if (Object.hasOwn(json, "traces")) return { format: "noveum", spans: decodeNoveum(json) };
  // Protobuf's JSON mapping omits empty repeated fields, so an empty export is `{}`.
  if (Object.keys(json).length === 0) return { format: "otlp-json", spans: [] };
  throw new IngestError("", SHAPES);
}

/**
 * The format an error reply should use when decoding failed before the format was
 * known: protobuf senders get protobuf, everyone else JSON.
 */
export function errorFormatFor(contentType: string | null): IngestFormat | null {
  const type = mediaType(contentType);
  if (PROTOBUF_TYPES.has(type)) return "otlp-proto";
  return type === "application/json" ? "otlp-json" : null;
}

/** What the store and the rules did with a request's spans. */
export interface IngestOutcome {
  received: number;
  stored: number;
  /** Spans refused (e.g. older than the retention), reported as OTLP partial success. */
  rejected?: number;
  rejectedReason?: string;
  /** Spans dropped on purpose by the project's sampling rules: not an error. */
  sampledOut?: number;
}

export function encodeIngestResponse(format: IngestFormat, result: IngestOutcome): IngestReply {
  const rejected = result.rejected ?? 0;
  const reason = rejected ? result.rejectedReason ?? "" : "";
  switch (format) {
    case "otlp-proto":
      return { body: encodeExportResponseProto(rejected, reason), contentType: "application/x-protobuf" };
    case "otlp-json":
      return {
        body: JSON.stringify({ partialSuccess: rejected ? { rejectedSpans: rejected, errorMessage: reason } : {} }),
        contentType: "application/json",
      };
    case "noveum":
      return {
        body: JSON.stringify({
          success: true, received: result.received, stored: result.stored,
          ...(rejected ? { rejected, message: reason } : {}),
          ...(result.sampledOut ? { sampledOut: result.sampledOut } : {}),
        }),
        contentType: "application/json",
      };
  }
}

/**
 * OTLP/HTTP wants a google.rpc.Status in the request's encoding (INVALID_ARGUMENT: do
 * not retry unchanged). JSON replies carry `error` for Noveum and humans, plus the
 * Status fields for OTLP/JSON senders.
 */
export function encodeIngestError(format: IngestFormat | null, err: IngestError): IngestReply & { status: number } {
  if (format === "otlp-proto") {
    return { status: err.status, body: encodeRpcStatusProto(err.message), contentType: "application/x-protobuf" };
  }
  const body = format === "otlp-json" ? { error: err.message, code: 3, message: err.message } : { error: err.message };
  return { status: err.status, body: JSON.stringify(body), contentType: "application/json" };
}
