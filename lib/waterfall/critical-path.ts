import type { SpanTree } from "./types";

export interface CriticalPath {
  /** 1 for each row that owns a section of the path. */
  onPath: Uint8Array;
  /** Row position -> its sections on the path, as flat [startNs, endNs, ...] pairs. */
  sections: Map<number, number[]>;
  /** Rows on the path, latest section first. */
  rows: number[];
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
  for (let p = 0; p < t.size; p++) {
    const up = t.parent[p] < 0 ? top : t.parent[p];
    cs[p] = Math.max(t.start[p], cs[up]);
    ce[p] = carries[p] ? reach[p] : Math.min(t.finish[p], ce[up]);
  }
  return { cs, ce };
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
 */
export function criticalPath(t: SpanTree): CriticalPath {
  const top = t.size; // a virtual node above the top-level rows, spanning the whole trace
  const { cs, ce } = clippedRanges(t);
  // Children by clipped end, latest first, built when a row is first entered; `taken` is
  // how far into that list the walk has got.
  const byEnd = new Map<number, number[]>();
  const taken = new Map<number, number>();
  const childrenByEnd = (p: number) => {
    let list = byEnd.get(p);
    if (!list) {
      list = [];
      const add = (c: number) => {
        if (t.span[c] < 0) for (let k = c + 1; k < t.end[c]; k = t.end[k]) add(k);
        else if (cs[c] <= ce[c]) list!.push(c);
      };
      for (let c = p === top ? 0 : p + 1; c < (p === top ? t.size : t.end[p]); c = t.end[c]) add(c);
      list.sort((a, b) => ce[b] - ce[a] || cs[b] - cs[a] || a - b);
      byEnd.set(p, list);
    }
    return list;
  };
  const nextChild = (p: number, cursor: number) => {
    const list = childrenByEnd(p);
    let i = taken.get(p) ?? 0;
    while (i < list.length && ce[list[i]] > cursor) i++;
    taken.set(p, i + 1);
    return i < list.length ? list[i] : -1;
  };

  const onPath = new Uint8Array(t.size);
  const sections = new Map<number, number[]>();
  const rows: number[] = [];
  const push = (p: number, from: number, to: number) => {
    if (p === top) return;
    // Sections stay inside the span: the wait between a producer and its consumer is no one's.
    const end = Math.min(to, t.finish[p]);
    if (end <= from) return;
    let list = sections.get(p);
    if (!list) {
      sections.set(p, (list = []));
      onPath[p] = 1;
      rows.push(p);
    }
    list.push(from, end);
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
  return { onPath, sections, rows };
}
