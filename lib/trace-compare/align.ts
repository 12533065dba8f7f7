import type { CompactTrace } from "@/lib/contract";

/** What one trace puts into an aligned node: how many spans share its path, and their time. */
export interface SideStats {
  /** Spans of this trace merged into the node (0: the path is not in this trace). */
  count: number;
  /** Sum and longest of those spans' durations, in ns. */
  sumNs: number;
  maxNs: number;
  errors: number;
  /** The earliest of those spans, to open it in the trace; null when count is 0. */
  spanId: string | null;
  /** When that span starts, from its trace's start, in ns (Infinity when count is 0). */
  startNs: number;
  /** Spans in the whole subtree, this node included. */
  subtree: number;
}

/**
 * One operation path, `service:name` after `service:name` from the root, in either trace.
 * Sibling spans with the same service and name are one node, with their count.
 */
export interface AlignedNode {
  id: number;
  /** -1 for the top node, which stands for the whole trace (service and name are ""). */
  parent: number;
  depth: number;
  service: string;
  name: string;
  a: SideStats;
  b: SideStats;
  children: number[];
}

export type Presence = "both" | "a" | "b";

export interface TraceOverview {
  traceId: string;
  spanCount: number;
  /** From the earliest start to the latest end, in ns. */
  durationNs: number;
  rootName: string;
  rootService: string;
}

export interface Alignment {
  /** `nodes[0]` is the top node (both whole traces); ids index this array. */
  nodes: AlignedNode[];
  /** Node ids in pre-order (parents before children, siblings by their earliest start in either trace). */
  order: Int32Array;
  /** For the node at `order[i]`, the index in `order` just past its subtree. */
  subtreeEnd: Int32Array;
  /** Where each node sits in `order`. */
  positionOf: Int32Array;
  maxDepth: number;
  a: TraceOverview;
  b: TraceOverview;
  /** Nodes (the top node aside) by presence. */
  counts: Record<Presence, number>;
}

export const presenceOf = (n: { a: { count: number }; b: { count: number } }): Presence => (n.a.count > 0 && n.b.count > 0 ? "both" : n.a.count > 0 ? "a" : "b");

const emptySide = (): SideStats => ({ count: 0, sumNs: 0, maxNs: 0, errors: 0, spanId: null, startNs: Infinity, subtree: 0 });

/**
 * Aligns two traces by operation path, the way Jaeger's trace comparison does, in time linear
 * in their spans: each span is placed once, under the node of its parent, keyed by the parent
 * node's id and its (service, name) pair as one number (not the whole path, and no string
 * built per span, so a 100,000-deep chain costs no more than a flat trace).
 * Spans whose parent never arrived are treated as roots; a parent cycle is cut at its first
 * span in start order. No span is dropped.
 */
export function alignTraces(a: CompactTrace, b: CompactTrace): Alignment {
  const top: AlignedNode = { id: 0, parent: -1, depth: 0, service: "", name: "", a: emptySide(), b: emptySide(), children: [] };
  const nodes: AlignedNode[] = [top];
  // Services and names numbered across both traces, so a (service, name) pair is one number.
  const services = new Interner();
  const names = new Interner();
  const localA = { service: a.services.map((s) => services.id(s)), name: a.names.map((s) => names.id(s)) };
  const localB = { service: b.services.map((s) => services.id(s)), name: b.names.map((s) => names.id(s)) };
  const pairs = Math.max(1, services.size) * Math.max(1, names.size);
  const maxNodes = a.spanId.length + b.spanId.length + 1;
  // Past 2^53 a number key would collide: fall back to strings (never seen in practice).
  const numeric = maxNodes * pairs < Number.MAX_SAFE_INTEGER;
  const byKey = new Map<number | string, number>();
  const childOf: ChildOf = (parent, service, name) => {
    const key = numeric ? parent * pairs + service * names.size + name : `${parent}/${service}/${name}`;
    let id = byKey.get(key);
    if (id === undefined) {
      id = nodes.length;
      byKey.set(key, id);
      const p = nodes[parent];
      nodes.push({ id, parent, depth: p.depth + 1, service: services.list[service], name: names.list[name], a: emptySide(), b: emptySide(), children: [] });
      p.children.push(id);
    }
    return nodes[id];
  };
  const overviewA = placeSide(a, localA, "a", top, childOf);
  const overviewB = placeSide(b, localB, "b", top, childOf);
  // Siblings as they start: B's new paths among A's, not after them.
  const startOf = (id: number) => Math.min(nodes[id].a.startNs, nodes[id].b.startNs);
  for (const node of nodes) if (node.children.length > 1) node.children.sort((x, y) => startOf(x) - startOf(y) || x - y);
  return { nodes, ...preOrder(nodes), a: overviewA, b: overviewB, counts: countPresence(nodes) };
}

class Interner {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  get size() {
    return this.list.length;
  }
  id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) this.ids.set(s, (i = this.list.push(s) - 1));
    return i;
  }
}

/** A trace's interned service and name indexes, mapped to the numbering shared by both traces. */
type LocalIds = { service: number[]; name: number[] };

type ChildOf = (parent: number, service: number, name: number) => AlignedNode;

/** Span indexes by start (then index): the server sends them so, so this is one check as a rule. */
function startOrder(trace: CompactTrace): Int32Array {
  const n = trace.spanId.length;
  const order = new Int32Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0 && trace.startOffsetNs[i - 1] > trace.startOffsetNs[i]) sorted = false;
  }
  return sorted ? order : order.sort((x, y) => trace.startOffsetNs[x] - trace.startOffsetNs[y] || x - y);
}

/** Children of each span in start order, as one flat array (CSR): `kids[first[i]..first[i+1])`. */
function childLists(parentOf: Int32Array, order: Int32Array) {
  const n = parentOf.length;
  const first = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (parentOf[i] >= 0) first[parentOf[i] + 1]++;
  for (let i = 0; i < n; i++) first[i + 1] += first[i];
  const fill = first.slice(0, n);
  const kids = new Int32Array(first[n]);
  for (const i of order) if (parentOf[i] >= 0) kids[fill[parentOf[i]]++] = i;
  return { first, kids };
}

function placeSide(trace: CompactTrace, ids: LocalIds, side: "a" | "b", top: AlignedNode, childOf: ChildOf): TraceOverview {
  const n = trace.spanId.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) if (!indexOf.has(trace.spanId[i])) indexOf.set(trace.spanId[i], i);
  const parentOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = trace.parentSpanId[i];
    const j = p ? indexOf.get(p) : undefined;
    parentOf[i] = j === undefined || j === i ? -1 : j;
  }
  const order = startOrder(trace);
  const { first, kids } = childLists(parentOf, order);
  const nodeOf = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  const place = (i: number, parentNode: number) => {
    const node = childOf(parentNode, ids.service[trace.service[i]], ids.name[trace.name[i]]);
    nodeOf[i] = node.id;
    const s = node[side];
    const d = trace.durationNs[i];
    if (trace.startOffsetNs[i] < s.startNs) {
      s.startNs = trace.startOffsetNs[i];
      s.spanId = trace.spanId[i];
    }
    s.count++;
    s.sumNs += d;
    if (d > s.maxNs) s.maxNs = d;
    if (trace.status[i] === 2) s.errors++;
    queue[tail++] = i;
  };
  const drain = () => {
    while (head < tail) {
      const i = queue[head++];
      for (let k = first[i]; k < first[i + 1]; k++) if (nodeOf[kids[k]] < 0) place(kids[k], nodeOf[i]);
    }
  };
  // Roots first, in start order; then whatever a parent cycle kept out of reach, cut at its earliest span.
  for (const i of order) if (parentOf[i] < 0) place(i, top.id);
  drain();
  for (const i of order) {
    if (nodeOf[i] >= 0) continue;
    place(i, top.id);
    drain();
  }

  let minStart = Infinity;
  let maxEnd = -Infinity;
  let errors = 0;
  for (let i = 0; i < n; i++) {
    if (trace.startOffsetNs[i] < minStart) minStart = trace.startOffsetNs[i];
    const end = trace.startOffsetNs[i] + trace.durationNs[i];
    if (end > maxEnd) maxEnd = end;
    if (trace.status[i] === 2) errors++;
  }
  const durationNs = n > 0 ? maxEnd - minStart : 0;
  const s = top[side];
  s.count = n;
  s.sumNs = s.maxNs = durationNs;
  s.errors = errors;
  const root = order.find((i) => parentOf[i] < 0);
  s.spanId = root === undefined ? null : trace.spanId[root];
  s.startNs = n > 0 ? minStart : Infinity;
  return {
    traceId: trace.traceId,
    spanCount: n,
    durationNs,
    rootName: root === undefined ? "" : trace.names[trace.name[root]] ?? "",
    rootService: root === undefined ? "" : trace.services[trace.service[root]] ?? "",
  };
}

/** Pre-order without recursion (a chain can be as deep as the trace is long), then subtree sizes backwards. */
function preOrder(nodes: AlignedNode[]) {
  const size = nodes.length;
  const order = new Int32Array(size);
  const positionOf = new Int32Array(size);
  const stack: number[] = [0];
  let at = 0;
  let maxDepth = 0;
  while (stack.length > 0) {
    const id = stack.pop()!;
    positionOf[id] = at;
    order[at++] = id;
    const node = nodes[id];
    if (node.depth > maxDepth) maxDepth = node.depth;
    for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]);
  }
  const subtreeEnd = new Int32Array(size);
  const sizes = new Int32Array(size).fill(1);
  for (let p = size - 1; p >= 0; p--) {
    const node = nodes[order[p]];
    subtreeEnd[p] = p + sizes[p];
    if (node.parent < 0) continue;
    sizes[positionOf[node.parent]] += sizes[p];
    node.a.subtree += node.a.count;
    node.b.subtree += node.b.count;
    if (node.parent > 0) {
      nodes[node.parent].a.subtree += node.a.subtree;
      nodes[node.parent].b.subtree += node.b.subtree;
    }
  }
  nodes[0].a.subtree = nodes[0].a.count;
  nodes[0].b.subtree = nodes[0].b.count;
  return { order, positionOf, subtreeEnd, maxDepth };
}

function countPresence(nodes: AlignedNode[]): Record<Presence, number> {
  const counts: Record<Presence, number> = { both: 0, a: 0, b: 0 };
  for (let i = 1; i < nodes.length; i++) counts[presenceOf(nodes[i])]++;
  return counts;
}
