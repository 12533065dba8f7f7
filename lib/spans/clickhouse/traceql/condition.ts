import type { ComparisonOp, Condition, Field, Intrinsic, StaticNode } from "@/lib/traceql/ast";
import { KIND_CODES, STATUS_CODES } from "@/lib/traceql/codes";
import { mismatch } from "@/lib/traceql/semantics";
import { KIND_TEXT, STATUS_TEXT } from "../names";
import { compareAttribute, compareEventAttribute, stringCompare, type AttrMaps } from "./attribute";
import type { ChParams } from "./params";

/** What a condition's SQL needs: the parameters, the maps' typing, and the trace summaries. */
export interface ConditionContext {
  params: ChParams;
  maps: AttrMaps;
  /** A subquery of one row per trace (trace_id, start_ns, end_ns, root_name, root_service). */
  traces: () => string;
}

/** Span-row columns of the string intrinsics; `optional` ones are '' when absent (DuckDB's NULL). */
const STRING_INTRINSICS: Partial<Record<Intrinsic, { sql: string; optional?: boolean; lower?: boolean }>> = {
  name: { sql: "toString(SpanName)" },
  statusMessage: { sql: "StatusMessage" },
  "trace:id": { sql: "TraceId", lower: true },
  "span:id": { sql: "SpanId", lower: true },
  "span:parentID": { sql: "ParentSpanId", optional: true, lower: true },
  "instrumentation:name": { sql: "ScopeName", optional: true },
  "instrumentation:version": { sql: "ScopeVersion", optional: true },
};

/** The OTLP number of a kind or status column, for either naming the collector used. */
function codeOf(column: string, names: readonly string[], prefix: string): string {
  const arms = names.slice(1).map((n, i) =>
    `${column} IN ('${n}', '${prefix}${n.toUpperCase()}'), ${i + 1}`);
  return `multiIf(${arms.join(", ")}, 0)`;
}
export const STATUS_CODE_SQL = codeOf("StatusCode", STATUS_TEXT, "STATUS_CODE_");
export const KIND_CODE_SQL = codeOf("SpanKind", KIND_TEXT, "SPAN_KIND_");

/**
 * A condition on one span row as a ClickHouse boolean that is never NULL: TraceQL is
 * two-valued (a comparison on a missing attribute is false, its negation true).
 */
export function conditionSql(c: Condition, ctx: ConditionContext): string {
  switch (c.kind) {
    case "literal": return c.value ? "1" : "0";
    case "and": return `(${conditionSql(c.left, ctx)} AND ${conditionSql(c.right, ctx)})`;
    case "or": return `(${conditionSql(c.left, ctx)} OR ${conditionSql(c.right, ctx)})`;
    case "not": return `(NOT ${conditionSql(c.operand, ctx)})`;
    case "compare": return compare(c.op, c.field, c.value, ctx);
  }
}

function numberRef(node: StaticNode, ctx: ConditionContext): string | null {
  const v = node.value;
  if (v.type === "int") return ctx.params.ref(v.value, "Int64");
  if (v.type === "duration") return ctx.params.ref(v.ns, "Int64");
  if (v.type === "float") return ctx.params.ref(v.value, "Float64");
  return null;
}

/** A condition on the trace's summary row, as membership of the span's trace. */
function onTrace(cond: string, ctx: ConditionContext): string {
  return `TraceId IN (SELECT trace_id FROM (${ctx.traces()}) WHERE ${cond})`;
}

function compare(op: ComparisonOp, field: Field, node: StaticNode, ctx: ConditionContext): string {
  const v = node.value;
  if (field.kind === "attribute") {
    if (field.scope === "event") return compareEventAttribute(ctx.maps, field.key, op, v, ctx.params);
    return compareAttribute(ctx.maps, field.scope, field.key, op, v, ctx.params);
  }
  const name = field.name;
  if (v.type === "nil") {
    if (op !== "=" && op !== "!=") throw mismatch(field, node, op);
    const str = STRING_INTRINSICS[name];
    let present = "1";
    if (name === "event:name") present = "notEmpty(`Events.Name`)";
    else if (name === "statusMessage" || str?.optional) present = `${str!.sql} != ''`;
    return op === "!=" ? present : `NOT (${present})`;
  }
  const str = STRING_INTRINSICS[name];
  if (str) {
    if (v.type !== "string") throw mismatch(field, node, op);
    const regex = op === "=~" || op === "!~";
    const value = str.lower && !regex ? v.value.toLowerCase() : v.value;
    const cmp = stringCompare(str.sql, op, ctx.params.ref(value, "String"));
    return str.optional ? `(${str.sql} != '' AND ${cmp})` : cmp;
  }
  switch (name) {
    case "status":
    case "kind": {
      const code = name === "status"
        ? v.type === "status" ? STATUS_CODES[v.value] : undefined
        : v.type === "kind" ? KIND_CODES[v.value] : undefined;
      if (code === undefined || (op !== "=" && op !== "!=")) throw mismatch(field, node, op);
      return `${name === "status" ? STATUS_CODE_SQL : KIND_CODE_SQL} ${op} ${ctx.params.ref(code, "UInt8")}`;
    }
    case "duration":
    case "trace:duration": {
      const p = numberRef(node, ctx);
      if (!p || op === "=~" || op === "!~") throw mismatch(field, node, op);
      if (name === "duration") return `toInt64(Duration) ${op} ${p}`;
      return onTrace(`(end_ns - start_ns) ${op} ${p}`, ctx);
    }
    case "trace:rootName":
    case "trace:rootService": {
      if (v.type !== "string") throw mismatch(field, node, op);
      const column = name === "trace:rootName" ? "root_name" : "root_service";
      return onTrace(stringCompare(column, op, ctx.params.ref(v.value, "String")), ctx);
    }
    case "event:name": {
      if (v.type !== "string") throw mismatch(field, node, op);
      const p = ctx.params.ref(v.value, "String");
      if (op === "=") return `has(\`Events.Name\`, ${p})`;
      return `arrayExists(en -> ${stringCompare("toString(en)", op, p)}, \`Events.Name\`)`;
    }
    default:
      throw mismatch(field, node, op);
  }
}
