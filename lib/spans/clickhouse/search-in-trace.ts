import type { TraceSearch } from "@/lib/contract";
import { normalizeTraceIdForLookup } from "../trace-id";
import { projectFilter, rows, spanColumns, type ChContext, type Params } from "./context";

/*
 * Search within one trace, as DuckDB's store answers it (lib/spans/duckdb/search-in-trace.ts).
 * DuckDB keeps values in typed maps and compares each by its type; here the value maps
 * hold text and the type maps say what it was, so each comparison picks its arm by type.
 * Where DuckDB turns a value or the user's text into another type (double -> text,
 * text -> number or bool), that conversion is done here in TypeScript the way DuckDB does
 * it, so both engines match the same spans.
 */

type Family = { values: string; types: string };

/** DuckDB's DOUBLE -> VARCHAR: shortest round-trip digits, exponent below 1e-4 and from 1e16, `.0` on whole numbers. */
export function duckDoubleText(x: number): string {
  if (x === 0) return "0.0";
  const [mantissa, e] = x.toExponential().split("e");
  const exp10 = Number(e);
  if (exp10 < -4 || exp10 >= 16) {
    const sign = exp10 < 0 ? "-" : "+";
    return `${mantissa}e${sign}${String(Math.abs(exp10)).padStart(2, "0")}`;
  }
  const fixed = x.toFixed(Math.max(0, (mantissa.split(".")[1]?.length ?? 0) - exp10));
  return fixed.includes(".") ? fixed : `${fixed}.0`;
}

const DECIMAL = /^[+-]?(?=[\d.])\d*(?:_\d+)*(?:\.\d*)?(?:e[+-]?\d+)?$/i;

/** DuckDB's TRY_CAST(text AS DOUBLE), for the finite values its double map holds. */
export function duckTryDouble(text: string): number | null {
  const t = text.trim();
  if (!DECIMAL.test(t) || !/\d/.test(t)) return null;
  const x = Number(t.replace(/_/g, ""));
  return Number.isFinite(x) ? x : null;
}

/** DuckDB's TRY_CAST(text AS BIGINT): decimals round half away from zero, hex with 0x. */
export function duckTryBigint(text: string): bigint | null {
  const t = text.trim();
  let v: bigint | null = null;
  if (/^[+-]?0x[0-9a-f]+$/i.test(t)) v = (t.startsWith("-") ? -1n : 1n) * BigInt(t.replace(/^[+-]/, ""));
  else if (/^[+-]?\d+(?:_\d+)*$/.test(t)) v = BigInt(t.replace(/_/g, ""));
  else {
    const x = duckTryDouble(t);
    if (x !== null) v = BigInt(Math.sign(x) * Math.round(Math.abs(x)));
  }
  return v !== null && v >= -(2n ** 63n) && v < 2n ** 63n ? v : null;
}

/** DuckDB's TRY_CAST(text AS BOOLEAN). */
export function duckTryBool(text: string): boolean | null {
  const t = text.toLowerCase();
  if (["true", "t", "1", "yes", "y"].includes(t)) return true;
  if (["false", "f", "0", "no", "n"].includes(t)) return false;
  return null;
}

function families(ctx: ChContext): Record<"span" | "resource", Family> {
  const c = spanColumns(ctx);
  return {
    span: { values: "SpanAttributes", types: c.spanTypes },
    resource: { values: "ResourceAttributes", types: c.resourceTypes },
  };
}

const contains = (text: string) => `position(lowerUTF8(${text}), {needle:String}) > 0`;

/**
 * Whether a value of the map contains the needle as DuckDB reads it: strings and the
 * OTLP/JSON text of arrays, kvlists, bytes, empty values and non-finite doubles (DuckDB's
 * JSON map) by substring; ints, finite doubles and bools as their DuckDB text, whole.
 */
function anyValueContains(f: Family, needleDouble: number | null, params: Params): string {
  const v = `${f.values}[k]`;
  const t = `${f.types}[k]`;
  const finite = `isFinite(toFloat64OrZero(${v}))`;
  let double = "0";
  if (needleDouble !== null) {
    params.needle_dbl = String(needleDouble);
    double = "toFloat64OrNull(" + v + ") = {needle_dbl:Float64}";
  }
  const arms = `multiIf(
      ${t} IN ('', 'string', 'array', 'kvlist'), ${contains(v)},
      ${t} = 'bytes', ${contains(`concat('{"bytesValue":"', ${v}, '"}')`)},
      ${t} = 'empty', ${contains("'{}'")},
      ${t} = 'double' AND NOT ${finite}, ${contains(`concat('{"doubleValue":"', ${v}, '"}')`)},
      ${t} IN ('int', 'bool'), ${v} = {needle:String},
      ${t} = 'double', ${double},
      0)`;
  return `arrayExists(k -> ${arms}, mapKeys(${f.values}))`;
}

/** A value of the map's key equal to the user's text by its type (strings in any case). */
function equals(f: Family, params: Params): string {
  const v = `${f.values}[{key:String}]`;
  const t = `${f.types}[{key:String}]`;
  const value = String(params.value);
  const int = duckTryBigint(value);
  const dbl = duckTryDouble(value);
  const bool = duckTryBool(value);
  if (int !== null) params.value_int = int.toString();
  if (dbl !== null) params.value_dbl = String(dbl);
  if (bool !== null) params.value_bool = Number(bool);
  return `(mapContains(${f.values}, {key:String}) AND multiIf(
      ${t} IN ('', 'string'), lowerUTF8(${v}) = lowerUTF8({value:String}),
      ${t} = 'int', ${int === null ? "0" : `toInt64OrNull(${v}) = {value_int:Int64}`},
      ${t} = 'double', ${dbl === null ? "0" : `toFloat64OrNull(${v}) = {value_dbl:Float64}`},
      ${t} = 'bool', ${bool === null ? "0" : `(${v} = 'true') = {value_bool:UInt8}`},
      0))`;
}

/** `span.x` in span attributes, `resource.x` in resource ones, `x` in both; bare `name` is the span name. */
function fieldCondition(ctx: ChContext, key: string, op: "=" | "!=", params: Params): string {
  const scoped = /^(span|resource)\.(.+)$/.exec(key);
  const name = scoped ? scoped[2] : key;
  params.key = name;
  if (name === "name" && !scoped) return `${op === "=" ? "" : "NOT "}(lowerUTF8(toString(SpanName)) = lowerUTF8({value:String}))`;
  const fam = families(ctx);
  const used = scoped ? [fam[scoped[1] as "span" | "resource"]] : [fam.span, fam.resource];
  const parts = used.map((f) => (op === "=" ? equals(f, params) : `(mapContains(${f.values}, {key:String}) AND NOT ${equals(f, params)})`));
  return `(${parts.join(" OR ")})`;
}

/**
 * Span ids of one trace whose attributes match: free text against every attribute value
 * (span and resource), the name, the service, the status message and event names, or a key
 * named so; or `key = value` / `key != value` by the value's type. User text goes in as
 * parameters. Null when the trace id is not one. A span stored twice is listed once.
 */
export async function searchInTrace(
  ctx: ChContext, projectId: number, rawTraceId: string, search: TraceSearch, limit: number,
): Promise<string[] | null> {
  const traceId = normalizeTraceIdForLookup(rawTraceId);
  if (!traceId) return null;
  if (search.kind === "none") return [];
  const params: Params = { project: projectId, trace: traceId, limit };
  let where: string;
  if (search.kind === "text") {
    params.needle = search.text.toLowerCase();
    params.raw = search.text;
    const x = duckTryDouble(search.text.toLowerCase());
    // A finite double matches only the text DuckDB prints for it.
    const needleDouble = x !== null && duckDoubleText(x) === search.text.toLowerCase() ? x : null;
    const fam = families(ctx);
    where = `(${contains("toString(SpanName)")} OR ${contains(spanColumns(ctx).service)} OR ${contains("StatusMessage")}
      OR arrayExists(e -> ${contains("toString(e)")}, \`Events.Name\`)
      OR ${anyValueContains(fam.span, needleDouble, params)} OR ${anyValueContains(fam.resource, needleDouble, params)}
      OR mapContains(SpanAttributes, {raw:String}) OR mapContains(ResourceAttributes, {raw:String}))`;
  } else {
    params.value = search.value;
    where = fieldCondition(ctx, search.key, search.op, params);
  }
  const list = await rows<{ span_id: string }>(ctx,
    `SELECT SpanId AS span_id FROM ${ctx.names.spans}
     WHERE ${projectFilter(ctx)}TraceId = {trace:String} AND ${where}
     GROUP BY SpanId ORDER BY min(Timestamp), SpanId LIMIT {limit:UInt64}`, params);
  return list.map((r) => r.span_id);
}
