import type { SyntaxNode } from "@lezer/common";
import type { ComparisonOp, Condition, Field, Intrinsic, Pos, StaticNode } from "./ast";
import { TraceQLError, notSupported } from "./errors";
import { negate, staticValue, unquote } from "./literals";
import { regexProblem } from "./regex";

const INTRINSICS: Record<string, Intrinsic> = {
  name: "name", "span:name": "name",
  status: "status", "span:status": "status",
  statusMessage: "statusMessage", "span:statusMessage": "statusMessage",
  kind: "kind", "span:kind": "kind",
  duration: "duration", "span:duration": "duration",
  "event:name": "event:name",
  rootName: "trace:rootName", "trace:rootName": "trace:rootName",
  rootServiceName: "trace:rootService", "trace:rootService": "trace:rootService",
  traceDuration: "trace:duration", "trace:duration": "trace:duration",
  "trace:id": "trace:id", "span:id": "span:id", "span:parentID": "span:parentID",
  "instrumentation:name": "instrumentation:name", "instrumentation:version": "instrumentation:version",
};

const COMPARISONS = new Set(["=", "!=", ">", ">=", "<", "<=", "=~", "!~"]);
const MIRRORED: Record<string, ComparisonOp> = { "=": "=", "!=": "!=", ">": "<", ">=": "<=", "<": ">", "<=": ">=" };
const PRECEDENCE: Record<string, number> = { "||": 1, "&&": 2 };
const COMPARISON_PRECEDENCE = 3;

type Expr = Field | StaticNode | Condition;
type Item =
  | { t: "operand"; expr: Expr }
  | ({ t: "op" | "prefix"; op: string } & Pos);

const children = (node: SyntaxNode) => {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (!c.type.isSkipped) out.push(c);
  return out;
};

export function parseField(node: SyntaxNode, src: string): Field {
  const text = src.slice(node.from, node.to);
  if (node.name === "IntrinsicField") {
    const name = INTRINSICS[text];
    if (!name) throw notSupported(`intrinsic ${text}`, node);
    return { kind: "intrinsic", name, from: node.from, to: node.to };
  }
  const parts = children(node);
  const ident = parts[parts.length - 1];
  const scopes = parts.slice(0, -1).map((p) => p.name);
  if (scopes.some((s) => s === "Parent" || s === "Link" || s === "Instrumentation")) {
    throw notSupported(`${src.slice(parts[0].from, parts[0].to)}. attributes`, node);
  }
  const raw = src.slice(ident.from, ident.to);
  if (raw.startsWith("$")) throw notSupported(`template variable ${raw} (interpolate it before compiling)`, ident);
  const key = raw.startsWith('"') ? unquote(raw) : raw;
  const scope = scopes[0] === "Span" ? "span" : scopes[0] === "Resource" ? "resource" : scopes[0] === "Event" ? "event" : "unscoped";
  return { kind: "attribute", scope, key, from: node.from, to: node.to };
}

/**
 * Flattens a FieldExpression back into its token sequence. The Lezer grammar gives the
 * prefix operators `!` and `-` the lowest precedence, so `!(a) && b` comes out as
 * `!((a) && b)` and `.x = -1 && .y = 2` as `.x = -(1 && ...)`. Re-parsing the flat
 * sequence with TraceQL's real precedence below fixes both.
 */
function flatten(node: SyntaxNode, src: string, out: Item[]): void {
  const parts = children(node);
  if (parts.length === 3) {
    flatten(parts[0], src, out);
    const op = src.slice(parts[1].from, parts[1].to);
    if (!COMPARISONS.has(op) && !(op in PRECEDENCE)) throw notSupported(`operator ${op} in a span filter`, parts[1]);
    out.push({ t: "op", op, from: parts[1].from, to: parts[1].to });
    flatten(parts[2], src, out);
    return;
  }
  if (parts.length !== 1) throw new TraceQLError("unexpected expression", node.from, node.to);
  const [only] = parts;
  if (only.name !== "FieldExpression") {
    out.push({ t: "operand", expr: only.name === "Static" ? { kind: "static", value: staticValue(only, src), from: only.from, to: only.to } : parseField(only, src) });
    return;
  }
  const lead = src[node.from];
  if (lead === "(") out.push({ t: "operand", expr: reparse(only, src) });
  else if (lead === "!" || lead === "-") {
    out.push({ t: "prefix", op: lead, from: node.from, to: node.from + 1 });
    flatten(only, src, out);
  } else throw new TraceQLError("unexpected expression", node.from, node.to);
}

function reparse(node: SyntaxNode, src: string): Expr {
  const items: Item[] = [];
  flatten(node, src, items);
  let i = 0;
  const span = (a: Pos, b: Pos): Pos => ({ from: a.from, to: b.to });

  function unary(): Expr {
    const item = items[i++];
    if (item.t === "operand") return item.expr;
    if (item.t === "op") throw new TraceQLError(`unexpected ${item.op}`, item.from, item.to);
    if (item.op === "-") {
      const operand = unary();
      if (operand.kind !== "static") throw notSupported("unary minus on a field", span(item, operand));
      return { kind: "static", value: negate(operand.value, span(item, operand)), ...span(item, operand) };
    }
    // `!` binds looser than comparisons, so `!.x = 1` negates the comparison.
    const operand = binary(COMPARISON_PRECEDENCE);
    return { kind: "not", operand: asCondition(operand), ...span(item, operand) };
  }

  function binary(minPrec: number): Expr {
    let left = unary();
    for (;;) {
      const next = items[i];
      if (!next || next.t !== "op") return left;
      const prec = PRECEDENCE[next.op] ?? COMPARISON_PRECEDENCE;
      if (prec < minPrec) return left;
      i++;
      const right = binary(prec + 1);
      left = combine(next.op, left, right);
    }
  }

  const expr = binary(0);
  if (i !== items.length) {
    const rest = items[i] as Pos;
    throw new TraceQLError("unexpected expression", rest.from, rest.to);
  }
  return expr;
}

function combine(op: string, left: Expr, right: Expr): Expr {
  const at = { from: left.from, to: right.to };
  if (op === "&&" || op === "||") {
    return { kind: op === "&&" ? "and" : "or", left: asCondition(left), right: asCondition(right), ...at };
  }
  if (left.kind === "static" && isField(right)) {
    const mirrored = MIRRORED[op];
    if (!mirrored) throw new TraceQLError(`put the field on the left of ${op}`, at.from, at.to);
    return compare(mirrored, right, left, at);
  }
  if (!isField(left)) {
    throw left.kind === "static" ? notSupported("comparing two literals", at) : notSupported("comparing a condition", at);
  }
  if (right.kind !== "static") throw notSupported(isField(right) ? "comparing two fields" : "comparing a condition", at);
  return compare(op as ComparisonOp, left, right, at);
}

function compare(op: ComparisonOp, field: Field, value: StaticNode, at: Pos): Condition {
  if (op === "=~" || op === "!~") {
    if (value.value.type !== "string") throw new TraceQLError(`${op} needs a string pattern`, value.from, value.to);
    // Checked here rather than left to the engine, whose refusal would surface as a 500 mid-query.
    const problem = regexProblem(value.value.value);
    if (problem) throw new TraceQLError(`invalid regex: ${problem}`, value.from, value.to);
  }
  return { kind: "compare", op, field, value, ...at };
}

const isField = (e: Expr): e is Field => e.kind === "intrinsic" || e.kind === "attribute";

function asCondition(e: Expr): Condition {
  if (e.kind === "static") {
    if (e.value.type === "bool") return { kind: "literal", value: e.value.value, from: e.from, to: e.to };
    throw new TraceQLError("expected a condition, found a literal", e.from, e.to);
  }
  if (isField(e)) throw notSupported("a bare field as a condition (compare it, e.g. span.flag = true)", e);
  return e;
}

/** The body of `{ ... }`. */
export function parseCondition(node: SyntaxNode, src: string): Condition {
  return asCondition(reparse(node, src));
}

/** The argument of avg()/min()/max()/sum(): a single field. */
export function parseFieldArgument(node: SyntaxNode, src: string): Field {
  const e = reparse(node, src);
  if (!isField(e)) throw new TraceQLError("expected a field such as duration or span.x", node.from, node.to);
  return e;
}
