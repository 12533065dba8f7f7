import type { AlignedNode, Alignment, SideStats } from "./align";

/**
 * Every string of an alignment (services, names, span ids) as UTF-8 in one buffer: string `i`
 * is `bytes[offsets[i]..offsets[i + 1])`. Transferred with the columns, so the page receives
 * hundreds of thousands of span ids without a string being cloned; it decodes the few it shows.
 */
export interface StringTable {
  bytes: Uint8Array;
  offsets: Int32Array;
}

/** One side's `SideStats` as columns indexed by node id; `spanId` indexes the string table (-1: none). */
export interface SideColumns {
  count: Int32Array;
  sumNs: Float64Array;
  maxNs: Float64Array;
  errors: Int32Array;
  spanId: Int32Array;
  startNs: Float64Array;
  subtree: Int32Array;
}

/**
 * An `Alignment` as typed-array columns indexed by node id plus one string table: what the
 * worker sends, every buffer transferred, so the page receives any number of paths in one
 * message that costs it nothing to decode. `nodeAt` builds the object of one row on demand.
 */
export interface PackedAlignment extends Omit<Alignment, "nodes"> {
  size: number;
  parent: Int32Array;
  depth: Int32Array;
  /** Indexes into `strings`. */
  service: Int32Array;
  name: Int32Array;
  childCount: Int32Array;
  sides: { a: SideColumns; b: SideColumns };
  strings: StringTable;
}

/** One aligned path read from the columns; its children are counted, not listed. */
export type NodeRow = Omit<AlignedNode, "children"> & { childCount: number };

/** Interns strings into one UTF-8 buffer, growing it as needed. */
class TableBuilder {
  private bytes = new Uint8Array(1 << 16);
  private readonly offsets: number[] = [0];
  private readonly ids = new Map<string, number>();
  private readonly encoder = new TextEncoder();

  id(s: string): number {
    let i = this.ids.get(s);
    if (i !== undefined) return i;
    const at = this.offsets[this.offsets.length - 1];
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (at + s.length * 3 > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, at + s.length * 3));
      grown.set(this.bytes.subarray(0, at));
      this.bytes = grown;
    }
    const { written } = this.encoder.encodeInto(s, this.bytes.subarray(at));
    i = this.offsets.length - 1;
    this.offsets.push(at + written);
    this.ids.set(s, i);
    return i;
  }

  done(): StringTable {
    const end = this.offsets[this.offsets.length - 1];
    return { bytes: this.bytes.slice(0, end), offsets: Int32Array.from(this.offsets) };
  }
}

function sideColumns(size: number): SideColumns {
  return {
    count: new Int32Array(size), sumNs: new Float64Array(size), maxNs: new Float64Array(size), errors: new Int32Array(size),
    spanId: new Int32Array(size), startNs: new Float64Array(size), subtree: new Int32Array(size),
  };
}

function putSide(cols: SideColumns, id: number, s: SideStats, strings: TableBuilder) {
  cols.count[id] = s.count;
  cols.sumNs[id] = s.sumNs;
  cols.maxNs[id] = s.maxNs;
  cols.errors[id] = s.errors;
  cols.spanId[id] = s.spanId === null ? -1 : strings.id(s.spanId);
  cols.startNs[id] = s.startNs;
  cols.subtree[id] = s.subtree;
}

/** The alignment's nodes turned into columns (in the worker, before sending). */
export function packAlignment(al: Alignment): PackedAlignment {
  const size = al.nodes.length;
  const strings = new TableBuilder();
  const parent = new Int32Array(size);
  const depth = new Int32Array(size);
  const service = new Int32Array(size);
  const name = new Int32Array(size);
  const childCount = new Int32Array(size);
  const sides = { a: sideColumns(size), b: sideColumns(size) };
  for (const n of al.nodes) {
    parent[n.id] = n.parent;
    depth[n.id] = n.depth;
    service[n.id] = strings.id(n.service);
    name[n.id] = strings.id(n.name);
    childCount[n.id] = n.children.length;
    putSide(sides.a, n.id, n.a, strings);
    putSide(sides.b, n.id, n.b, strings);
  }
  const { order, subtreeEnd, positionOf, maxDepth, a, b, counts } = al;
  return { size, parent, depth, service, name, childCount, sides, strings: strings.done(), order, subtreeEnd, positionOf, maxDepth, a, b, counts };
}

/** The buffers to transfer with a packed alignment: the sender gives them up. */
export function packedBuffers(p: PackedAlignment): ArrayBuffer[] {
  const sideBufs = (s: SideColumns) => [s.count, s.sumNs, s.maxNs, s.errors, s.spanId, s.startNs, s.subtree];
  return [
    p.parent, p.depth, p.service, p.name, p.childCount, ...sideBufs(p.sides.a), ...sideBufs(p.sides.b),
    p.strings.bytes, p.strings.offsets, p.order, p.subtreeEnd, p.positionOf,
  ].map((x) => x.buffer as ArrayBuffer);
}

const decoder = new TextDecoder();

export function stringAt(t: StringTable, i: number): string {
  return decoder.decode(t.bytes.subarray(t.offsets[i], t.offsets[i + 1]));
}

function sideAt(p: PackedAlignment, s: SideColumns, id: number): SideStats {
  const span = s.spanId[id];
  return {
    count: s.count[id], sumNs: s.sumNs[id], maxNs: s.maxNs[id], errors: s.errors[id],
    spanId: span < 0 ? null : stringAt(p.strings, span), startNs: s.startNs[id], subtree: s.subtree[id],
  };
}

/** The row of node `id`: only rows on screen are ever built. */
export function nodeAt(p: PackedAlignment, id: number): NodeRow {
  return {
    id, parent: p.parent[id], depth: p.depth[id],
    service: stringAt(p.strings, p.service[id]), name: stringAt(p.strings, p.name[id]),
    a: sideAt(p, p.sides.a, id), b: sideAt(p, p.sides.b, id), childCount: p.childCount[id],
  };
}
