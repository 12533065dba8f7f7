import type { AttributeScope, ComparisonOp, StaticNode } from "@/lib/traceql/ast";
import type { TraceQLError } from "@/lib/traceql/errors";
import type { ParamBag } from "./params";
import { sparseAtom, sparseSubquery } from "./compile-sparse";

const MAP_TYPES = ["str", "int", "dbl", "bool", "json"] as const;
export type MapType = (typeof MAP_TYPES)[number];

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
 * The comparison for a typed literal over `lookup(map)` (one typed read of the attribute),
 * and the maps it reads; the same SQL serves the maps and the sparse-attribute index.
 */
function typedComparison(
  op: ComparisonOp, v: Exclude<StaticNode["value"], { type: "nil" }>, params: ParamBag, mismatch: () => TraceQLError,
  lookup: (map: MapType) => string,
): { sql: string; maps: MapType[] } {
  switch (v.type) {
    case "string":
      return { sql: stringOp(lookup("str"), op, params.ref(v.value, "VARCHAR")), maps: ["str"] };
    case "int":
    case "duration":
    case "float": {
      if (isRegex(op)) throw mismatch();
      const raw = v.type === "int" ? v.value : v.type === "duration" ? v.ns : v.value;
      // Integer literals compare exactly against attr_int; attr_dbl compares as DOUBLE.
      const asInt = v.type === "float" ? params.ref(raw, "DOUBLE") : params.ref(raw, "BIGINT");
      const asDbl = params.ref(raw, "DOUBLE");
      return { sql: `coalesce(${lookup("int")} ${op} ${asInt}, ${lookup("dbl")} ${op} ${asDbl})`, maps: ["int", "dbl"] };
    }
    case "bool":
      if (op !== "=" && op !== "!=") throw mismatch();
      return { sql: `${lookup("bool")} ${op} ${params.ref(v.value, "BOOLEAN")}`, maps: ["bool"] };
    default:
      throw mismatch();
  }
}

/**
 * Typed comparison on a span/resource attribute: a string literal reads attr_str, a
 * number reads attr_int and attr_dbl (the key lives in one of them; coalesce only looks
 * in the second when the first is NULL), a bool reads attr_bool. A missing key makes
 * the comparison NULL, so `span.x != "a"` only matches spans that have x, as in Tempo.
 *
 * With `sparse` set, a key without dedicated columns may be looked up in the sparse-attribute
 * index instead, as `(…, trace_id, span_id) IN (…)`: FALSE where the maps give NULL, which
 * filters the same (the compiler coalesces under every `!`). `sparse` gets the subquery
 * and says whether to use it; the caller may also narrow whole traces by it.
 */
export function compareAttribute(
  scope: Exclude<AttributeScope, "event">, key: string, op: ComparisonOp, node: StaticNode,
  params: ParamBag, mismatch: () => TraceQLError, sparse: ((subquery: string) => boolean) | null = null,
): string {
  const k = params.ref(key, "VARCHAR");
  const v = node.value;
  if (v.type === "nil") {
    if (op !== "=" && op !== "!=") throw mismatch();
    const present = MAP_TYPES.map((t) => `${mapLookup(scope, t, k, params)} IS NOT NULL`).join(" OR ");
    return op === "!=" ? `(${present})` : `NOT (${present})`;
  }
  const compare = (lookup: (map: MapType) => string) => typedComparison(op, v, params, mismatch, lookup);
  let sql = compare((m) => mapLookup(scope, m, k, params)).sql;
  const subquery = sparse && sparseSubquery(scope, k, params, compare);
  if (subquery && sparse!(subquery)) sql = sparseAtom(subquery);
  // The service_name column is far cheaper than a map lookup; the lookup still runs on
  // the rows it keeps, so a resource without service.name ("unknown_service") stays out.
  if (scope === "resource" && key === "service.name" && op === "=" && v.type === "string") {
    return `(s.service_name = ${params.ref(v.value, "VARCHAR")} AND ${sql})`;
  }
  return sql;
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
