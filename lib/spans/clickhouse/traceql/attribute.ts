import type { AttributeScope, ComparisonOp, Static } from "@/lib/traceql/ast";
import type { HotColumns } from "../hot-columns";
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
  /** Dedicated columns of hot keys (hot-columns.ts), read instead of the maps. */
  hot?: HotColumns;
}

type MapScope = "span" | "resource";
type Class = "str" | "num" | "bool";

const VALUES: Record<MapScope, string> = { span: "SpanAttributes", resource: "ResourceAttributes" };
const TYPES: Record<MapScope, string> = { span: "SpanAttributeTypes", resource: "ResourceAttributeTypes" };

/**
 * Where one attribute of one span is read: `has` (presence), `text` (its value, only
 * meaningful where present) and `type` (the type map's entry, '' for a string; null in
 * read mode, where there are no type maps).
 */
export interface AttrRead {
  has: string;
  text: string;
  type: string | null;
}

/** The read of `key` (its parameter `k`) in a span or resource map, or in its hot column. */
export function mapRead(maps: AttrMaps, scope: MapScope, key: string, k: string): AttrRead {
  const hot = maps.hot?.get(`${scope}:${key}`);
  if (hot) {
    return { has: `isNotNull(${hot.value})`, text: `assumeNotNull(${hot.value})`, type: maps.typed ? hot.type : null };
  }
  return { has: `mapContains(${VALUES[scope]}, ${k})`, text: `${VALUES[scope]}[${k}]`, type: maps.typed ? `${TYPES[scope]}[${k}]` : null };
}

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

/** Whether the read has a value of the class. */
function hasClass(r: AttrRead, cls: Class): string {
  if (r.type === null) {
    if (cls === "str") return r.has;
    if (cls === "bool") return `(${r.has} AND ${r.text} IN ('true', 'false'))`;
    return `(${r.has} AND isNotNull(toFloat64OrNull(${r.text})) AND isFinite(toFloat64OrZero(${r.text})))`;
  }
  if (cls === "str") return `(${r.has} AND ${r.type} IN ('', 'string'))`;
  if (cls === "bool") return `${r.type} = 'bool'`;
  // NaN and the infinities are doubles here, but DuckDB keeps them out of its double map.
  return `(${r.type} = 'int' OR (${r.type} = 'double' AND isFinite(toFloat64OrZero(${r.text}))))`;
}

/** The comparison on one read, for a value already known to be of the literal's class. */
function valueCompare(r: AttrRead, op: ComparisonOp, v: Static, params: ChParams): string {
  const text = r.text;
  switch (v.type) {
    case "string": return stringCompare(text, op, params.ref(v.value, "String"));
    case "bool": return `(${text} = 'true') ${op} ${params.ref(v.value, "UInt8")}`;
    case "int":
    case "duration": {
      const raw = v.type === "int" ? v.value : v.ns;
      // Ints compare exactly as Int64; doubles (and read mode's parsed text) as Float64.
      const asInt = `ifNull(toInt64OrNull(${text}) ${op} ${params.ref(raw, "Int64")}, 0)`;
      const asDbl = `ifNull(toFloat64OrNull(${text}) ${op} ${params.ref(Number(raw), "Float64")}, 0)`;
      if (r.type === null) return `if(isNotNull(toInt64OrNull(${text})), ${asInt}, ${asDbl})`;
      return `if(${r.type} = 'int', ${asInt}, ${asDbl})`;
    }
    case "float":
      return `ifNull(toFloat64OrNull(${text}) ${op} ${params.ref(v.value, "Float64")}, 0)`;
    default:
      return "0";
  }
}

const classOf = (v: Static): Class => (v.type === "string" ? "str" : v.type === "bool" ? "bool" : "num");

/** `read op v` for a non-nil literal: the read must hold a value of the literal's class. */
export function compareRead(r: AttrRead, op: ComparisonOp, v: Static, params: ChParams): string {
  return `(${hasClass(r, classOf(v))} AND ${valueCompare(r, op, v, params)})`;
}

/**
 * `span.x op v`, `resource.x op v`, `.x op v`. Unscoped reads the span's value when the
 * span has the key with a value of the literal's class, else the resource's (Tempo, and
 * DuckDB's coalesce over its typed maps). Callers have refused type clashes already.
 */
export function compareAttribute(
  maps: AttrMaps, scope: Exclude<AttributeScope, "event">, key: string, op: ComparisonOp, v: Static, params: ChParams,
): string {
  const k = params.ref(key, "String");
  const span = mapRead(maps, "span", key, k);
  const resource = mapRead(maps, "resource", key, k);
  if (v.type === "nil") {
    const present = scope === "unscoped" ? `(${span.has} OR ${resource.has})` : (scope === "span" ? span : resource).has;
    return op === "!=" ? present : `NOT ${present}`;
  }
  if (scope !== "unscoped") return compareRead(scope === "span" ? span : resource, op, v, params);
  return `if(${hasClass(span, classOf(v))}, ${valueCompare(span, op, v, params)}, ${compareRead(resource, op, v, params)})`;
}

/**
 * A numeric attribute as Nullable(Float64), for aggregates: ints and finite doubles, NULL
 * otherwise. Unscoped reads as DuckDB's `coalesce(int::DOUBLE, dbl)` over span-then-resource
 * lookups: an int on either side wins over a double on either side.
 */
export function numericValue(maps: AttrMaps, scope: Exclude<AttributeScope, "event">, key: string, params: ChParams): string {
  const k = params.ref(key, "String");
  const reads = scope === "unscoped" ? [mapRead(maps, "span", key, k), mapRead(maps, "resource", key, k)]
    : [mapRead(maps, scope, key, k)];
  const asInt = (r: AttrRead) => (r.type === null
    ? `if(${r.has}, toFloat64(toInt64OrNull(${r.text})), NULL)`
    : `if(${r.type} = 'int', toFloat64(toInt64OrNull(${r.text})), NULL)`);
  const asDbl = (r: AttrRead) => (r.type === null
    ? `if(${r.has} AND isNull(toInt64OrNull(${r.text})) AND isFinite(toFloat64OrZero(${r.text})), toFloat64OrNull(${r.text}), NULL)`
    : `if(${r.type} = 'double' AND isFinite(toFloat64OrZero(${r.text})), toFloat64OrNull(${r.text}), NULL)`);
  return `coalesce(${[...reads.map(asInt), ...reads.map(asDbl)].join(", ")})`;
}

/**
 * `event.x op v`: true when any event of the span has the attribute with a matching value
 * (DuckDB reads the same from its OTLP/JSON events). Event types sit in a parallel array
 * of maps in write mode; collector rows have none, and an out-of-range index reads as an
 * empty map, i.e. strings.
 */
export function compareEventAttribute(maps: AttrMaps, key: string, op: ComparisonOp, v: Static, params: ChParams): string {
  const k = params.ref(key, "String");
  const r: AttrRead = { has: `mapContains(ea, ${k})`, text: `ea[${k}]`, type: maps.typed ? `EventAttributeTypes[ei][${k}]` : null };
  const any = (cond: string) => `arrayExists((ea, ei) -> ${cond}, \`Events.Attributes\`, arrayEnumerate(\`Events.Attributes\`))`;
  if (v.type === "nil") return op === "!=" ? any(r.has) : `NOT ${any(r.has)}`;
  return any(compareRead(r, op, v, params));
}
