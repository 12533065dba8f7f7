/**
 * OTLP/HTTP protobuf: decode ExportTraceServiceRequest with protobufjs, then hand the
 * plain object to the OTLP/JSON decoder so both encodings share one set of checks.
 */
import protobuf from "protobufjs";
import { at } from "./fields";
import { decodeOtlpJson } from "./otlp-json";
import { OTLP_TRACE_PROTO } from "./proto/otlp-trace";
import { IngestError, type NormalizedSpan } from "./types";

const root = protobuf.parse(OTLP_TRACE_PROTO, { keepCase: false }).root;
const ExportTraceServiceRequest = root.lookupType("spanlens.otlp.ExportTraceServiceRequest");
const ExportTraceServiceResponse = root.lookupType("spanlens.otlp.ExportTraceServiceResponse");
const RpcStatus = root.lookupType("spanlens.otlp.RpcStatus");

/** google.rpc.Code INVALID_ARGUMENT: the sender must fix the request before retrying. */
const RPC_INVALID_ARGUMENT = 3;

const WIRE_TYPES = ["varint", "64-bit", "length-delimited", "group start", "group end", "32-bit"];

function wireType(n: number): string {
  return `${n} (${WIRE_TYPES[n] ?? "invalid"})`;
}

/**
 * protobufjs skips a declared field that arrives with another wire type as if it were unknown,
 * so `resource_spans` sent as a varint decoded as an empty request and answered 200. Unknown
 * fields are kept while decoding (see decodeOtlpProto); one that reuses a declared field's number
 * is such a mismatch, reported at the path the OTLP/JSON decoder would use.
 */
function checkWireTypes(message: protobuf.Message, type: protobuf.Type, path: string): void {
  for (const raw of message.$unknowns ?? []) {
    const tag = protobuf.Reader.create(raw).uint32();
    const field = type.fieldsById[tag >>> 3];
    if (!field) continue;
    const expected = protobuf.types.basic[field.type as keyof typeof protobuf.types.basic] ?? 2;
    throw new IngestError(
      at(path, field.name),
      `invalid protobuf: field ${field.id} has wire type ${wireType(tag & 7)}, expected ${wireType(expected)}`,
    );
  }
  const fields = message as unknown as Record<string, unknown>;
  for (const field of type.fieldsArray) {
    const inner = field.resolvedType;
    if (!(inner instanceof protobuf.Type)) continue;
    const value = fields[field.name];
    const p = at(path, field.name);
    if (Array.isArray(value)) value.forEach((v: protobuf.Message, i) => checkWireTypes(v, inner, `${p}[${i}]`));
    else if (value) checkWireTypes(value as protobuf.Message, inner, p);
  }
}

export function decodeOtlpProto(buf: Uint8Array): NormalizedSpan[] {
  let message: protobuf.Message;
  try {
    const reader = protobuf.Reader.create(buf);
    reader.discardUnknown = false;
    message = ExportTraceServiceRequest.decode(reader);
  } catch (err) {
    throw new IngestError("", `invalid protobuf: ${err instanceof Error ? err.message : String(err)}`);
  }
  checkWireTypes(message, ExportTraceServiceRequest, "");
  // `defaults: false` leaves unset fields out, as OTLP/JSON senders do, instead of
  // protobufjs's prototype defaults; `longs: BigInt` keeps fixed64 times and int64
  // values exact. Bytes stay bytes, which the id and value readers accept.
  const plain = ExportTraceServiceRequest.toObject(message, { longs: BigInt, defaults: false });
  return decodeOtlpJson(plain);
}

export function encodeExportResponseProto(rejectedSpans = 0, errorMessage = ""): Uint8Array {
  // An empty partial_success means full success (OTLP spec); the Collector sends it too.
  const partialSuccess: Record<string, unknown> = {};
  if (rejectedSpans > 0) partialSuccess.rejectedSpans = rejectedSpans;
  if (errorMessage) partialSuccess.errorMessage = errorMessage;
  const message = ExportTraceServiceResponse.fromObject({ partialSuccess });
  return ExportTraceServiceResponse.encode(message).finish();
}

/** The google.rpc.Status body OTLP/HTTP specifies for a rejected protobuf request. */
export function encodeRpcStatusProto(message: string, code = RPC_INVALID_ARGUMENT): Uint8Array {
  return RpcStatus.encode(RpcStatus.fromObject({ code, message })).finish();
}
