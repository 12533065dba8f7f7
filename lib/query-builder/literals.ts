import type { Static } from "@/lib/traceql/ast";
import { KIND_VALUES, STATUS_VALUES, traceqlString, type ValueType } from "./fields";

/** A builder row's value as typed: `text` is what the picker shows (strings unquoted). */
export interface RowValue {
  type: ValueType | "nil";
  text: string;
}

const UNITS: [string, bigint, boolean][] = [
  // [unit, size, may carry decimals]: "1.5s" reads well, "1.5m" less so.
  ["h", 3_600_000_000_000n, false],
  ["m", 60_000_000_000n, false],
  ["s", 1_000_000_000n, true],
  ["ms", 1_000_000n, true],
  ["us", 1_000n, true],
];

/** A duration as people write it: the largest unit with at most three exact decimals (`1.5s`, `56.2ms`, `2m`). */
export function durationLiteral(ns: bigint): string {
  const sign = ns < 0n ? "-" : "";
  const abs = ns < 0n ? -ns : ns;
  if (abs === 0n) return "0ms";
  for (const [unit, size, decimals] of UNITS) {
    if (abs < size) continue;
    if (abs % size === 0n) return `${sign}${abs / size}${unit}`;
    if (decimals && (abs * 1000n) % size === 0n) {
      const frac = ((abs % size) * 1000n) / size;
      return `${sign}${abs / size}.${frac.toString().padStart(3, "0").replace(/0+$/, "")}${unit}`;
    }
  }
  return `${sign}${abs}ns`;
}

/** Shortest decimal that still reads back as a float (so `1.0` does not become the int `1`). */
function floatLiteral(v: number): string {
  return Number.isInteger(v) ? v.toFixed(1) : String(v);
}

/** A literal as TraceQL text. */
export function formatStatic(v: Static): string {
  switch (v.type) {
    case "string": return traceqlString(v.value);
    case "int": return v.value.toString();
    case "float": return floatLiteral(v.value);
    case "bool": return String(v.value);
    case "duration": return durationLiteral(v.ns);
    case "status":
    case "kind": return v.value;
    case "nil": return "nil";
  }
}

/** The picker's view of a literal from a parsed query. */
export function rowValueOf(v: Static): RowValue {
  switch (v.type) {
    case "string": return { type: "string", text: v.value };
    case "int": return { type: "int", text: v.value.toString() };
    case "float": return { type: "float", text: floatLiteral(v.value) };
    case "bool": return { type: "bool", text: String(v.value) };
    case "duration": return { type: "duration", text: durationLiteral(v.ns) };
    case "status":
    case "kind": return { type: v.type, text: v.value };
    case "nil": return { type: "nil", text: "nil" };
  }
}

const DURATION = /^-?\d+(\.\d+)?(ns|us|µs|ms|s|m|h)$/;

/**
 * The row's value as TraceQL text, or a reason it cannot be one yet. An empty string is
 * incomplete rather than `""`: a fresh row stays out of the query until it has a value.
 */
export function rowLiteral(v: RowValue): { ok: true; literal: string } | { ok: false; problem: string } {
  const text = v.type === "string" ? v.text : v.text.trim();
  if (v.type === "nil") return { ok: true, literal: "nil" };
  if (text === "") return { ok: false, problem: "needs a value" };
  switch (v.type) {
    case "string": return { ok: true, literal: traceqlString(text) };
    case "int":
      if (/^-?\d+$/.test(text)) return { ok: true, literal: text };
      if (/^-?\d+\.\d+$/.test(text)) return { ok: true, literal: text };
      return { ok: false, problem: "expected a whole number, e.g. 500" };
    case "float":
      if (/^-?\d+$/.test(text)) return { ok: true, literal: `${text}.0` };
      if (/^-?\d+\.\d+$/.test(text)) return { ok: true, literal: text };
      return { ok: false, problem: "expected a number, e.g. 12.5" };
    case "bool":
      return text === "true" || text === "false" ? { ok: true, literal: text } : { ok: false, problem: "expected true or false" };
    case "duration":
      return DURATION.test(text) ? { ok: true, literal: text.replace("µs", "us") } : { ok: false, problem: "expected a duration, e.g. 250ms or 1.5s" };
    case "status":
      return (STATUS_VALUES as readonly string[]).includes(text) ? { ok: true, literal: text } : { ok: false, problem: "expected ok, error or unset" };
    case "kind":
      return (KIND_VALUES as readonly string[]).includes(text) ? { ok: true, literal: text } : { ok: false, problem: `expected one of ${KIND_VALUES.join(", ")}` };
  }
}
