import type { Condition, Spanset } from "./ast";

const both = (a: Condition | null, b: Condition | null, kind: "and" | "or"): Condition | null => {
  if (!a || !b) return kind === "and" ? a ?? b : null;
  return { kind, left: a, right: b, from: a.from, to: b.to };
};

/**
 * Rewrites that keep the meaning but save scans: `{A} | {B}` is `{A && B}` and
 * `{A} || {B}` is `{A || B}` (both sets are per span, so they merge into one filter).
 */
export function simplify(node: Spanset): Spanset {
  if (node.kind === "spansetOp") {
    const left = simplify(node.left);
    const right = simplify(node.right);
    if (node.op === "or" && left.kind === "filter" && right.kind === "filter") {
      return { kind: "filter", condition: both(left.condition, right.condition, "or"), from: node.from, to: node.to };
    }
    return { ...node, left, right };
  }
  if (node.kind === "pipeline") {
    let source = simplify(node.source);
    const stages = [...node.stages];
    for (let next = stages[0]; source.kind === "filter" && next?.kind === "filter"; next = stages[0]) {
      source = { ...source, condition: both(source.condition, next.condition, "and") };
      stages.shift();
    }
    return stages.length ? { ...node, source, stages } : source;
  }
  return node;
}
