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
  checkLength(v, path);
  return v;
}

export function checkLength(s: string, path: string): void {
  if (s.length > INGEST_LIMITS.maxValueLength) {
    throw limitError(path, "maxValueLength", `${s.length} characters`);
  }
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
