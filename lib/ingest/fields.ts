/**
 * Readers for fields of untrusted request bodies. Each one either returns a typed value
 * or throws an IngestError naming the field's path, so decoders read like the format
 * they decode. `null` counts as absent: OTLP/JSON writers emit it for default values.
 */
import { INGEST_LIMITS, type IngestLimitName } from "./limits";
import { IngestError } from "./types";

export type Obj = Record<string, unknown>;

/** `base.key`, or just `key` at the top level. */
export function at(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}

export function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (v instanceof Uint8Array) return "bytes";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

export function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

export function asObject(v: unknown, path: string): Obj {
  if (!isObject(v)) throw new IngestError(path, `expected an object, got ${describe(v)}`);
  return v;
}

export function optObject(v: unknown, path: string): Obj | undefined {
  return v == null ? undefined : asObject(v, path);
}

export function optArray(v: unknown, path: string): unknown[] {
  if (v == null) return [];
  if (!Array.isArray(v)) throw new IngestError(path, `expected an array, got ${describe(v)}`);
  return v;
}

export function optString(v: unknown, path: string): string {
  if (v == null) return "";
  if (typeof v !== "string") throw new IngestError(path, `expected a string, got ${describe(v)}`);
  return storedString(v, path);
}

/** ES2024 String methods: Node 20 has them, the project's TypeScript lib (ES2022) does not. */
interface WellFormedString {
  toWellFormed(): string;
}

/**
 * Every string the decoders keep (names, keys, values) passes through here. A lone UTF-16 surrogate
 * becomes U+FFFD: the OpenTelemetry JS SDK makes one when `attributeValueLengthLimit` cuts an emoji in
 * half, and storage's JSON cast rejects it, which would lose the whole request. The replacement keeps
 * the length, so the limit check means the same before and after.
 */
export function storedString(s: string, path: string): string {
  if (s.length > INGEST_LIMITS.maxValueLength) {
    throw limitError(path, "maxValueLength", `${s.length} characters`);
  }
  return (s as unknown as WellFormedString).toWellFormed();
}

/** A protobuf uint32 such as `droppedAttributesCount`. */
export function optCount(v: unknown, path: string): number {
  if (v == null) return 0;
  if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 0xffff_ffff) return v;
  throw new IngestError(path, "expected a non-negative integer");
}

/** `got` says how much arrived, e.g. "513 attributes". */
export function limitError(path: string, limit: IngestLimitName, got: string): IngestError {
  return new IngestError(path, `${got}, over ${limit} (${INGEST_LIMITS[limit]})`);
}

export function checkCount(list: unknown[], path: string, limit: IngestLimitName, noun: string): void {
  if (list.length > INGEST_LIMITS[limit]) throw limitError(path, limit, `${list.length} ${noun}`);
}
