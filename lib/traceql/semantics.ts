import type { ComparisonOp, Condition, Field, Intrinsic, ScalarExpr, Spanset, StaticNode } from "./ast";
import { TraceQLError, notSupported } from "./errors";

/** Intrinsics compared as strings. */
export const STRING_INTRINSICS: ReadonlySet<Intrinsic> = new Set<Intrinsic>([
  "name", "statusMessage", "trace:rootName", "trace:rootService", "trace:id", "span:id", "span:parentID",
  "instrumentation:name", "instrumentation:version",
]);

export function mismatch(field: Field, value: StaticNode, op: ComparisonOp): TraceQLError {
  const name = field.kind === "intrinsic" ? field.name : `${field.scope === "unscoped" ? "" : field.scope}.${field.key}`;
  return new TraceQLError(`cannot compare ${name} ${op} a ${value.value.type} value`, field.from, value.to);
}

const isRegex = (op: ComparisonOp) => op === "=~" || op === "!~";
const isNumber = (type: string) => type === "int" || type === "duration" || type === "float";

/** Which comparisons a field's type allows: the type clashes every engine must refuse alike. */
function checkCompare(op: ComparisonOp, field: Field, node: StaticNode): void {
  const type = node.value.type;
  const equality = op === "=" || op === "!=";
  let ok: boolean;
  if (type === "nil") ok = equality;
  else if (field.kind === "attribute") {
    ok = type === "string" || (isNumber(type) && !isRegex(op)) || (type === "bool" && equality);
  } else if (STRING_INTRINSICS.has(field.name)) ok = type === "string";
  else {
    switch (field.name) {
      case "status":
      case "kind": ok = type === field.name && equality; break;
      case "duration":
      case "trace:duration": ok = isNumber(type) && !isRegex(op); break;
      case "event:name": ok = type === "string"; break;
      default: ok = false;
    }
  }
  if (!ok) throw mismatch(field, node, op);
}

/** What an aggregate may read: duration or a numeric span/resource attribute. */
export function checkAggregateField(field: Field, fn: string): void {
  if (field.kind === "intrinsic") {
    if (field.name === "duration") return;
    throw notSupported(`${fn}(${field.name}); aggregates take duration or a numeric attribute`, field);
  }
  if (field.scope === "event") throw notSupported(`${fn}() of an event attribute`, field);
}

function checkScalar(e: ScalarExpr): void {
  if (e.kind === "static") {
    if (!isNumber(e.value.type)) throw new TraceQLError("aggregates compare with numbers or durations", e.from, e.to);
    return;
  }
  if (e.fn === "count") return;
  if (!e.field) throw new TraceQLError(`${e.fn}() needs a field`, e.from, e.to);
  checkAggregateField(e.field, e.fn);
}

function checkAggregateFields(node: Spanset): void {
  if (node.kind === "spansetOp") {
    checkAggregateFields(node.left);
    checkAggregateFields(node.right);
  } else if (node.kind === "pipeline") {
    checkAggregateFields(node.source);
    for (const stage of node.stages) {
      if (stage.kind !== "scalarFilter") continue;
      for (const side of [stage.left, stage.right]) if (side.kind === "aggregate" && side.field) checkAggregateField(side.field, side.fn);
    }
  }
}

function checkCondition(c: Condition | null): void {
  if (!c || c.kind === "literal") return;
  if (c.kind === "compare") return checkCompare(c.op, c.field, c.value);
  if (c.kind === "not") return checkCondition(c.operand);
  checkCondition(c.left);
  checkCondition(c.right);
}

function checkSpanset(node: Spanset): void {
  if (node.kind === "filter") return checkCondition(node.condition);
  if (node.kind === "spansetOp") {
    checkSpanset(node.left);
    checkSpanset(node.right);
    return;
  }
  checkSpanset(node.source);
  for (const stage of node.stages) {
    if (stage.kind === "filter") checkCondition(stage.condition);
    else {
      checkScalar(stage.left);
      checkScalar(stage.right);
    }
  }
}

/**
 * Throws the first type clash or unsupported aggregate of a (simplified) query, in the
 * order a compiler meets them: aggregated fields first (every leaf projects them), then
 * conditions and aggregate comparisons from left to right. Engines compile only queries
 * that pass, so every engine refuses the same queries with the same message.
 */
export function checkSemantics(ast: Spanset): void {
  checkAggregateFields(ast);
  checkSpanset(ast);
}
