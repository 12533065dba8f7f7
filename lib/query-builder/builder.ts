import type { ComparisonOp, Condition, Spanset } from "@/lib/traceql/ast";
import { parseTraceQL } from "@/lib/traceql/parse";
import { TraceQLError } from "@/lib/traceql/errors";
import { fieldText, parseFieldText, type FieldRef, type ValueType } from "./fields";
import { rowLiteral, rowValueOf, type RowValue } from "./literals";

/** Comparison operators plus the two presence tests (`!= nil`, `= nil`) shown as words. */
export type BuilderOp = ComparisonOp | "exists" | "missing";

export interface BuilderRow {
  /** The key box's text (`span.customer.tier`, `duration`); the row is left out until it parses. */
  field: string;
  op: BuilderOp;
  value: RowValue;
}

export interface BuilderState {
  join: "and" | "or";
  rows: BuilderRow[];
}

export type FromQuery =
  | { ok: true; state: BuilderState }
  /** The text does not parse: the builder waits for the editor's fix. */
  | { ok: false; kind: "error"; message: string; from: number; to: number }
  /** It parses but needs more than a flat list: `uses` names what, for "edit it as text". */
  | { ok: false; kind: "unsupported"; uses: string[] };

const STRUCTURAL = "structural operators (>, >>, <, <<, ~)";

function spansetUses(s: Spanset, out: Set<string>): void {
  if (s.kind === "pipeline") {
    out.add("pipelines (| count() …)");
    spansetUses(s.source, out);
  } else if (s.kind === "spansetOp") {
    out.add(s.op === "and" || s.op === "or" ? "several spansets joined by && or ||" : STRUCTURAL);
    spansetUses(s.left, out);
    spansetUses(s.right, out);
  }
}

/** The leaves of a chain of one join (`a && b && c`), or what stops it being one. */
function flatten(c: Condition, join: "and" | "or", rows: BuilderRow[], uses: Set<string>): void {
  if (c.kind === join) {
    flatten(c.left, join, rows, uses);
    flatten(c.right, join, rows, uses);
  } else if (c.kind === "and" || c.kind === "or") uses.add("a mix of && and || (grouping)");
  else if (c.kind === "not") uses.add("negation (!)");
  else if (c.kind === "literal") uses.add("true/false in place of a condition");
  else if (c.kind === "compare") rows.push(rowOf(c.op, c.field, c.value.value));
}

function rowOf(op: ComparisonOp, field: FieldRef, value: Parameters<typeof rowValueOf>[0]): BuilderRow {
  const ref: FieldRef = field.kind === "intrinsic" ? { kind: "intrinsic", name: field.name } : { kind: "attribute", scope: field.scope, key: field.key };
  if (value.type === "nil" && (op === "=" || op === "!=")) {
    return { field: fieldText(ref), op: op === "=" ? "missing" : "exists", value: { type: "nil", text: "" } };
  }
  return { field: fieldText(ref), op, value: rowValueOf(value) };
}

/** Builder rows for a query the builder can show, else why it cannot. */
export function queryToBuilder(query: string): FromQuery {
  if (!query.trim()) return { ok: true, state: { join: "and", rows: [] } };
  let ast: Spanset;
  try {
    ast = parseTraceQL(query);
  } catch (err) {
    if (err instanceof TraceQLError) return { ok: false, kind: "error", message: err.message, from: err.from, to: err.to };
    throw err;
  }
  const uses = new Set<string>();
  spansetUses(ast, uses);
  if (ast.kind !== "filter" || uses.size > 0) return { ok: false, kind: "unsupported", uses: [...uses] };
  const c = ast.condition;
  if (!c) return { ok: true, state: { join: "and", rows: [] } };
  const join = c.kind === "or" ? "or" : "and";
  const rows: BuilderRow[] = [];
  flatten(c, join, rows, uses);
  return uses.size > 0 ? { ok: false, kind: "unsupported", uses: [...uses] } : { ok: true, state: { join, rows } };
}

/** One row as TraceQL, or null while it is incomplete (no key yet, no value yet). */
export function rowCondition(row: BuilderRow): string | null {
  const field = parseFieldText(row.field);
  if (!field) return null;
  if (row.op === "exists") return `${fieldText(field)} != nil`;
  if (row.op === "missing") return `${fieldText(field)} = nil`;
  const value = rowLiteral(row.value);
  return value.ok ? `${fieldText(field)} ${row.op} ${value.literal}` : null;
}

/** The query the rows say; incomplete rows are left out until they are complete. */
export function builderToQuery(state: BuilderState): string {
  const parts = state.rows.map(rowCondition).filter((p): p is string => p !== null);
  return parts.length === 0 ? "{}" : `{ ${parts.join(state.join === "and" ? " && " : " || ")} }`;
}

const ORDERED: BuilderOp[] = ["=", "!=", "=~", "!~", ">", ">=", "<", "<=", "exists", "missing"];

/** The operators that make sense for a value type (regexes for strings, ranges for numbers). */
export function operatorsFor(type: ValueType): BuilderOp[] {
  if (type === "string") return ORDERED;
  if (type === "int" || type === "float" || type === "duration") return ORDERED.filter((o) => o !== "=~" && o !== "!~");
  return ["=", "!=", "exists", "missing"];
}

export const OP_LABELS: Record<BuilderOp, string> = {
  "=": "=", "!=": "!=", "=~": "=~ regex", "!~": "!~ regex", ">": ">", ">=": ">=", "<": "<", "<=": "<=", exists: "exists", missing: "does not exist",
};
