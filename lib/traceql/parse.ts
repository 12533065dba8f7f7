import { parser } from "@grafana/lezer-traceql";
import type { SyntaxNode, Tree } from "@lezer/common";
import type {
  AggregateFn, PipelineStage, ScalarComparisonOp, ScalarExpr, ScalarFilter, Spanset, SpansetFilter, SpansetOp, TraceQLAst,
} from "./ast";
import { checkDepth } from "./depth";
import { TraceQLError, notSupported } from "./errors";
import { negate, staticValue } from "./literals";
import { parseCondition, parseFieldArgument } from "./parse-field";

const SPANSET_OPS: Record<string, SpansetOp> = {
  And: "and", Or: "or", Gt: "child", Desc: "descendant", Lt: "parent", Anc: "ancestor",
};

const UNSUPPORTED_STAGES: Record<string, string> = {
  GroupOperation: "by()",
  SelectOperation: "select()",
  CoalesceOperation: "coalesce()",
};

export const children = (node: SyntaxNode) => {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (!c.type.isSkipped) out.push(c);
  return out;
};

/** The first error node's complaint; `skip` names subtrees whose text is read another way. */
export function firstSyntaxError(tree: Tree, src: string, skip: ReadonlySet<string> = new Set()): TraceQLError | null {
  let found: TraceQLError | null = null;
  tree.iterate({
    enter(n) {
      if (found || skip.has(n.name)) return false;
      if (!n.type.isError) return undefined;
      const text = src.slice(n.from, n.to).trim();
      const next = /^\s*(\S{1,20})/.exec(src.slice(n.to))?.[1];
      const message = text
        ? `syntax error: unexpected "${text.slice(0, 40)}"`
        : next ? `syntax error near "${next}"` : "syntax error: unexpected end of query";
      found = new TraceQLError(message, n.from, n.to);
      return false;
    },
  });
  return found;
}

export function parseTraceQL(query: string): TraceQLAst {
  if (!query.trim()) throw new TraceQLError("empty query", 0, query.length);
  const tree = parser.parse(query);
  const top = children(tree.topNode);
  // Before syntax errors: the grammar knows no hint names, so `with(sample=0.1)` is one.
  const hint = top.find((n) => n.name === "WithHint");
  if (hint) throw notSupported(`with() query hints (${query.slice(hint.from, hint.to).replace(/\s+/g, " ")})`, hint);
  const error = firstSyntaxError(tree, query);
  if (error) throw error;
  checkDepth(tree);
  return new Walker(query).spanset(top[0]);
}

class Walker {
  constructor(private readonly src: string) {}

  private text(n: SyntaxNode) {
    return this.src.slice(n.from, n.to);
  }

  spanset(node: SyntaxNode): Spanset {
    const parts = children(node);
    switch (node.name) {
      case "SpansetPipelineExpression":
      case "SpansetExpression":
        if (parts.length === 1) return this.spanset(parts[0]);
        return this.binary(node, parts);
      case "WrappedSpansetPipeline":
        return this.spanset(parts[0]);
      case "SpansetPipeline":
        return this.pipelineItem(parts[0]);
      case "SpansetFilter":
        return this.filter(node);
      default:
        throw new TraceQLError(`unexpected ${this.text(node)}`, node.from, node.to);
    }
  }

  private binary(node: SyntaxNode, parts: SyntaxNode[]): Spanset {
    const at = { from: node.from, to: node.to };
    const left = parts[0];
    const right = parts[parts.length - 1];
    // `~` is an anonymous token in the grammar, so a sibling expression has no operator node.
    if (parts.length === 2) {
      const between = this.src.slice(left.to, right.from).replace(/\/\*[\s\S]*?\*\//g, "").trim();
      if (between !== "~") throw new TraceQLError(`unexpected "${between}"`, left.to, right.from);
      return { kind: "spansetOp", op: "sibling", left: this.spanset(left), right: this.spanset(right), ...at };
    }
    const opNode = parts[1];
    if (opNode.name === "Pipe") return this.pipe(node, left, right);
    const op = SPANSET_OPS[opNode.name];
    if (!op) throw notSupported(`the ${this.text(opNode)} operator`, opNode);
    return { kind: "spansetOp", op, left: this.spanset(left), right: this.spanset(right), ...at };
  }

  private pipe(node: SyntaxNode, left: SyntaxNode, right: SyntaxNode): Spanset {
    const source = this.spanset(left);
    const stage = this.stage(right);
    if (source.kind === "pipeline" && this.src[left.from] !== "(") {
      return { ...source, stages: [...source.stages, stage], to: node.to };
    }
    return { kind: "pipeline", source, stages: [stage], from: node.from, to: node.to };
  }

  /** The right-hand side of `|`: an aggregate filter or a plain `{ ... }`. */
  private stage(node: SyntaxNode): PipelineStage {
    let n = node;
    while (n.name === "SpansetPipelineExpression" || n.name === "SpansetPipeline" || n.name === "SpansetExpression") {
      const parts = children(n);
      if (parts.length !== 1) {
        const hasScalar = parts.some((p) => this.text(p).match(/^(count|avg|min|max|sum)\s*\(/));
        throw hasScalar
          ? new TraceQLError("wrap the pipeline in parentheses to combine it: ({ ... } | count() > 1) && { ... }", n.from, n.to)
          : notSupported("spanset operators inside a pipeline stage", n);
      }
      n = parts[0];
    }
    if (n.name === "ScalarFilter") return this.scalarFilter(n);
    if (n.name === "SpansetFilter") return this.filter(n);
    this.pipelineItem(n); // throws for by(), select(), metrics...
    throw notSupported("a parenthesised pipeline as a pipeline stage", n);
  }

  /** A SpansetPipeline's only child when it is not inside a pipe. */
  private pipelineItem(n: SyntaxNode): Spanset {
    if (n.name === "SpansetExpression" || n.name === "SpansetFilter") return this.spanset(n);
    // Tempo reads a query that starts with an aggregate (`avg(.x) > 1`) as following `{ }`.
    if (n.name === "ScalarFilter") {
      const every: SpansetFilter = { kind: "filter", condition: null, from: n.from, to: n.from };
      return { kind: "pipeline", source: every, stages: [this.scalarFilter(n)], from: n.from, to: n.to };
    }
    if (n.name in UNSUPPORTED_STAGES) throw notSupported(UNSUPPORTED_STAGES[n.name], n);
    if (n.name === "MetricsOperation") {
      const fn = /^[a-z_]+/.exec(this.text(n))?.[0] ?? "metrics";
      throw notSupported(`metrics function ${fn}()`, n);
    }
    throw notSupported(this.text(n), n);
  }

  private filter(node: SyntaxNode): SpansetFilter {
    const body = children(node).find((c) => c.name === "FieldExpression");
    return { kind: "filter", condition: body ? parseCondition(body, this.src) : null, from: node.from, to: node.to };
  }

  private scalarFilter(node: SyntaxNode): ScalarFilter {
    const [l, op, r] = children(node);
    const opText = this.text(op);
    if (opText === "=~" || opText === "!~") throw new TraceQLError(`${opText} cannot compare aggregates`, op.from, op.to);
    const left = this.scalar(l);
    const right = this.scalar(r);
    // As inside `{ }`: a stage that compares two literals asks nothing of the spans.
    if (left.kind === "static" && right.kind === "static") throw notSupported("comparing two literals", node);
    return { kind: "scalarFilter", op: opText as ScalarComparisonOp, left, right, from: node.from, to: node.to };
  }

  private scalar(node: SyntaxNode): ScalarExpr {
    const parts = children(node);
    const at = { from: node.from, to: node.to };
    if (parts.length === 3) throw notSupported(`arithmetic (${this.text(parts[1])}) on aggregates`, parts[1]);
    const [only] = parts;
    if (only.name === "ScalarExpression") {
      const inner = this.scalar(only);
      if (this.src[node.from] !== "-") return { ...inner, ...at };
      if (inner.kind !== "static") throw notSupported("negating an aggregate", at);
      return { kind: "static", value: negate(inner.value, at), ...at };
    }
    if (only.name === "Aggregate") {
      const [fnNode, arg] = children(only);
      if (!fnNode) return { kind: "aggregate", fn: "count", field: null, ...at };
      const fn = this.text(fnNode) as AggregateFn;
      return { kind: "aggregate", fn, field: parseFieldArgument(arg, this.src), ...at };
    }
    const value = staticValue(only, this.src);
    return { kind: "static", value: this.src[node.from] === "-" ? negate(value, at) : value, ...at };
  }
}
