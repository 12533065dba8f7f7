import type { ComparisonOp, Condition, Field, Intrinsic, Static, StaticNode } from "@/lib/traceql/ast";
import { KIND_CODES, STATUS_CODES } from "@/lib/traceql/codes";
import { compareAttribute, compareEventAttribute, stringOp } from "./compile-attribute";
import { mismatch } from "@/lib/traceql/semantics";
import type { ParamBag } from "./params";

/** What a condition's SQL needs from its surroundings: spans are `s`, the trace row `t`. */
export interface ConditionContext {
  params: ParamBag;
  /** Set when the condition reads trace:* intrinsics, so the caller joins `traces t`. */
  usesTraces: boolean;
  /** Index lookups attribute comparisons may still make (see compareAttribute); null for none. */
  index: { left: number } | null;
  /**
   * Index subqueries every matching span appears in (comparisons ANDed at the top): a
   * matching span's trace holds one of their rows, so callers may narrow traces by them.
   */
  required: string[];
}

/**
 * Where a comparison sits: ANDed at the top, inside an `||`, or under a `!`. The index
 * is not used under `!`, where the maps' reading is kept as it is.
 */
type Position = "top" | "inner" | "negated";


/** String-valued intrinsics; `nullable` names the column a `= nil` test reads. */
const STRING_INTRINSICS: Partial<Record<Intrinsic, { sql: string; nullable?: string; trace?: boolean }>> = {
  name: { sql: "s.name" },
  // Stored NULL when empty; Tempo treats a missing message as "".
  statusMessage: { sql: "coalesce(s.status_message, '')", nullable: "s.status_message" },
  "trace:rootName": { sql: "t.root_name", trace: true },
  "trace:rootService": { sql: "t.root_service", trace: true },
  "trace:id": { sql: "s.trace_id" },
  "span:id": { sql: "s.span_id" },
  "span:parentID": { sql: "s.parent_span_id", nullable: "s.parent_span_id" },
  "instrumentation:name": { sql: "s.scope_name", nullable: "s.scope_name" },
  "instrumentation:version": { sql: "s.scope_version", nullable: "s.scope_version" },
};
const LOWERCASE_IDS = new Set<Intrinsic>(["trace:id", "span:id", "span:parentID"]);

export function conditionSql(c: Condition, ctx: ConditionContext, at: Position = "top"): string {
  const inner = at === "negated" ? at : "inner";
  switch (c.kind) {
    case "literal": return c.value ? "TRUE" : "FALSE";
    case "and": return `(${conditionSql(c.left, ctx, at)} AND ${conditionSql(c.right, ctx, at)})`;
    case "or": return `(${conditionSql(c.left, ctx, inner)} OR ${conditionSql(c.right, ctx, inner)})`;
    // TraceQL is two-valued: a comparison on a missing attribute is false, so its negation
    // is true. SQL would make both NULL, hence the coalesce.
    case "not": return `(NOT coalesce(${conditionSql(c.operand, ctx, "negated")}, FALSE))`;
    case "compare": return compare(c.op, c.field, c.value, ctx, at);
  }
}

/** A numeric literal as a parameter of the matching SQL type; durations are nanoseconds. */
export function numberParam(v: Static, params: ParamBag): string | null {
  if (v.type === "int") return params.ref(v.value, "BIGINT");
  if (v.type === "duration") return params.ref(v.ns, "BIGINT");
  if (v.type === "float") return params.ref(v.value, "DOUBLE");
  return null;
}

function compare(op: ComparisonOp, field: Field, node: StaticNode, ctx: ConditionContext, at: Position): string {
  if (field.kind === "attribute") {
    if (field.scope === "event") return compareEventAttribute(field.key, op, node, ctx.params, () => mismatch(field, node, op));
    const budget = at === "negated" ? null : ctx.index;
    const sparse = budget && ((subquery: string) => {
      if (budget.left <= 0) return false;
      budget.left--;
      if (at === "top") ctx.required.push(subquery);
      return true;
    });
    return compareAttribute(field.scope, field.key, op, node, ctx.params, () => mismatch(field, node, op), sparse);
  }
  const v = node.value;
  const name = field.name;
  if (v.type === "nil") {
    if (op !== "=" && op !== "!=") throw mismatch(field, node, op);
    if (name === "event:name") return op === "!=" ? "coalesce(len(s.event_names) > 0, FALSE)" : "coalesce(len(s.event_names) = 0, TRUE)";
    const column = STRING_INTRINSICS[name]?.nullable;
    // Every other intrinsic is always present.
    if (!column) return op === "!=" ? "TRUE" : "FALSE";
    return `${column} IS ${op === "!=" ? "NOT " : ""}NULL`;
  }
  const str = STRING_INTRINSICS[name];
  if (str) {
    if (v.type !== "string") throw mismatch(field, node, op);
    if (str.trace) ctx.usesTraces = true;
    // Ids are stored as lowercase hex.
    const value = LOWERCASE_IDS.has(name) && op !== "=~" && op !== "!~" ? v.value.toLowerCase() : v.value;
    return stringOp(str.sql, op, ctx.params.ref(value, "VARCHAR"));
  }
  switch (name) {
    case "status":
    case "kind": {
      const code = name === "status"
        ? v.type === "status" ? STATUS_CODES[v.value] : undefined
        : v.type === "kind" ? KIND_CODES[v.value] : undefined;
      if (code === undefined || (op !== "=" && op !== "!=")) throw mismatch(field, node, op);
      return `s.${name === "status" ? "status_code" : "kind"} ${op} ${ctx.params.ref(code, "UTINYINT")}`;
    }
    case "duration":
    case "trace:duration": {
      const p = numberParam(v, ctx.params);
      if (!p || op === "=~" || op === "!~") throw mismatch(field, node, op);
      if (name === "trace:duration") ctx.usesTraces = true;
      return `${name === "duration" ? "s.duration_ns" : "(t.end_ns - t.start_ns)"} ${op} ${p}`;
    }
    case "event:name": {
      if (v.type !== "string") throw mismatch(field, node, op);
      const p = ctx.params.ref(v.value, "VARCHAR");
      if (op === "=") return `coalesce(list_contains(s.event_names, ${p}), FALSE)`;
      return `coalesce(len(list_filter(s.event_names, lambda en: ${stringOp("en", op, p)})) > 0, FALSE)`;
    }
    default:
      throw mismatch(field, node, op);
  }
}
