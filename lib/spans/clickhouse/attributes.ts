import type { AnyValue, Attr } from "@/lib/ingest/types";
import { intToJson, otlpJsonToPlain, toOtlpJson, type OtlpJsonAnyValue } from "../attribute-codec";
import type { JsonValue } from "@/lib/contract";

/**
 * Attributes as ClickHouse stores them: a string map holding what the OpenTelemetry
 * Collector writes for each value (its `AsString()`: ints as digits, doubles in JSON
 * number form, bools as true/false, bytes as base64), and a type map naming every key
 * whose value is not a string. Arrays and kvlists are kept as OTLP/JSON AnyValue text
 * (the collector writes plain JSON, which loses int vs double and ints past 2^53).
 */
export interface EncodedAttrs {
  values: Record<string, string>;
  types: Record<string, string>;
}

const TYPE_OF: Record<AnyValue["t"], string> = {
  str: "string", int: "int", dbl: "double", bool: "bool", bytes: "bytes", arr: "array", kv: "kvlist", empty: "empty",
};

function valueText(v: AnyValue): string {
  switch (v.t) {
    case "str": return v.v;
    case "int": return v.v.toString();
    // JS's shortest round-trip form; NaN and the infinities read back as themselves.
    case "dbl": return String(v.v);
    case "bool": return v.v ? "true" : "false";
    case "bytes": return Buffer.from(v.v).toString("base64");
    case "empty": return "";
    default: return JSON.stringify(toOtlpJson(v));
  }
}

export function encodeAttrs(attrs: Attr[]): EncodedAttrs {
  const values: Record<string, string> = {};
  const types: Record<string, string> = {};
  // A key sent twice keeps its last value, as the OTel SDKs (and the DuckDB store) do.
  const last = new Map<string, AnyValue>();
  for (const a of attrs) last.set(a.key, a.value);
  for (const [key, value] of last) {
    values[key] = valueText(value);
    if (value.t !== "str") types[key] = TYPE_OF[value.t];
  }
  return { values, types };
}

function decodeValue(text: string, type: string | undefined): JsonValue {
  switch (type) {
    case undefined: case "": case "string": return text;
    case "int": return intToJson(BigInt(text));
    case "double": {
      const n = Number(text);
      return Number.isFinite(n) ? n : String(n);
    }
    case "bool": return text === "true";
    case "bytes": return text;
    case "empty": return null;
    case "array": case "kvlist": return otlpJsonToPlain(JSON.parse(text) as OtlpJsonAnyValue);
    default: return text;
  }
}

/** Stored maps -> the plain object the read API returns, keys in the stored order. */
export function decodeAttrs(values: Record<string, string>, types: Record<string, string> | undefined): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(values)) out[key] = decodeValue(values[key], types?.[key]);
  return out;
}

/** As `decodeAttrs`, keys in name order (span and resource attributes: the UI groups them by namespace). */
export function decodeAttrsSorted(values: Record<string, string>, types: Record<string, string> | undefined) {
  const out = decodeAttrs(values, types);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
