import type { AttributeScope, ComparisonOp, Static } from "@/lib/traceql/ast";
import type { ChParams } from "./params";

/**
 * Typed reads of one attribute. The value maps hold the collector's text; the type maps
 * (write mode) name every key whose value is not a string, so a numeric literal only
 * matches int and double values, a string literal only string values and a bool literal
 * only bools, as DuckDB's typed maps do. A missing key reads as '' in a ClickHouse map:
 * every read checks presence first, so `span.x != "a"` never matches a span without x.
 *
 * Read mode (a collector-filled table) has no type maps: every value is a string, and a
 * numeric literal matches values that parse as numbers, a bool literal `true`/`false`.
 */
export interface AttrMaps {
  typed: boolean;
}

type MapScope = "span" | "resource";
type Class = "str" | "num" | "bool";

const VALUES: Record<MapScope, string> = { span: "SpanAttributes", resource: "ResourceAttributes" };
const TYPES: Record<MapScope, string> = { span: "SpanAttributeTypes", resource: "ResourceAttributeTypes" };

/** Comparisons that are true only where the span has the key (never NULL). */
export function regexMatch(column: string, op: "=~" | "!~", param: string): string {
  // TraceQL regexes match the whole value. ClickHouse's `.` matches newlines unless told
  // otherwise, RE2's default (DuckDB's regexp_full_match) does not: (?-s) restores it.
  const m = `match(${column}, concat('(?-s)^(?:', ${param}, ')$'))`;
  return op === "=~" ? m : `NOT ${m}`;
}

export function stringCompare(column: string, op: ComparisonOp, param: string): string {
  if (op === "=~" || op === "!~") return regexMatch(column, op, param);
  return `${column} ${op} ${param}`;
}

/** Whether the map has the key with a value of the class. */
function hasClass(maps: AttrMaps, scope: MapScope, k: string, cls: Class): string {
  const has = `mapContains(${VALUES[scope]}, ${k})`;
  const v = `${VALUES[scope]}[${k}]`;
  if (!maps.typed) {
    if (cls === "str") return has;
    if (cls === "bool") return `(${has} AND ${v} IN ('true', 'false'))`;
    return `(${has} AND isNotNull(toFloat64OrNull(${v})) AND isFinite(toFloat64OrZero(${v})))`;
  }
  const t = `${TYPES[scope]}[${k}]`;
  if (cls === "str") return `(${has} AND ${t} IN ('', 'string'))`;
  if (cls === "bool") return `${t} = 'bool'`;
  // NaN and the infinities are doubles here, but DuckDB keeps them out of its double map.
  return `(${t} = 'int' OR (${t} = 'double' AND isFinite(toFloat64OrZero(${v}))))`;
}

/** The comparison on one map, for a value already known to be of the literal's class. */
function valueCompare(maps: AttrMaps, scope: MapScope, k: string, op: ComparisonOp, v: Static, params: ChParams): string {
  const text = `${VALUES[scope]}[${k}]`;
  switch (v.type) {
    case "string": return stringCompare(text, op, params.ref(v.value, "String"));
    case "bool": return `(${text} = 'true') ${op} ${params.ref(v.value, "UInt8")}`;
    case "int":
    case "duration": {
      const raw = v.type === "int" ? v.value : v.ns;
      // Ints compare exactly as Int64; doubles (and read mode's parsed text) as Float64.
      const asInt = `ifNull(toInt64OrNull(${text}) ${op} ${params.ref(raw, "Int64")}, 0)`;
      const asDbl = `ifNull(toFloat64OrNull(${text}) ${op} ${params.ref(Number(raw), "Float64")}, 0)`;
      if (!maps.typed) return `if(isNotNull(toInt64OrNull(${text})), ${asInt}, ${asDbl})`;
      return `if(${TYPES[scope]}[${k}] = 'int', ${asInt}, ${asDbl})`;
    }
    case "float":
      return `ifNull(toFloat64OrNull(${text}) ${op} ${params.ref(v.value, "Float64")}, 0)`;
    default:
      return "0";
  }
}

const classOf = (v: Static): Class => (v.type === "string" ? "str" : v.type === "bool" ? "bool" : "num");

/**
 * `span.x op v`, `resource.x op v`, `.x op v`. Unscoped reads the span's value when the
 * span has the key with a value of the literal's class, else the resource's (Tempo, and
 * DuckDB's coalesce over its typed maps). Callers have refused type clashes already.
 */
export function compareAttribute(
  maps: AttrMaps, scope: Exclude<AttributeScope, "event">, key: string, op: ComparisonOp, v: Static, params: ChParams,
): string {
  const k = params.ref(key, "String");
  if (v.type === "nil") {
    const present = scope === "unscoped"
      ? `(mapContains(SpanAttributes, ${k}) OR mapContains(ResourceAttributes, ${k}))`
      : `mapContains(${VALUES[scope]}, ${k})`;
    return op === "!=" ? present : `NOT ${present}`;
  }
  const cls = classOf(v);
  const one = (s: MapScope) => `(${hasClass(maps, s, k, cls)} AND ${valueCompare(maps, s, k, op, v, params)})`;
  if (scope !== "unscoped") return one(scope);
  return `if(${hasClass(maps, "span", k, cls)}, ${one("span")}, ${one("resource")})`;
}
