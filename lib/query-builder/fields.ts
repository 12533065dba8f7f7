import type { AttributeScope, Intrinsic } from "@/lib/traceql/ast";

/** What a value is, as the builder's value picker and the autocomplete see it. */
export type ValueType = "string" | "int" | "float" | "bool" | "duration" | "status" | "kind";

export type FieldRef = { kind: "intrinsic"; name: Intrinsic } | { kind: "attribute"; scope: AttributeScope; key: string };

export interface IntrinsicInfo {
  name: Intrinsic;
  type: ValueType;
  description: string;
  /** Where the attribute catalog keeps this intrinsic's values, when it does. */
  values?: { scope: "intrinsic" | "resource" | "event"; key: string };
}

/** The intrinsics the builder and autocomplete offer (the ones the compiler supports and people filter on). */
export const INTRINSICS: IntrinsicInfo[] = [
  { name: "name", type: "string", description: "span name", values: { scope: "intrinsic", key: "name" } },
  { name: "status", type: "status", description: "span status: ok, error, unset" },
  { name: "duration", type: "duration", description: "span duration" },
  { name: "kind", type: "kind", description: "span kind: server, client…" },
  { name: "statusMessage", type: "string", description: "span status message" },
  { name: "event:name", type: "string", description: "name of any event on the span", values: { scope: "event", key: "event:name" } },
  { name: "trace:rootService", type: "string", description: "service of the trace's root span", values: { scope: "resource", key: "service.name" } },
  { name: "trace:rootName", type: "string", description: "name of the trace's root span", values: { scope: "intrinsic", key: "name" } },
  { name: "trace:duration", type: "duration", description: "whole trace duration" },
];

export const STATUS_VALUES = ["error", "ok", "unset"] as const;
export const KIND_VALUES = ["server", "client", "internal", "producer", "consumer", "unspecified"] as const;

const SIMPLE_KEY = /^[A-Za-z_][\w.\-]*$/;

/** A TraceQL string literal: double quotes, with backslashes, quotes and newlines escaped. */
export function traceqlString(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

/** `span.customer.tier`, `.x`, `span."odd key"`, `trace:duration`. */
export function fieldText(f: FieldRef): string {
  if (f.kind === "intrinsic") return f.name;
  const key = SIMPLE_KEY.test(f.key) ? f.key : traceqlString(f.key);
  return `${f.scope === "unscoped" ? "" : f.scope}.${key}`;
}

const INTRINSIC_NAMES = new Set<string>(INTRINSICS.map((i) => i.name));

/**
 * The inverse of fieldText for what people type in the builder's key box. Null when the
 * text is not a field (yet): the row then stays out of the query.
 */
export function parseFieldText(raw: string): FieldRef | null {
  const text = raw.trim();
  if (INTRINSIC_NAMES.has(text)) return { kind: "intrinsic", name: text as Intrinsic };
  const m = /^(span|resource|event)?\.(.+)$/.exec(text);
  if (!m) return null;
  const scope: AttributeScope = (m[1] as AttributeScope | undefined) ?? "unscoped";
  let key = m[2];
  if (key.startsWith('"')) {
    if (key.length < 2 || !key.endsWith('"')) return null;
    key = key.slice(1, -1).replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
  } else if (key.includes('"')) {
    return null;
  }
  // Unquoted keys with spaces or symbols are accepted: fieldText quotes them.
  return key ? { kind: "attribute", scope, key } : null;
}

export function sameField(a: FieldRef, b: FieldRef): boolean {
  if (a.kind === "intrinsic") return b.kind === "intrinsic" && a.name === b.name;
  return b.kind === "attribute" && a.scope === b.scope && a.key === b.key;
}

/** The catalog's types (string, int, double, bool, ...) as a value type; strings when mixed or unknown. */
export function valueTypeOf(catalogTypes: readonly string[]): ValueType {
  if (catalogTypes.length === 1) {
    const [t] = catalogTypes;
    if (t === "int") return "int";
    if (t === "double") return "float";
    if (t === "bool") return "bool";
  }
  if (catalogTypes.length === 2 && catalogTypes.includes("int") && catalogTypes.includes("double")) return "float";
  return "string";
}

export function intrinsicInfo(name: string): IntrinsicInfo | undefined {
  return INTRINSICS.find((i) => i.name === name);
}
