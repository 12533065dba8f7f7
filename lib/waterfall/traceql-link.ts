import type { JsonValue } from "@/lib/contract";

/** A TraceQL string literal: double quotes, with backslashes and quotes escaped. */
export function traceqlString(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

/**
 * `{ span.customer.tier = "enterprise" }` for one attribute value, or null when the value
 * cannot be compared in TraceQL (arrays, maps, null). Keys with unusual characters are quoted.
 */
export function attributeQuery(scope: "span" | "resource", key: string, value: JsonValue): string | null {
  let literal: string;
  if (typeof value === "string") literal = traceqlString(value);
  else if (typeof value === "number") literal = Number.isFinite(value) ? String(value) : "";
  else if (typeof value === "boolean") literal = String(value);
  else return null;
  if (!literal) return null;
  const name = /^[A-Za-z_][\w.\-]*$/.test(key) ? key : traceqlString(key);
  return `{ ${scope}.${name} = ${literal} }`;
}

/** The trace search page for one attribute value. */
export function attributeSearchHref(scope: "span" | "resource", key: string, value: JsonValue): string | null {
  const q = attributeQuery(scope, key, value);
  return q ? `/traces?q=${encodeURIComponent(q)}` : null;
}
