import { isMatchAll } from "@/lib/traceql/match-all";
import { parseTraceQL } from "@/lib/traceql/parse";
import { traceqlString } from "@/lib/waterfall/traceql-link";

export { traceqlString };

/** Group labels the metrics API uses for intrinsics; they are TraceQL words, not attributes. */
const INTRINSICS = new Set(["name", "status", "kind"]);
const BARE_KEY = /^[A-Za-z_][\w.\-/:@]*$/;

/**
 * A group label (`span.customer.tier`, `resource.service.name`, `.x`, `name`) as a TraceQL
 * field. Keys with characters TraceQL cannot spell bare are quoted.
 */
export function traceqlField(label: string): string {
  if (INTRINSICS.has(label)) return label;
  const m = /^(span|resource)?\.(.+)$/.exec(label);
  if (!m) return label;
  const key = BARE_KEY.test(m[2]) ? m[2] : traceqlString(m[2]);
  return `${m[1] ?? ""}.${key}`;
}

/**
 * A value as a TraceQL literal. The metrics API hands every group value back as text, so
 * the attribute's catalogued types decide: `200` is an int for `http.status_code` but a
 * string for an id. Without types, a number-looking value matches either spelling.
 */
export function valueCondition(field: string, value: string | number | boolean | null, types?: string[]): string {
  if (value === null) return `${field} = nil`;
  if (field === "status" || field === "kind") return `${field} = ${value}`;
  const text = String(value);
  if (typeof value === "number") return `${field} = ${text}`;
  if (typeof value === "boolean") return `${field} = ${text}`;
  const numeric = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text);
  const isBool = text === "true" || text === "false";
  if (types && types.length > 0) {
    const wantsNumber = numeric && (types.includes("int") || types.includes("double"));
    const wantsBool = isBool && types.includes("bool");
    const wantsString = types.includes("string");
    if ((wantsNumber || wantsBool) && !wantsString) return `${field} = ${text}`;
    if ((wantsNumber || wantsBool) && wantsString) return `(${field} = ${text} || ${field} = ${traceqlString(text)})`;
    return `${field} = ${traceqlString(text)}`;
  }
  if (numeric || isBool) return `(${field} = ${text} || ${field} = ${traceqlString(text)})`;
  return `${field} = ${traceqlString(text)}`;
}

export { isMatchAll };

/**
 * The page's filter with extra span conditions ANDed in. A single spanset `{ A }` becomes
 * `{ A && B }` (so both hold on the same span, as the chart counted them); anything
 * structural becomes `<filter> && { B }`, the closest TraceQL can say (parenthesised
 * where precedence needs it).
 */
export function andConditions(filter: string, conditions: string[]): string {
  const extra = conditions.filter(Boolean);
  if (extra.length === 0) return isMatchAll(filter) ? "{}" : filter.trim();
  const joined = extra.join(" && ");
  if (isMatchAll(filter)) return `{ ${joined} }`;
  try {
    const ast = parseTraceQL(filter);
    if (ast.kind === "filter") {
      if (!ast.condition) return `{ ${joined} }`;
      const c = ast.condition;
      const text = filter.slice(c.from, c.to).trim();
      // `&&` binds tighter than `||`: keep an OR together so the group applies to all of it.
      return `{ ${c.kind === "or" ? `(${text})` : text} && ${joined} }`;
    }
    // A pipeline or an `||` would capture the new spanset: parenthesise all but a plain `&&` chain.
    if (!(ast.kind === "spansetOp" && ast.op === "and")) return `(${filter.trim()}) && { ${joined} }`;
  } catch {
    // Not valid TraceQL: leave it as written and let the trace search report the problem.
  }
  return `${filter.trim()} && { ${joined} }`;
}
