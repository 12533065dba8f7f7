import { parser } from "@grafana/lezer-traceql";
import type { SyntaxNode, Tree } from "@lezer/common";
import type { Field, MetricsFn, MetricsQueryAst, Pos } from "./ast";
import { checkTraceQL } from "./check";
import { TraceQLError, notSupported } from "./errors";
import { children, firstSyntaxError } from "./parse";
import { parseField } from "./parse-field";
import { checkAggregateField } from "./semantics";

const FNS = new Set<string>([
  "rate", "count_over_time", "avg_over_time", "min_over_time", "max_over_time", "sum_over_time",
  "quantile_over_time", "histogram_over_time",
]);
const NEEDS_FIELD = new Set<string>(["avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "quantile_over_time", "histogram_over_time"]);
const FN_CALL = /\b(rate|count_over_time|[a-z]+_over_time|compare|topk|bottomk)\s*\(/;

/** The query with strings and comments blanked (same length), so text scans see only code. */
function mask(query: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, " ");
  return query.replace(/"(?:\\.|[^"\\])*"?|`[^`]*`?|\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n]*/g, blank);
}

/** Index just past the parenthesis that closes the one at `open`, or the query's end. */
function closeParen(masked: string, open: number): number {
  let depth = 0;
  for (let i = open; i < masked.length; i++) {
    if (masked[i] === "(") depth++;
    else if (masked[i] === ")" && --depth === 0) return i + 1;
  }
  return masked.length;
}

/**
 * Tempo accepts metrics queries the Lezer grammar 1.0.0 cannot parse. When the tree has a
 * syntax error, name the construct instead: a comparison after the function (`rate() > 10`)
 * or arithmetic between metrics queries (`(...) / (...)`). Null when it is none of them.
 */
function unparsedConstruct(query: string): TraceQLError | null {
  const masked = mask(query);
  const call = FN_CALL.exec(masked);
  if (!call) return null;
  let at = closeParen(masked, call.index + call[0].length - 1);
  for (;;) {
    const by = /^\s*by\s*\(/.exec(masked.slice(at));
    const top = /^\s*\|\s*(topk|bottomk)\s*\(/.exec(masked.slice(at));
    const next = by ?? top;
    if (!next) break;
    at = closeParen(masked, at + next[0].length - 1);
  }
  const rest = /^[\s)]*/.exec(masked.slice(at))![0];
  at += rest.length;
  const op = /^(>=|<=|!=|=~|!~|==|=|>|<)/.exec(masked.slice(at))?.[0];
  const end = { from: at, to: query.trimEnd().length };
  if (op) return notSupported(`comparing a metrics query with a value (${op} after ${call[1]}())`, end);
  const arith = /^[-+*/%^]/.exec(masked.slice(at))?.[0];
  if (arith) return notSupported(`arithmetic between metrics queries (${arith})`, end);
  return null;
}

/** `.95` is not a number to the grammar; quantile arguments are read from the text instead. */
const READ_AS_TEXT = new Set(["MetricsOperationQuantileArgs"]);

/** `a | b | c` -> [a, b, c]; anything else is one stage. */
function pipeStages(n: SyntaxNode): SyntaxNode[] {
  const parts = children(n);
  if (n.name === "SpansetPipelineExpression" && parts.length === 3 && parts[1].name === "Pipe") {
    return [...pipeStages(parts[0]), parts[2]];
  }
  if (n.name === "SpansetPipelineExpression" && parts.length === 1) return pipeStages(parts[0]);
  return [n];
}

function core(n: SyntaxNode): SyntaxNode {
  let c = n;
  while ((c.name === "SpansetPipelineExpression" || c.name === "SpansetPipeline") && children(c).length === 1) c = children(c)[0];
  return c;
}

function contains(tree: Tree, name: string): SyntaxNode | null {
  let hit: SyntaxNode | null = null;
  tree.iterate({
    enter(c) {
      if (hit) return false;
      if (c.name === name) hit = c.node;
      return hit ? false : undefined;
    },
  });
  return hit;
}

/** Whether the text asks for a metrics function at all (cheap, before any parsing). */
export function looksLikeMetrics(query: string): boolean {
  return FN_CALL.test(mask(query));
}

/**
 * A TraceQL metrics query (`{ status = error } | rate() by (resource.service.name)`), or null
 * when the query has no metrics function (a plain spanset query). Throws a TraceQLError with
 * the position of the first problem; constructs Tempo has and this does not are named as
 * "not supported: ..." rather than reported as syntax errors.
 */
export function parseMetricsTraceQL(query: string): MetricsQueryAst | null {
  if (!looksLikeMetrics(query)) return null;
  const tree = parser.parse(query);
  const top = children(tree.topNode);
  const hint = top.find((n) => n.name === "WithHint");
  if (hint) throw notSupported(`with() query hints (${query.slice(hint.from, hint.to).replace(/\s+/g, " ")})`, hint);
  const error = firstSyntaxError(tree, query, READ_AS_TEXT);
  if (error) throw unparsedConstruct(query) ?? error;
  if (!top.length) return null;
  const stages = pipeStages(top[0]);
  const at = stages.findIndex((s) => core(s).name === "MetricsOperation");
  if (at < 0) {
    const nested = contains(tree, "MetricsOperation");
    if (nested) throw notSupported("a metrics function inside parentheses or a spanset operator", nested);
    const agg = contains(tree, "MetricsAggregatorFunctions");
    if (agg) throw new TraceQLError(`${query.slice(agg.from, agg.to)} must follow a metrics function: { } | rate() by (name) | topk(5)`, agg.from, agg.to);
    return null;
  }
  const filter = at > 0 ? { text: query.slice(0, stages[at - 1].to), from: 0, to: stages[at - 1].to } : null;
  if (filter) {
    const problem = checkTraceQL(filter.text);
    if (problem) throw new TraceQLError(problem.message, problem.from, problem.to);
  }
  const ast = new MetricsWalker(query).operation(core(stages[at]), filter);
  for (const stage of stages.slice(at + 1)) {
    const c = core(stage);
    if (c.name !== "MetricsAggregatorFunctions") throw notSupported(`${query.slice(c.from, c.to)} after a metrics function`, c);
    if (ast.top) throw notSupported(`a second ${query.slice(c.from, c.to)}`, c);
    const [type, count] = children(c);
    const k = Number(query.slice(count.from, count.to));
    if (!Number.isSafeInteger(k) || k < 1) throw new TraceQLError(`${query.slice(type.from, type.to)}() needs a count of 1 or more`, count.from, count.to);
    ast.top = { dir: query.slice(type.from, type.to) as "topk" | "bottomk", k, from: c.from, to: c.to };
  }
  return { ...ast, to: stages[stages.length - 1].to };
}

class MetricsWalker {
  constructor(private readonly src: string) {}

  private text(n: SyntaxNode | Pos) {
    return this.src.slice(n.from, n.to);
  }

  operation(node: SyntaxNode, filter: MetricsQueryAst["filter"]): MetricsQueryAst {
    const [op] = children(node);
    const parts = children(op);
    const group = parts.find((p) => p.name === "GroupOperation");
    const fnName = /^[a-z_]+/.exec(this.text(op))?.[0] ?? "";
    const fnAt = { from: op.from, to: op.from + fnName.length };
    if (op.name === "MetricsOperationCompare") throw notSupported("compare() (the selection-versus-baseline metrics function)", op);
    if (!FNS.has(fnName)) throw notSupported(`metrics function ${fnName}()`, fnAt);
    const fn = fnName as MetricsFn;
    let field: Field | null = null;
    let quantiles: MetricsQueryAst["quantiles"] = [];
    if (op.name === "MetricsOperationQuantile") {
      const args = parts.find((p) => p.name === "MetricsOperationQuantileArgs")!;
      ({ field, quantiles } = this.quantileArgs(args));
    } else {
      const expr = parts.find((p) => p.name === "MetricsExpression");
      if (expr) field = parseField(children(expr)[0], this.src);
    }
    if (NEEDS_FIELD.has(fn)) {
      if (!field) throw new TraceQLError(`${fn}() needs a field such as duration or span.x`, op.from, op.to);
      checkAggregateField(field, fn);
    }
    const by = group ? children(group).map((g) => this.groupField(g)) : [];
    return { kind: "metrics", filter, fn, fnAt, field, quantiles, by, top: null, from: filter?.from ?? op.from, to: op.to };
  }

  /** `duration, .99, 0.5`: the grammar refuses `.99`, so the numbers are read from the text. */
  private quantileArgs(args: SyntaxNode) {
    const expr = children(args).find((c) => c.name === "MetricsExpression");
    if (!expr) throw new TraceQLError("quantile_over_time() needs a field, then quantiles: quantile_over_time(duration, .95)", args.from, args.to);
    const field = parseField(children(expr)[0], this.src);
    const quantiles: MetricsQueryAst["quantiles"] = [];
    let from = expr.to;
    for (const piece of this.src.slice(expr.to, args.to).split(",").slice(1)) {
      from += 1;
      const lead = piece.length - piece.trimStart().length;
      const at = { from: from + lead, to: from + piece.trimEnd().length };
      from += piece.length;
      const text = piece.trim();
      const value = /^(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : NaN;
      if (!(value >= 0 && value <= 1)) throw new TraceQLError(`a quantile is a number from 0 to 1 (.95), got "${text}"`, at.from, at.to);
      quantiles.push({ value, ...at });
    }
    if (!quantiles.length) throw new TraceQLError("quantile_over_time() needs at least one quantile: quantile_over_time(duration, .95)", args.from, args.to);
    return { field, quantiles };
  }

  private groupField(g: SyntaxNode): Field {
    const parts = children(g);
    if (parts.length !== 1 || (parts[0].name !== "AttributeField" && parts[0].name !== "IntrinsicField")) {
      throw new TraceQLError("by() takes fields: by (resource.service.name, span.x)", g.from, g.to);
    }
    return parseField(parts[0], this.src);
  }
}
