import type { Condition, Spanset } from "@/lib/traceql/ast";
import { parseTraceQL } from "@/lib/traceql/parse";
import { checkSemantics } from "@/lib/traceql/semantics";
import { simplify } from "@/lib/traceql/simplify";
import type { Params } from "../context";
import { conditionSql, type ConditionContext } from "./condition";
import { ChParams } from "./params";
import { planStructural, structuralTracesSql, type StructuralPlan } from "./spanset";

/**
 * TraceQL -> ClickHouse SQL over the span table, from the engine-neutral AST. Spansets
 * joined only by `&&` / `||` take one scan with a flag per spanset (only matching spans
 * are grouped); structural operators, pipelines and aggregates group each candidate
 * trace's spans into arrays and evaluate there (spanset.ts).
 */

/** Spansets joined by `&&` / `||`: leaves index the span conditions. */
type Tree = { leaf: number } | { op: "and" | "or"; left: Tree; right: Tree };

/** The and/or tree of a query made only of `{ … }` joined by `&&` / `||`, else null. */
function flatPlan(node: Spanset, leaves: (Condition | null)[]): Tree | null {
  if (node.kind === "filter") {
    leaves.push(node.condition);
    return { leaf: leaves.length - 1 };
  }
  if (node.kind === "pipeline" || (node.op !== "and" && node.op !== "or")) return null;
  const left = flatPlan(node.left, leaves);
  const right = left && flatPlan(node.right, leaves);
  return left && right ? { op: node.op, left, right } : null;
}

export interface CompiledChQuery {
  /** Span conditions, one per leaf spanset, over a span-table row. */
  leaves: string[];
  /**
   * The and/or tree over the leaves, or `{ structural }` for any other query (`"leaf" in
   * tree` still tells a single `{ … }`).
   */
  tree: Tree | { structural: StructuralPlan };
  /** The span condition when the query is a single `{ … }`: a plain WHERE answers it. */
  where: string | null;
  params: Params;
}

/**
 * Parses, checks (the same type clashes every engine refuses) and compiles. `prefix`
 * renames the parameters so several queries can share one statement.
 */
export function compileChQuery(query: string, ctx: Omit<ConditionContext, "params">, prefix = "q"): CompiledChQuery {
  const ast = simplify(parseTraceQL(query));
  checkSemantics(ast);
  const params = new ChParams(prefix);
  const cctx: ConditionContext = { ...ctx, params };
  let conditions: (Condition | null)[] = [];
  const tree = flatPlan(ast, conditions);
  const structural = tree ? null : planStructural(ast, ctx.maps, params);
  if (structural) conditions = structural.leaves;
  const leaves = conditions.map((c) => (c ? conditionSql(c, cctx) : "1"));
  const where = tree && "leaf" in tree ? leaves[0] : null;
  return { leaves, tree: tree ?? { structural: structural! }, where, params: params.values };
}

/**
 * Whether a span (flags `x.<n>`) is in the tree's result, and per-trace aliases `ne<k>`
 * (the subtree's spanset is not empty, over flags `h<i>`) it reads. As in Tempo (and
 * DuckDB), `{A} && {B}` keeps both sides' spans of traces holding both, `{A} || {B}`
 * either's. Each subtree's test is named once, so a long `&&` chain stays linear in size.
 */
function inResult(t: Tree, flag: (leaf: number) => string, names: string[]): { keep: string; nonEmpty: string } {
  if ("leaf" in t) return { keep: flag(t.leaf), nonEmpty: `h${t.leaf}` };
  const l = inResult(t.left, flag, names);
  const r = inResult(t.right, flag, names);
  const name = `ne${names.length}`;
  names.push(`(${l.nonEmpty} ${t.op === "and" ? "AND" : "OR"} ${r.nonEmpty}) AS ${name}`);
  const either = `(${l.keep} OR ${r.keep})`;
  return { keep: t.op === "or" ? either : `(${name} AND ${either})`, nonEmpty: name };
}

/**
 * One row per matching trace: trace_id, matched_spans (distinct matching spans) and
 * matched (the first three by start, then id, as [span_id, name] pairs). `scope` is the
 * caller's WHERE on span rows (project and time). A span stored twice (before
 * ReplacingMergeTree merges it) gives identical tuples, which groupUniqArray keeps once.
 */
export function matchedTracesSql(q: CompiledChQuery, spans: string, scope: string): string {
  if ("structural" in q.tree) return structuralTracesSql(q.tree.structural, q.leaves, spans, scope);
  const flags = q.leaves.map((l, i) => `toUInt8(${l}) AS m${i}`);
  const inner = `SELECT TraceId, SpanId, toString(SpanName) AS name, Timestamp, ${flags.join(", ")}
    FROM ${spans} WHERE ${scope} AND (${q.leaves.map((_, i) => `m${i}`).join(" OR ")})`;
  const has = q.leaves.map((_, i) => `max(m${i}) AS h${i}`);
  const names: string[] = [];
  const { keep } = inResult(q.tree, (i) => `x.${4 + i}`, names);
  const tuple = `(SpanId, name, Timestamp, ${q.leaves.map((_, i) => `m${i}`).join(", ")})`;
  return `SELECT TraceId AS trace_id, ${[...has, ...names].join(", ")},
      arrayFilter(x -> ${keep}, groupUniqArray(${tuple})) AS spans_in,
      length(spans_in) AS matched_spans,
      arrayMap(x -> (x.1, x.2), arraySlice(arraySort(x -> (x.3, x.1), spans_in), 1, 3)) AS matched
    FROM (${inner}) GROUP BY TraceId HAVING matched_spans > 0`;
}

/** The matching spans as (trace_id, span_id) rows, for span-level filters (metrics). */
export function matchedSpansSql(q: CompiledChQuery, spans: string, scope: string): string {
  return `SELECT trace_id, s.1 AS span_id FROM (${matchedTracesSql(q, spans, scope)}) ARRAY JOIN spans_in AS s`;
}
