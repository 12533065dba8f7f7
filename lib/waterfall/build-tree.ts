import { stratify } from "d3-hierarchy";
import type { Marker, SpanTree } from "./types";
import { maxDepthOf, plainWalk, TOP, type Visit } from "./walk";
import { spanIndexMap, type TraceColumns } from "./columns";

const NO_PARENT = -1;
const MISSING_PARENT = -2;
/** Above this (rows x depth), stratify's height pass would take seconds. */
const DEEP_WORK_LIMIT = 20_000_000;

/**
 * Parent cycles (a -> b -> a, or a span that is its own parent), each as span indexes in
 * parent order. Found before stratify, which would throw on them; one pass, since every
 * span is walked up at most once.
 */
export function findCycles(parentOf: Int32Array): number[][] {
  const state = new Uint8Array(parentOf.length); // 0 unseen, 1 on this walk, 2 done
  const cycles: number[][] = [];
  const path: number[] = [];
  for (let i = 0; i < parentOf.length; i++) {
    if (state[i]) continue;
    path.length = 0;
    let j = i;
    while (j >= 0 && state[j] === 0) {
      state[j] = 1;
      path.push(j);
      j = parentOf[j];
    }
    if (j >= 0 && state[j] === 1) cycles.push(path.slice(path.indexOf(j)));
    for (const k of path) state[k] = 2;
  }
  return cycles;
}

/** Span indexes by start time (then index); the server already sends them so, usually. */
function startOrder(trace: TraceColumns): number[] {
  const s = trace.startOffsetNs;
  const order: number[] = [];
  let sorted = true;
  for (let i = 0; i < s.length; i++) {
    order.push(i);
    if (i > 0 && s[i - 1] > s[i]) sorted = false;
  }
  return sorted ? order : order.sort((a, b) => s[a] - s[b] || a - b);
}

/**
 * Builds the span tree. Spans whose parent never arrived go under one "missing parent"
 * marker per absent id; each cycle is reported and its members hang under a "cycle" marker
 * (the earliest member's parent link is the one cut). No span is dropped.
 * The walk is a plain one over typed arrays; d3's stratify gives the same rows (a test holds
 * them equal) but allocates a node per span and costs spans x depth, several times slower
 * on a 100,000-span trace, and the tree is what the first rows wait for.
 */
export function buildSpanTree(trace: TraceColumns, walk: "stratify" | "plain" = "plain"): SpanTree {
  const n = trace.spanId.length;
  const indexOf = spanIndexMap(trace);
  const parentOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = trace.parentSpanId[i];
    parentOf[i] = p ? (indexOf.get(p) ?? MISSING_PARENT) : NO_PARENT;
  }

  const markers: Marker[] = [];
  const markerOf = new Int32Array(n).fill(-1); // span -> marker it hangs under
  const missing = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (parentOf[i] !== MISSING_PARENT) continue;
    const id = trace.parentSpanId[i]!;
    let m = missing.get(id);
    if (m === undefined) {
      missing.set(id, (m = markers.length));
      markers.push({ kind: "missing", key: `~${id}`, spanIds: [id] });
    }
    markerOf[i] = m;
  }
  const cycleIndexes = findCycles(parentOf);
  for (const members of cycleIndexes) {
    const cut = members.reduce((a, b) => (trace.startOffsetNs[b] < trace.startOffsetNs[a] ? b : a));
    markerOf[cut] = markers.length;
    markers.push({ kind: "cycle", key: `~cycle-${trace.spanId[cut]}`, spanIds: members.map((i) => trace.spanId[i]) });
  }

  // Where each item hangs: span -> parent span or marker, marker -> the top.
  const parentItem = new Int32Array(n + markers.length).fill(TOP);
  for (let i = 0; i < n; i++) parentItem[i] = markerOf[i] >= 0 ? n + markerOf[i] : parentOf[i] >= 0 ? parentOf[i] : TOP;
  const order = startOrder(trace);
  for (let k = 0; k < markers.length; k++) order.push(n + k);

  const size = n + markers.length;
  const tree: SpanTree = {
    trace, size, markers,
    span: new Int32Array(size), depth: new Int32Array(size), parent: new Int32Array(size),
    end: new Int32Array(size), childCount: new Int32Array(size), pos: new Int32Array(n),
    start: new Float64Array(size), finish: new Float64Array(size),
    cycles: cycleIndexes.map((c) => c.map((i) => trace.spanId[i])),
    maxDepth: 0, durationNs: 0,
  };
  const posOfItem = new Int32Array(size);
  let next = 0;
  const visit = (item: number, parent: number, depth: number, children: number) => {
    const p = next++;
    posOfItem[item] = p;
    tree.parent[p] = parent === TOP ? -1 : posOfItem[parent];
    tree.depth[p] = depth;
    tree.childCount[p] = children;
    if (item < n) {
      tree.span[p] = item;
      tree.pos[item] = p;
      tree.start[p] = trace.startOffsetNs[item];
      tree.finish[p] = trace.startOffsetNs[item] + trace.durationNs[item];
    } else {
      tree.span[p] = -1 - (item - n);
      tree.start[p] = Infinity;
      tree.finish[p] = -Infinity;
    }
  };
  // stratify's height pass costs spans x depth: minutes for a 100,000-deep chain.
  if (walk === "stratify" && size * maxDepthOf(parentItem) <= DEEP_WORK_LIMIT) stratifyWalk(order, parentItem, visit);
  else plainWalk(order, parentItem, visit);
  finishSubtrees(tree);
  return tree;
}

/** Pre-order through d3: one stratify item per span or marker, plus the top above all roots. */
function stratifyWalk(order: number[], parentItem: Int32Array, visit: Visit) {
  const root = stratify<number>()
    .id((d) => String(d))
    .parentId((d) => (d === TOP ? null : String(parentItem[d])))([TOP, ...order]);
  root.eachBefore((node) => {
    if (node.data !== TOP) visit(node.data, node.parent!.data, node.depth - 1, node.children?.length ?? 0);
  });
}

/** Subtree ends, marker time ranges (the hull of their children), depth and duration. */
function finishSubtrees(t: SpanTree) {
  const sizes = new Int32Array(t.size).fill(1);
  for (let p = t.size - 1; p >= 0; p--) {
    t.end[p] = p + sizes[p];
    if (t.depth[p] > t.maxDepth) t.maxDepth = t.depth[p];
    if (t.span[p] >= 0 && t.finish[p] > t.durationNs) t.durationNs = t.finish[p];
    const up = t.parent[p];
    if (up < 0) continue;
    sizes[up] += sizes[p];
    if (t.span[up] < 0) {
      if (t.start[p] < t.start[up]) t.start[up] = t.start[p];
      if (t.finish[p] > t.finish[up]) t.finish[up] = t.finish[p];
    }
  }
}
