import type { Alignment } from "./align";

/** The nodes on screen, in pre-order: a collapsed node's subtree is skipped in one jump. */
export function visibleNodes(al: Alignment, collapsed: ReadonlySet<number>): Int32Array {
  const out = new Int32Array(al.order.length);
  let n = 0;
  for (let p = 0; p < al.order.length; ) {
    const id = al.order[p];
    out[n++] = id;
    p = collapsed.has(id) ? al.subtreeEnd[p] : p + 1;
  }
  return out.subarray(0, n);
}

/** Nodes whose paths are in both traces with the same counts all the way down: what "Collapse alike" folds. */
export function alikeSubtrees(al: Alignment): Set<number> {
  const differs = new Uint8Array(al.nodes.length);
  for (let p = al.order.length - 1; p >= 0; p--) {
    const node = al.nodes[al.order[p]];
    if (node.a.count !== node.b.count) differs[node.id] = 1;
    if (differs[node.id] && node.parent >= 0) differs[node.parent] = 1;
  }
  const alike = new Set<number>();
  for (const node of al.nodes) if (!differs[node.id] && node.children.length > 0 && node.parent >= 0 && differs[node.parent]) alike.add(node.id);
  return alike;
}
