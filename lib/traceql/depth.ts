import type { SyntaxNode, Tree } from "@lezer/common";
import { TraceQLError } from "./errors";

/**
 * How deeply a query may nest. `!`, parentheses, comparisons, spanset operators and pipeline
 * stages each add a level; a chain of one `&&` or `||` counts once, so a long list of
 * alternatives stays allowed (DuckDB flattens those). Deeper queries would overflow the
 * engine's own expression depth (hundreds of `!`) or the planner (hundreds of `>>`), and
 * the parser below recurses once per level.
 */
export const MAX_QUERY_DEPTH = 100;

const CHAIN_OPS = new Set(["And", "Or"]);

const chainOp = (n: SyntaxNode) => {
  const op = n.firstChild?.nextSibling;
  return op && CHAIN_OPS.has(op.name) ? op.name : null;
};

/** `a || b || c` parses as `(a || b) || c`: the inner node continues its parent's chain. */
function continuesChain(n: SyntaxNode): boolean {
  const parent = n.parent;
  const isFirstChild = parent?.firstChild?.from === n.from && parent.firstChild.to === n.to;
  if (!parent || parent.name !== n.name || !isFirstChild) return false;
  const op = chainOp(n);
  return op !== null && op === chainOp(parent);
}

/** Throws at the first node past MAX_QUERY_DEPTH. Walks the tree without recursion. */
export function checkDepth(tree: Tree): void {
  const levels: number[] = [];
  let depth = 0;
  let error: TraceQLError | null = null;
  tree.iterate({
    enter(ref) {
      if (error) return false;
      const level = ref.name.endsWith("Expression") && !continuesChain(ref.node) ? 1 : 0;
      depth += level;
      levels.push(level);
      if (depth <= MAX_QUERY_DEPTH) return undefined;
      error = new TraceQLError(`the query nests deeper than ${MAX_QUERY_DEPTH} levels (maxQueryDepth)`, ref.from, ref.to);
      return false;
    },
    leave() {
      depth -= levels.pop() ?? 0;
    },
  });
  if (error) throw error;
}
