import type { SyntaxNode } from "@lezer/common";
import type { KindValue, Pos, Static, StatusValue } from "./ast";
import { INT64_MAX, durationToNs } from "./durations";
import { TraceQLError, notSupported } from "./errors";

const STATUS_WORDS: StatusValue[] = ["unset", "ok", "error"];
const KIND_WORDS: KindValue[] = ["unspecified", "internal", "server", "client", "producer", "consumer"];

const SIMPLE_ESCAPES: Record<string, string> = {
  n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v", a: "\x07", "\\": "\\", '"': '"', "'": "'",
};

/**
 * Unquotes a TraceQL string or quoted attribute name. Backtick strings are raw, as in Go.
 * Double-quoted ones take Go's escapes; an unknown escape such as `\.` keeps its
 * backslash rather than failing, so regexes written for other tools still work.
 */
export function unquote(text: string): string {
  if (text.startsWith("`")) return text.slice(1, -1);
  return text.slice(1, -1).replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (whole, esc: string) => {
    if (esc.length > 1) return String.fromCharCode(parseInt(esc.slice(1), 16));
    return SIMPLE_ESCAPES[esc] ?? whole;
  });
}

function checkInt64(v: bigint, at: Pos): bigint {
  if (v > INT64_MAX || v < -INT64_MAX - 1n) throw new TraceQLError(`integer ${v} does not fit in 64 bits`, at.from, at.to);
  return v;
}

/** A `Static` node, or an Integer/Float/Duration leaf inside a scalar expression. */
export function staticValue(node: SyntaxNode, src: string): Static {
  const child = node.name === "Static" ? node.firstChild : node;
  const text = src.slice(node.from, node.to);
  if (!child) {
    if (text === "true" || text === "false") return { type: "bool", value: text === "true" };
    if (text === "nil") return { type: "nil" };
    if ((STATUS_WORDS as string[]).includes(text)) return { type: "status", value: text as StatusValue };
    if ((KIND_WORDS as string[]).includes(text)) return { type: "kind", value: text as KindValue };
    throw new TraceQLError(`unexpected "${text}"`, node.from, node.to);
  }
  const leaf = src.slice(child.from, child.to);
  switch (child.name) {
    case "String": return { type: "string", value: unquote(leaf) };
    case "Integer": return { type: "int", value: checkInt64(BigInt(leaf), child) };
    case "Float": return { type: "float", value: Number(leaf) };
    case "Duration": return { type: "duration", ns: durationToNs(leaf, child) };
    case "TemplateVariable": throw notSupported(`template variable ${leaf} (interpolate it before compiling)`, child);
    default: throw new TraceQLError(`unexpected "${leaf}"`, child.from, child.to);
  }
}

/** Applies a unary minus to a numeric literal; anything else cannot be negated. */
export function negate(v: Static, at: Pos): Static {
  switch (v.type) {
    case "int": return { type: "int", value: checkInt64(-v.value, at) };
    case "float": return { type: "float", value: -v.value };
    case "duration": return { type: "duration", ns: -v.ns };
    default: throw new TraceQLError("only numbers and durations can be negated", at.from, at.to);
  }
}
