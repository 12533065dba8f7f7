import type { Condition, PipelineStage, ScalarFilter, Spanset, SpansetOp } from "@/lib/traceql/ast";
import { havingSql } from "./compile-aggregate";
import { conditionSql, type ConditionContext } from "./compile-condition";
import { SCOPE, TRACES_JOIN, type SqlBuilder } from "./sql-builder";

/**
 * FROM and the condition (to AND with SCOPE) for the spans matching one `{ ... }`, and the
 * sparse-attribute index subqueries that every matching span appears in (see ConditionContext).
 */
export function leafSql(condition: Condition | null, b: SqlBuilder): { from: string; cond: string; required: string[] } {
  if (!condition) return { from: "spans s", cond: "TRUE", required: [] };
  const ctx: ConditionContext = { params: b.params, usesTraces: false, index: b.index, required: [] };
  const cond = conditionSql(condition, ctx);
  return { from: ctx.usesTraces ? `spans s ${TRACES_JOIN}` : "spans s", cond, required: ctx.required };
}

export const isMatchAll = (n: Spanset) =>
  n.kind === "filter" && (!n.condition || (n.condition.kind === "literal" && n.condition.value));

/** Compiles a spanset into a CTE of its matching spans and returns the CTE's name. */
export function compileSpanset(node: Spanset, b: SqlBuilder): string {
  switch (node.kind) {
    case "filter": {
      const { from, cond } = leafSql(node.condition, b);
      return b.cte(`SELECT ${b.spanColumns()} FROM ${from} WHERE ${SCOPE} AND ${cond}`);
    }
    case "pipeline":
      return compileStages(compileSpanset(node.source, b), node.stages, b);
    case "spansetOp":
      return compileOp(node.op, node.left, node.right, b);
  }
}

export function compileStages(source: string, stages: PipelineStage[], b: SqlBuilder): string {
  let cur = source;
  for (let i = 0; i < stages.length; ) {
    const stage = stages[i];
    if (stage.kind === "filter") {
      const leaf = compileSpanset(stage, b);
      cur = b.cte(`SELECT x.* FROM ${cur} x SEMI JOIN ${leaf} l ON l.trace_id = x.trace_id AND l.span_id = x.span_id`);
      i++;
      continue;
    }
    const group: ScalarFilter[] = [];
    while (i < stages.length && stages[i].kind === "scalarFilter") group.push(stages[i++] as ScalarFilter);
    const having = havingSql(group, b, (v) => `y.v${v}`);
    cur = b.cte(`SELECT x.* FROM ${cur} x WHERE x.trace_id IN (SELECT y.trace_id FROM ${cur} y GROUP BY y.trace_id HAVING ${having})`);
  }
  return cur;
}

function compileOp(op: SpansetOp, leftNode: Spanset, rightNode: Spanset, b: SqlBuilder): string {
  // With every span on the left, "has an ancestor/descendant there" is "has a parent/child".
  if (op === "descendant" && isMatchAll(leftNode)) op = "child";
  if (op === "ancestor" && isMatchAll(leftNode)) op = "parent";
  const l = compileSpanset(leftNode, b);
  const r = compileSpanset(rightNode, b);
  switch (op) {
    case "and":
      // Tempo: the trace must hold both spansets, and the result is both sides' spans.
      return b.cte(`SELECT * FROM ${l} WHERE trace_id IN (SELECT trace_id FROM ${r})\n  UNION\n  SELECT * FROM ${r} WHERE trace_id IN (SELECT trace_id FROM ${l})`);
    case "or":
      return b.cte(`SELECT * FROM ${l} UNION SELECT * FROM ${r}`);
    case "child":
      return b.cte(`SELECT r.* FROM ${r} r SEMI JOIN ${l} l ON l.trace_id = r.trace_id AND l.span_id = r.parent_span_id`);
    case "parent":
      return b.cte(`SELECT r.* FROM ${r} r SEMI JOIN ${l} l ON l.trace_id = r.trace_id AND l.parent_span_id = r.span_id`);
    case "sibling":
      return b.cte(`SELECT r.* FROM ${r} r SEMI JOIN ${l} l ON l.trace_id = r.trace_id AND l.parent_span_id = r.parent_span_id AND l.span_id <> r.span_id`);
    case "descendant":
    case "ancestor":
      return compileTransitive(op, l, r, isMatchAll(rightNode), b);
  }
}

/**
 * `>>` and `<<` walk the parent links with a recursive CTE, but only inside traces that
 * hold both sides, over a materialised (trace_id, span_id, parent_span_id) edge list.
 * UNION (not UNION ALL) keeps each reached span once, which bounds the walk by the
 * number of spans even when left-side spans nest or the data has a parent cycle.
 */
function compileTransitive(op: "descendant" | "ancestor", l: string, r: string, rightIsAll: boolean, b: SqlBuilder): string {
  // A plain semi join: INTERSECT compares with IS NOT DISTINCT FROM, which hashes slower.
  const traces = b.cte(rightIsAll
    ? `SELECT DISTINCT trace_id FROM ${l}`
    : `SELECT DISTINCT l.trace_id FROM ${l} l SEMI JOIN ${r} r ON r.trace_id = l.trace_id`);
  const edges = b.cte(
    `SELECT s.trace_id, s.span_id, s.parent_span_id FROM spans s WHERE ${SCOPE} AND s.parent_span_id IS NOT NULL AND s.trace_id IN (SELECT trace_id FROM ${traces})`,
    { materialized: true },
  );
  const walk = b.reserve();
  if (op === "descendant") {
    b.cte(
      `SELECT e.trace_id, e.span_id FROM ${edges} e SEMI JOIN ${l} l ON l.trace_id = e.trace_id AND l.span_id = e.parent_span_id
  UNION
  SELECT e.trace_id, e.span_id FROM ${walk} w JOIN ${edges} e ON e.trace_id = w.trace_id AND e.parent_span_id = w.span_id`,
      { name: walk, columns: "trace_id, span_id", recursive: true },
    );
  } else {
    b.cte(
      `SELECT l.trace_id, l.parent_span_id FROM ${l} l WHERE l.parent_span_id IS NOT NULL AND l.trace_id IN (SELECT trace_id FROM ${traces})
  UNION
  SELECT e.trace_id, e.parent_span_id FROM ${walk} w JOIN ${edges} e ON e.trace_id = w.trace_id AND e.span_id = w.span_id`,
      { name: walk, columns: "trace_id, span_id", recursive: true },
    );
  }
  return b.cte(`SELECT r.* FROM ${r} r SEMI JOIN ${walk} w ON w.trace_id = r.trace_id AND w.span_id = r.span_id`);
}
