/**
 * OTLP/HTTP protobuf: decode ExportTraceServiceRequest with protobufjs, then hand the
 * plain object to the OTLP/JSON decoder so both encodings share one set of checks.
 */
import protobuf from "protobufjs";
import { decodeOtlpJson } from "./otlp-json";
import { OTLP_TRACE_PROTO } from "./proto/otlp-trace";
import { IngestError, type NormalizedSpan } from "./types";

const root = protobuf.parse(OTLP_TRACE_PROTO, { keepCase: false }).root;
const ExportTraceServiceRequest = root.lookupType("spanlens.otlp.ExportTraceServiceRequest");
const ExportTraceServiceResponse = root.lookupType("spanlens.otlp.ExportTraceServiceResponse");
const RpcStatus = root.lookupType("spanlens.otlp.RpcStatus");

/** google.rpc.Code INVALID_ARGUMENT: the sender must fix the request before retrying. */
const RPC_INVALID_ARGUMENT = 3;

export function decodeOtlpProto(buf: Uint8Array): NormalizedSpan[] {
  let message: protobuf.Message;
  try {
    message = ExportTraceServiceRequest.decode(buf);
  } catch (err) {
    throw new IngestError("", `invalid protobuf: ${err instanceof Error ? err.message : String(err)}`);
  }
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
