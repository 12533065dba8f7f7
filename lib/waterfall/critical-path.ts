import type { SpanTree } from "./types";

export interface CriticalPath {
  /** 1 for each row that owns a section of the path. */
  onPath: Uint8Array;
  /** Rows on the path, in the order the walk reached them (latest section first). */
  rows: Int32Array;
  /** Sections as parallel arrays; a row's sections chain from `head[row]` through `next`. */
  from: Float64Array;
  to: Float64Array;
  next: Int32Array;
  head: Int32Array;
}

/** A row's sections on the path as flat [startNs, endNs, ...] pairs, latest first. */
export function sectionsOf(cp: CriticalPath, p: number): number[] {
  const out: number[] = [];
  for (let k = cp.head[p]; k >= 0; k = cp.next[k]) out.push(cp.from[k], cp.to[k]);
  return out;
}

const PRODUCER = 4;
const CONSUMER = 5;

/**
 * Each row's range as the path sees it. Synchronous children are clipped to their parent;
 * asynchronous ones keep their end, and every ancestor's range stretches to cover it.
 */
function clippedRanges(t: SpanTree) {
  const { kind } = t.trace;
  const top = t.size;
  const isAsync = (p: number) => {
    const s = t.span[p];
    const up = t.parent[p];
    return s >= 0 && (kind[s] === CONSUMER || (up >= 0 && t.span[up] >= 0 && kind[t.span[up]] === PRODUCER));
  };
  // Bottom-up: how far each row's asynchronous descendants reach.
  const reach = Float64Array.from(t.finish);
  const carries = new Uint8Array(t.size);
  for (let p = t.size - 1; p >= 0; p--) {
    carries[p] = isAsync(p) || reach[p] > t.finish[p] ? 1 : 0;
    const up = t.parent[p];
    if (up >= 0 && carries[p] && reach[p] > reach[up]) reach[up] = reach[p];
  }
  const cs = new Float64Array(t.size + 1);
  const ce = new Float64Array(t.size + 1);
  ce[top] = t.durationNs;
  // Fire-and-forget: an asynchronous child that is done before its parent ends was not
  // waited for, so it never joins the path (its parent's own time covers that stretch).
  const detached = new Uint8Array(t.size);
  for (let p = 0; p < t.size; p++) {
    const up = t.parent[p] < 0 ? top : t.parent[p];
    cs[p] = Math.max(t.start[p], cs[up]);
    ce[p] = carries[p] ? reach[p] : Math.min(t.finish[p], ce[up]);
    const parent = t.parent[p];
    if (isAsync(p) && parent >= 0 && t.span[parent] >= 0 && reach[p] <= t.finish[parent]) detached[p] = 1;
  }
  return { cs, ce, detached };
}

/**
 * The chain of work that set the trace's end-to-end time (Jaeger's algorithm): from the
 * root's end, step into the last-finishing child that ends by the cursor, recurse, and
 * when a span has no such child, its own time from its start to the cursor is critical
 * and the cursor moves back to its start in the parent. Children are clipped to their
 * parent's range first (work past the parent's end did not make the parent late), and
 * each child is taken at most once, so this is O(n log n) and loop-free even on odd data.
 * Unlike Jaeger, asynchronous work (a consumer span, or any child of a producer) is not
 * clipped: a queue consumer that finishes after its producer is what made the trace long.
 * One that finishes inside its producer is left out: a producer does not wait for it.
 */
export function criticalPath(t: SpanTree): CriticalPath {
  const top = t.size; // a virtual node above the top-level rows, spanning the whole trace
  const { cs, ce, detached } = clippedRanges(t);
  const kids = childrenByEnd(t, cs, ce, detached);
  const taken = kids.first.slice(0, t.size + 1); // how far into each row's list the walk has got
  const nextChild = (p: number, cursor: number) => {
    let i = taken[p];
    const stop = kids.first[p + 1];
    while (i < stop && ce[kids.list[i]] > cursor) i++;
    taken[p] = i + 1;
    return i < stop ? kids.list[i] : -1;
  };

  // Typed arrays, not a list per row: on a sequential trace every span is on the path.
  const onPath = new Uint8Array(t.size);
  const head = new Int32Array(t.size).fill(-1);
  const cap = 2 * t.size + 2; // each step pushes at most one section, and there are at most 2n steps
  const from = new Float64Array(cap);
  const to = new Float64Array(cap);
  const next = new Int32Array(cap);
  const rows = new Int32Array(t.size);
  let sections = 0;
  let rowCount = 0;
  const push = (p: number, a: number, b: number) => {
    if (p === top) return;
    // Sections stay inside the span: the wait between a producer and its consumer is no one's.
    const end = Math.min(b, t.finish[p]);
    if (end <= a) return;
    if (!onPath[p]) {
      onPath[p] = 1;
      rows[rowCount++] = p;
    }
    from[sections] = a;
    to[sections] = end;
    next[sections] = head[p];
    head[p] = sections++;
  };

  // Markers are see-through: their spans compete with the roots, as if the parent had arrived.
  const up = (p: number) => {
    let q = t.parent[p];
    while (q >= 0 && t.span[q] < 0) q = t.parent[q];
    return q < 0 ? top : q;
  };
  let cur = top;
  let cursor = ce[top];
  for (;;) {
    const child = nextChild(cur, cursor);
    if (child >= 0) {
      push(cur, ce[child], cursor);
      cur = child;
      cursor = ce[child];
    } else {
      push(cur, cs[cur], cursor);
      if (cur === top) break;
      cursor = cs[cur];
      cur = up(cur);
    }
  }
  return { onPath, rows: rows.slice(0, rowCount), from, to, next, head };
}

/**
 * Every row's children (markers replaced by their own children) in one flat list, each
 * row's slice sorted by clipped end, latest first; the virtual top is row `t.size`.
 */
function childrenByEnd(t: SpanTree, cs: Float64Array, ce: Float64Array, detached: Uint8Array) {
  const top = t.size;
  const owner = (c: number) => {
    let q = t.parent[c];
    while (q >= 0 && t.span[q] < 0) q = t.parent[q];
    return q < 0 ? top : q;
  };
  const counts = new Int32Array(t.size + 2);
  const joins = (c: number) => t.span[c] >= 0 && cs[c] <= ce[c] && !detached[c];
  for (let c = 0; c < t.size; c++) if (joins(c)) counts[owner(c) + 1]++;
  const first = new Int32Array(t.size + 2);
  for (let p = 0; p <= t.size; p++) first[p + 1] = first[p] + counts[p + 1];
  const fill = first.slice();
  const list = new Int32Array(first[t.size + 1]);
  for (let c = 0; c < t.size; c++) if (joins(c)) list[fill[owner(c)]++] = c;
  const byEnd = (a: number, b: number) => ce[b] - ce[a] || cs[b] - cs[a] || a - b;
  for (let p = 0; p <= t.size; p++) if (first[p + 1] - first[p] > 1) list.subarray(first[p], first[p + 1]).sort(byEnd);
  return { first, list };
}
