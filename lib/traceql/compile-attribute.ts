import type { AttributeScope, ComparisonOp, StaticNode } from "./ast";
import type { TraceQLError } from "./errors";
import type { ParamBag } from "./params";

const MAP_TYPES = ["str", "int", "dbl", "bool", "json"] as const;
type MapType = (typeof MAP_TYPES)[number];

/**
 * One typed map lookup. Unscoped `.key` prefers the span's value and falls back to the
 * resource's, as Tempo does; per type, so a key stored as int on the span and as string
 * on the resource would match either way (an edge case worth the single coalesce).
 */
export function mapLookup(scope: Exclude<AttributeScope, "event">, type: MapType, key: string, params: ParamBag): string {
  const span = params.promotedColumn("span", type, key) ?? `s.attr_${type}[${key}]`;
  const resource = params.promotedColumn("resource", type, key) ?? `s.res_${type}[${key}]`;
  if (scope === "span") return span;
  if (scope === "resource") return resource;
  return `coalesce(${span}, ${resource})`;
}

const isRegex = (op: ComparisonOp) => op === "=~" || op === "!~";

export function stringOp(column: string, op: ComparisonOp, param: string): string {
  if (op === "=~") return `regexp_full_match(${column}, ${param})`;
  if (op === "!~") return `NOT regexp_full_match(${column}, ${param})`;
  return `${column} ${op} ${param}`;
}

/**
 * Typed comparison on a span/resource attribute: a string literal reads attr_str, a
 * number reads attr_int and attr_dbl (the key lives in one of them; coalesce only looks
 * in the second when the first is NULL), a bool reads attr_bool. A missing key makes
 * the comparison NULL, so `span.x != "a"` only matches spans that have x, as in Tempo.
 */
export function compareAttribute(
  scope: Exclude<AttributeScope, "event">, key: string, op: ComparisonOp, node: StaticNode,
  params: ParamBag, mismatch: () => TraceQLError,
): string {
  const k = params.ref(key, "VARCHAR");
  const v = node.value;
  switch (v.type) {
    case "nil": {
      if (op !== "=" && op !== "!=") throw mismatch();
      const present = MAP_TYPES.map((t) => `${mapLookup(scope, t, k, params)} IS NOT NULL`).join(" OR ");
      return op === "!=" ? `(${present})` : `NOT (${present})`;
    }
    case "string": {
      const p = params.ref(v.value, "VARCHAR");
      // The service_name column is far cheaper than a map lookup; the lookup still runs on
      // the rows it keeps, so a resource without service.name ("unknown_service") stays out.
      if (scope === "resource" && key === "service.name" && op === "=") {
        return `(s.service_name = ${p} AND ${mapLookup("resource", "str", k, params)} = ${p})`;
      }
      return stringOp(mapLookup(scope, "str", k, params), op, p);
    }
    case "int":
    case "duration":
    case "float": {
      if (isRegex(op)) throw mismatch();
      const raw = v.type === "int" ? v.value : v.type === "duration" ? v.ns : v.value;
      // Integer literals compare exactly against attr_int; attr_dbl compares as DOUBLE.
      const asInt = v.type === "float" ? params.ref(raw, "DOUBLE") : params.ref(raw, "BIGINT");
      const asDbl = params.ref(raw, "DOUBLE");
      return `coalesce(${mapLookup(scope, "int", k, params)} ${op} ${asInt}, ${mapLookup(scope, "dbl", k, params)} ${op} ${asDbl})`;
    }
    case "bool":
      if (op !== "=" && op !== "!=") throw mismatch();
      return `${mapLookup(scope, "bool", k, params)} ${op} ${params.ref(v.value, "BOOLEAN")}`;
    default:
      throw mismatch();
  }
}

const EVENT_ATTRS = "json_extract(s.events, '$[*].attributes[*]')";
const eventValue = (field: string) => `json_extract_string(ea, '$.value.${field}')`;

/**
 * `event.key op value`: true when any event of the span has the attribute with a matching
 * value. Events are stored as OTLP/JSON text (intValue as a string), so values are read
 * per type from the JSON; only spans that have events pay for the parse.
 */
export function compareEventAttribute(
  key: string, op: ComparisonOp, node: StaticNode, params: ParamBag, mismatch: () => TraceQLError,
): string {
  const keyMatch = `json_extract_string(ea, '$.key') = ${params.ref(key, "VARCHAR")}`;
  const v = node.value;
  let valueMatch: string;
  switch (v.type) {
    case "nil": {
      if (op !== "=" && op !== "!=") throw mismatch();
      const any = `coalesce(len(list_filter(${EVENT_ATTRS}, lambda ea: ${keyMatch})) > 0, FALSE)`;
      return op === "!=" ? any : `NOT ${any}`;
    }
    case "string":
      valueMatch = stringOp(eventValue("stringValue"), op, params.ref(v.value, "VARCHAR"));
      break;
    case "int":
    case "duration":
    case "float": {
      if (isRegex(op)) throw mismatch();
      const raw = v.type === "int" ? v.value : v.type === "duration" ? v.ns : v.value;
      const asInt = v.type === "float" ? params.ref(raw, "DOUBLE") : params.ref(raw, "BIGINT");
      valueMatch = `coalesce(TRY_CAST(${eventValue("intValue")} AS BIGINT) ${op} ${asInt}, `
        + `TRY_CAST(${eventValue("doubleValue")} AS DOUBLE) ${op} ${params.ref(raw, "DOUBLE")})`;
      break;
    }
    case "bool":
      if (op !== "=" && op !== "!=") throw mismatch();
      valueMatch = `TRY_CAST(${eventValue("boolValue")} AS BOOLEAN) ${op} ${params.ref(v.value, "BOOLEAN")}`;
      break;
    default:
      throw mismatch();
  }
  return `coalesce(len(list_filter(${EVENT_ATTRS}, lambda ea: ${keyMatch} AND ${valueMatch})) > 0, FALSE)`;
}
