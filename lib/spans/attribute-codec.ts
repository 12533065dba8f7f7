import type { AnyValue, Attr } from "@/lib/ingest/types";
import type { JsonValue } from "@/lib/contract";

/**
 * How attribute values are stored: scalars go into typed maps (so filters and group-bys
 * read a typed column), everything else into a JSON map in the OTLP/JSON AnyValue form,
 * which keeps the type exactly (ints as strings, bytes as base64).
 */
export interface TypedAttrs {
  str: { key: string; value: string }[];
  int: { key: string; value: bigint }[];
  dbl: { key: string; value: number }[];
  bool: { key: string; value: boolean }[];
  json: { key: string; value: string }[];
}

export type OtlpJsonAnyValue =
  | { stringValue: string }
  | { intValue: string }
  | { doubleValue: number | string }
  | { boolValue: boolean }
  | { bytesValue: string }
  | { arrayValue: { values: OtlpJsonAnyValue[] } }
  | { kvlistValue: { values: { key: string; value: OtlpJsonAnyValue }[] } }
  | Record<string, never>;

export function splitAttrs(attrs: Attr[]): TypedAttrs {
  const out: TypedAttrs = { str: [], int: [], dbl: [], bool: [], json: [] };
  // A key sent twice keeps its last value, as the OTel SDKs do.
  const seen = new Map<string, Attr>();
  for (const a of attrs) seen.set(a.key, a);
  for (const { key, value } of seen.values()) {
    switch (value.t) {
      case "str": out.str.push({ key, value: value.v }); break;
      case "int": out.int.push({ key, value: value.v }); break;
      // NaN and infinities are not JSON numbers: keep them, typed, in the JSON map.
      case "dbl":
        if (Number.isFinite(value.v)) out.dbl.push({ key, value: value.v });
        else out.json.push({ key, value: JSON.stringify(toOtlpJson(value)) });
        break;
      case "bool": out.bool.push({ key, value: value.v }); break;
      default: out.json.push({ key, value: JSON.stringify(toOtlpJson(value)) });
    }
  }
  return out;
}

export function toOtlpJson(value: AnyValue): OtlpJsonAnyValue {
  switch (value.t) {
    case "str": return { stringValue: value.v };
    case "int": return { intValue: value.v.toString() };
    case "dbl": return { doubleValue: Number.isFinite(value.v) ? value.v : String(value.v) };
    case "bool": return { boolValue: value.v };
    case "bytes": return { bytesValue: Buffer.from(value.v).toString("base64") };
    case "arr": return { arrayValue: { values: value.v.map(toOtlpJson) } };
    case "kv": return { kvlistValue: { values: value.v.map((a) => ({ key: a.key, value: toOtlpJson(a.value) })) } };
    case "empty": return {};
  }
}

export function attrsToOtlpJson(attrs: Attr[]) {
  return attrs.map((a) => ({ key: a.key, value: toOtlpJson(a.value) }));
}

/** A bigint as a JSON number when it is exact, else as a decimal string. */
export function intToJson(v: bigint): number | string {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
}

function doubleToJson(v: number): number | string {
  return Number.isFinite(v) ? v : String(v);
}

/** Stored OTLP/JSON AnyValue -> the plain JSON the read API returns. */
export function otlpJsonToPlain(v: OtlpJsonAnyValue): JsonValue {
  if ("stringValue" in v) return v.stringValue;
  if ("intValue" in v) return intToJson(BigInt(v.intValue));
  if ("doubleValue" in v) return typeof v.doubleValue === "number" ? v.doubleValue : v.doubleValue;
  if ("boolValue" in v) return v.boolValue;
  if ("bytesValue" in v) return v.bytesValue;
  if ("arrayValue" in v) return v.arrayValue.values.map(otlpJsonToPlain);
  if ("kvlistValue" in v) {
    const obj: Record<string, JsonValue> = {};
    for (const kv of v.kvlistValue.values) obj[kv.key] = otlpJsonToPlain(kv.value);
    return obj;
  }
  return null;
}

export function otlpJsonAttrsToPlain(list: { key: string; value: OtlpJsonAnyValue }[]): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const kv of list) out[kv.key] = otlpJsonToPlain(kv.value);
  return out;
}

type MapEntries<T> = { key: string; value: T }[] | null;

/** Stored typed maps (as read back from the engine) -> one plain JSON object. */
export function typedMapsToPlain(maps: {
  str: MapEntries<string>;
  int: MapEntries<bigint>;
  dbl: MapEntries<number>;
  bool: MapEntries<boolean>;
  json: MapEntries<string>;
}): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const e of maps.str ?? []) out[e.key] = e.value;
  for (const e of maps.int ?? []) out[e.key] = intToJson(e.value);
  for (const e of maps.dbl ?? []) out[e.key] = doubleToJson(e.value);
  for (const e of maps.bool ?? []) out[e.key] = e.value;
  for (const e of maps.json ?? []) out[e.key] = otlpJsonToPlain(JSON.parse(e.value) as OtlpJsonAnyValue);
  // Keys in name order: the UI groups them by namespace.
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
