/**
 * Trace and span ids, normalized to lowercase hex. OTLP/JSON sends hex strings (not
 * base64, unlike generic protobuf JSON); OTLP/protobuf sends raw bytes.
 */
import { IngestError } from "./types";

const HEX = /^[0-9a-fA-F]+$/;
const ALL_ZERO = /^0+$/;

function toHex(v: unknown, path: string, bytes: number, shortBytes?: number): string {
  let hex: string;
  if (typeof v === "string") {
    const ok = v.length === bytes * 2 || (shortBytes !== undefined && v.length === shortBytes * 2);
    if (!ok || !HEX.test(v)) throw new IngestError(path, `expected ${bytes * 2} hex characters`);
    hex = v.toLowerCase();
  } else if (v instanceof Uint8Array) {
    const ok = v.length === bytes || (shortBytes !== undefined && v.length === shortBytes);
    if (!ok) throw new IngestError(path, `expected ${bytes} bytes, got ${v.length}`);
    hex = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("hex");
  } else {
    throw new IngestError(path, `expected ${bytes * 2} hex characters`);
  }
  // 64-bit trace ids (Jaeger, Zipkin, Noveum) become 128-bit ones the way Jaeger and
  // Zipkin interop does it, so the same trace keeps one id across formats.
  hex = hex.padStart(bytes * 2, "0");
  if (ALL_ZERO.test(hex)) throw new IngestError(path, "all-zero id is invalid");
  return hex;
}

/** 32 lowercase hex characters; a 64-bit id (16 hex / 8 bytes) is left-padded with zeros. */
export function normalizeTraceId(v: unknown, path: string): string {
  return toHex(v, path, 16, 8);
}

/** 16 lowercase hex characters. */
export function normalizeSpanId(v: unknown, path: string): string {
  return toHex(v, path, 8);
}

/** A root span has no parent: absent, null, "" and zero-length bytes all mean that. */
export function normalizeParentSpanId(v: unknown, path: string): string | null {
  if (v == null || v === "" || (v instanceof Uint8Array && v.length === 0)) return null;
  return normalizeSpanId(v, path);
}
