import type { Condition, Spanset, SpansetOp } from "@/lib/traceql/ast";
import { parseTraceQL } from "@/lib/traceql/parse";
import { checkSemantics } from "@/lib/traceql/semantics";
import { simplify } from "@/lib/traceql/simplify";
import { NotSupportedError } from "../../not-supported";
import type { Params } from "../context";
import { conditionSql, type ConditionContext } from "./condition";
import { ChParams } from "./params";

/**
 * TraceQL -> ClickHouse SQL over the span table, from the engine-neutral AST. The subset:
 * one `{ cond }` (&&, ||, !, every comparison on span/resource/unscoped attributes and on
 * the intrinsics but event attributes), and `&&` / `||` between such spansets. Structural
 * operators, pipelines and aggregates throw NotSupportedError (HTTP 501).
 */

/** Spansets joined by `&&` / `||`: leaves index the span conditions. */
type Tree = { leaf: number } | { op: "and" | "or"; left: Tree; right: Tree };

const STRUCTURAL: Record<Exclude<SpansetOp, "and" | "or">, string> = {
  child: ">", descendant: ">>", parent: "<", ancestor: "<<", sibling: "~",
};

function plan(node: Spanset, leaves: (Condition | null)[]): Tree {
  if (node.kind === "filter") {
    leaves.push(node.condition);
    return { leaf: leaves.length - 1 };
  }
  if (node.kind === "pipeline") {
    const aggregate = node.stages.some((s) => s.kind === "scalarFilter");
    throw new NotSupportedError(aggregate ? "TraceQL aggregates (| count() > …)" : "A TraceQL pipeline (| …)");
  }
  if (node.op !== "and" && node.op !== "or") {
    throw new NotSupportedError(`The TraceQL structural operator ${STRUCTURAL[node.op]}`);
  }
  return { op: node.op, left: plan(node.left, leaves), right: plan(node.right, leaves) };
}

export interface CompiledChQuery {
  /** Span conditions, one per leaf spanset, over a span-table row. */
  leaves: string[];
  tree: Tree;
  params: Params;
}

/**
 * Parses, checks (the same type clashes every engine refuses) and compiles. `prefix`
 * renames the parameters so several queries can share one statement.
 */
export function compileChQuery(query: string, ctx: Omit<ConditionContext, "params">, prefix = "q"): CompiledChQuery {
  const ast = simplify(parseTraceQL(query));
  checkSemantics(ast);
  const conditions: (Condition | null)[] = [];
  const tree = plan(ast, conditions);
  const params = new ChParams(prefix);
  const cctx: ConditionContext = { ...ctx, params };
  const leaves = conditions.map((c) => (c ? conditionSql(c, cctx) : "1"));
  return { leaves, tree, params: params.values };
}

/** Whether the trace holds the tree's spanset (over per-trace flags `h<i>`). */
function nonEmpty(t: Tree): string {
  if ("leaf" in t) return `h${t.leaf}`;
  return `(${nonEmpty(t.left)} ${t.op === "and" ? "AND" : "OR"} ${nonEmpty(t.right)})`;
}

/**
 * Whether a span (flags `x.<n>`) is in the tree's result. As in Tempo (and DuckDB),
 * `{A} && {B}` keeps both sides' spans of traces holding both, `{A} || {B}` either's.
 */
function inResult(t: Tree, flag: (leaf: number) => string): string {
  if ("leaf" in t) return flag(t.leaf);
  const either = `(${inResult(t.left, flag)} OR ${inResult(t.right, flag)})`;
  return t.op === "or" ? either : `(${nonEmpty(t)} AND ${either})`;
}

/**
 * One row per matching trace: trace_id, matched_spans (distinct matching spans) and
 * matched (the first three by start, then id, as [span_id, name] pairs). `scope` is the
 * caller's WHERE on span rows (project and time). A span stored twice (before
 * ReplacingMergeTree merges it) gives identical tuples, which groupUniqArray keeps once.
 */
export function matchedTracesSql(q: CompiledChQuery, spans: string, scope: string): string {
  const flags = q.leaves.map((l, i) => `toUInt8(${l}) AS m${i}`);
  const inner = `SELECT TraceId, SpanId, toString(SpanName) AS name, Timestamp, ${flags.join(", ")}
    FROM ${spans} WHERE ${scope} AND (${q.leaves.map((_, i) => `m${i}`).join(" OR ")})`;
  const has = q.leaves.map((_, i) => `max(m${i}) AS h${i}`);
  const keep = inResult(q.tree, (i) => `x.${4 + i}`);
  const tuple = `(SpanId, name, Timestamp, ${q.leaves.map((_, i) => `m${i}`).join(", ")})`;
  return `SELECT TraceId AS trace_id, ${has.join(", ")},
      arrayFilter(x -> ${keep}, groupUniqArray(${tuple})) AS spans_in,
      length(spans_in) AS matched_spans,
      arrayMap(x -> (x.1, x.2), arraySlice(arraySort(x -> (x.3, x.1), spans_in), 1, 3)) AS matched
    FROM (${inner}) GROUP BY TraceId HAVING matched_spans > 0`;
}

/** The matching spans as (trace_id, span_id) rows, for span-level filters (metrics). */
export function matchedSpansSql(q: CompiledChQuery, spans: string, scope: string): string {
  return `SELECT trace_id, s.1 AS span_id FROM (${matchedTracesSql(q, spans, scope)}) ARRAY JOIN spans_in AS s`;
}
