/**
 * Attribute values from OTLP (JSON or a decoded protobuf message) and from plain JSON
 * (Noveum) into `AnyValue`, enforcing the per-value ingest limits on the way.
 */
import { asObject, at, checkCount, describe, isObject, limitError, optArray, storedString } from "./fields";
import { INGEST_LIMITS, MAX_INT64, MIN_INT64 } from "./limits";
import { IngestError, type AnyValue, type Attr } from "./types";

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** `depth` counts the arrays and kvlists around a value; the top-level value is 0. */
function enterContainer(depth: number, path: string): number {
  const next = depth + 1;
  if (next > INGEST_LIMITS.maxValueDepth) throw limitError(path, "maxValueDepth", `nesting ${next}`);
  return next;
}

/**
 * The one int check for every format: OTLP `intValue` (decimal string, JSON number, or BigInt from
 * protobuf) and Noveum's integral JSON numbers, so both refuse what storage cannot hold.
 */
function int64(v: unknown, path: string): AnyValue {
  let n: bigint | undefined;
  if (typeof v === "bigint") n = v;
  else if (typeof v === "string" && /^-?\d{1,20}$/.test(v)) n = BigInt(v);
  else if (typeof v === "number" && Number.isInteger(v)) n = BigInt(v);
  if (n === undefined || n < MIN_INT64 || n > MAX_INT64) {
    throw new IngestError(path, `expected a 64-bit integer as a decimal string or number, got ${shown(v)}`);
  }
  return { t: "int", v: n };
}

/** The offending value in an error message, cut short: it may be anything up to the body size. */
function shown(v: unknown): string {
  const text = typeof v === "string" ? JSON.stringify(v) : typeof v === "number" ? String(v) : describe(v);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function double(v: unknown, path: string): AnyValue {
  if (typeof v === "number") return { t: "dbl", v };
  // Protobuf's JSON mapping writes non-finite doubles as these strings, and allows
  // any number to arrive quoted.
  if (v === "NaN") return { t: "dbl", v: NaN };
  if (v === "Infinity") return { t: "dbl", v: Infinity };
  if (v === "-Infinity") return { t: "dbl", v: -Infinity };
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) {
    return { t: "dbl", v: Number(v) };
  }
  throw new IngestError(path, "expected a number");
}

function bytes(v: unknown, path: string): AnyValue {
  // Copied so a stored value does not keep the whole request buffer alive.
  if (v instanceof Uint8Array) return { t: "bytes", v: new Uint8Array(v) };
  if (typeof v === "string" && BASE64.test(v)) {
    return { t: "bytes", v: new Uint8Array(Buffer.from(v, "base64")) };
  }
  throw new IngestError(path, "expected base64 bytes");
}

/**
 * One OTLP AnyValue. Only own properties count: a decoded protobuf message carries
 * defaults for every oneof member on its prototype. No member set means "empty".
 */
export function otlpAnyValue(raw: unknown, path: string, depth = 0): AnyValue {
  if (raw == null) return { t: "empty" };
  const o = asObject(raw, path);
  const has = (k: string) => Object.hasOwn(o, k) && o[k] != null;
  if (has("stringValue")) {
    const p = at(path, "stringValue");
    if (typeof o.stringValue !== "string") throw new IngestError(p, `expected a string, got ${describe(o.stringValue)}`);
    return { t: "str", v: storedString(o.stringValue, p) };
  }
  if (has("intValue")) return int64(o.intValue, at(path, "intValue"));
  if (has("doubleValue")) return double(o.doubleValue, at(path, "doubleValue"));
  if (has("boolValue")) {
    if (typeof o.boolValue !== "boolean") throw new IngestError(at(path, "boolValue"), "expected a boolean");
    return { t: "bool", v: o.boolValue };
  }
  if (has("arrayValue")) {
    const p = at(path, "arrayValue");
    const inner = enterContainer(depth, p);
    const values = optArray(asObject(o.arrayValue, p).values, at(p, "values"));
    return { t: "arr", v: values.map((v, i) => otlpAnyValue(v, `${p}.values[${i}]`, inner)) };
  }
  if (has("kvlistValue")) {
    const p = at(path, "kvlistValue");
    const inner = enterContainer(depth, p);
    return { t: "kv", v: keyValues(asObject(o.kvlistValue, p).values, at(p, "values"), inner) };
  }
  if (has("bytesValue")) return bytes(o.bytesValue, at(path, "bytesValue"));
  return { t: "empty" };
}

function keyValues(raw: unknown, path: string, depth: number): Attr[] {
  return optArray(raw, path).map((item, i) => {
    const p = `${path}[${i}]`;
    const kv = asObject(item, p);
    if (typeof kv.key !== "string") throw new IngestError(at(p, "key"), `expected a string, got ${describe(kv.key)}`);
    return { key: storedString(kv.key, at(p, "key")), value: otlpAnyValue(kv.value, at(p, "value"), depth) };
  });
}

/** An OTLP `repeated KeyValue` on a span, resource, scope, event or link. */
export function otlpAttributes(raw: unknown, path: string): Attr[] {
  checkCount(optArray(raw, path), path, "maxAttributesPerSpan", "attributes");
  return keyValues(raw, path, 0);
}

/**
 * A key as a path segment: `attributes["http.method"]`, since keys contain dots. A very long key is
 * cut (`["abc…"]`) so the error message stays readable; its start is enough to find it.
 */
export function keyPath(base: string, key: string): string {
  return `${base}[${JSON.stringify(key.length > 64 ? `${key.slice(0, 64)}…` : key)}]`;
}

/** A plain JSON value (Noveum). Integers become ints, so `3` and `3.5` keep their kinds. */
export function jsonAnyValue(v: unknown, path: string, depth = 0): AnyValue {
  if (v == null) return { t: "empty" };
  if (typeof v === "string") return { t: "str", v: storedString(v, path) };
  if (typeof v === "boolean") return { t: "bool", v };
  if (typeof v === "number") return Number.isInteger(v) ? int64(v, path) : { t: "dbl", v };
  if (Array.isArray(v)) {
    const inner = enterContainer(depth, path);
    return { t: "arr", v: v.map((x, i) => jsonAnyValue(x, `${path}[${i}]`, inner)) };
  }
  if (isObject(v)) {
    const inner = enterContainer(depth, path);
    return { t: "kv", v: jsonEntries(v, path, inner) };
  }
  throw new IngestError(path, `unsupported value: ${describe(v)}`);
}

function jsonEntries(obj: Record<string, unknown>, path: string, depth: number): Attr[] {
  return Object.entries(obj).map(([key, value]) => {
    const p = keyPath(path, key);
    return { key: storedString(key, p), value: jsonAnyValue(value, p, depth) };
  });
}

/** A JSON object of attributes (Noveum `attributes`). */
export function jsonAttributes(raw: unknown, path: string): Attr[] {
  if (raw == null) return [];
  const obj = asObject(raw, path);
  checkCount(Object.keys(obj), path, "maxAttributesPerSpan", "attributes");
  return jsonEntries(obj, path, 0);
}
