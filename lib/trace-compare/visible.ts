import type { PackedAlignment } from "./packed";

/** The nodes on screen, in pre-order: a collapsed node's subtree is skipped in one jump. */
export function visibleNodes(al: PackedAlignment, collapsed: ReadonlySet<number>): Int32Array {
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
export function alikeSubtrees(al: PackedAlignment): Set<number> {
  const { parent, childCount } = al;
  const countA = al.sides.a.count;
  const countB = al.sides.b.count;
  const differs = new Uint8Array(al.size);
  for (let p = al.order.length - 1; p >= 0; p--) {
    const id = al.order[p];
    if (countA[id] !== countB[id]) differs[id] = 1;
    if (differs[id] && parent[id] >= 0) differs[parent[id]] = 1;
  }
  const alike = new Set<number>();
  for (let id = 0; id < al.size; id++) if (!differs[id] && childCount[id] > 0 && parent[id] >= 0 && differs[parent[id]]) alike.add(id);
  return alike;
}
