/** The item above everything: a trace can have several roots, a tree wants one. */
export const TOP = -1;

export type Visit = (item: number, parentItem: number, depth: number, children: number) => void;

/** Deepest level under the top, by memoised walks up `parentItem` (iterative: chains can be 100,000 deep). */
export function maxDepthOf(parentItem: Int32Array): number {
  const depth = new Int32Array(parentItem.length).fill(-1);
  const stack: number[] = [];
  let max = 0;
  for (let i = 0; i < parentItem.length; i++) {
    let j = i;
    while (j !== TOP && depth[j] < 0) {
      stack.push(j);
      j = parentItem[j];
    }
    let d = j === TOP ? -1 : depth[j];
    while (stack.length) depth[stack.pop()!] = ++d;
    if (d > max) max = d;
  }
  return max;
}

/** The same pre-order as stratify + eachBefore (children in `order`), with an explicit stack. */
export function plainWalk(order: number[], parentItem: Int32Array, visit: Visit) {
  const n = parentItem.length;
  const counts = new Int32Array(n + 1); // children per item, TOP's at n
  const slot = (item: number) => (item === TOP ? n : item);
  for (const item of order) counts[slot(parentItem[item])]++;
  const first = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) first[i + 1] = first[i] + counts[i];
  const fill = first.slice(0, n + 1);
  const kids = new Int32Array(order.length);
  for (const item of order) kids[fill[slot(parentItem[item])]++] = item;
  const stack: number[] = [];
  const depthOf = new Int32Array(n);
  for (let k = first[n + 1] - 1; k >= first[n]; k--) stack.push(kids[k]);
  while (stack.length) {
    const item = stack.pop()!;
    const up = parentItem[item];
    depthOf[item] = up === TOP ? 0 : depthOf[up] + 1;
    visit(item, up, depthOf[item], counts[item]);
    for (let k = first[item + 1] - 1; k >= first[item]; k--) stack.push(kids[k]);
  }
}
