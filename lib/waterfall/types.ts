import type { TraceColumns } from "./columns";

/** A row the tree adds that is not a span: where a missing parent or a cycle would be. */
export interface Marker {
  kind: "missing" | "cycle";
  /** Stable key for collapse state in the URL: `~<parentSpanId>` or `~cycle<n>`. */
  key: string;
  /** The missing parent's id, or the span ids of the cycle in parent order. */
  spanIds: string[];
}

/**
 * The span tree flattened in pre-order (each parent before its children, siblings by
 * start time): typed arrays indexed by row position, so collapsing, filtering and
 * drawing never walk objects. Built once per trace.
 */
export interface SpanTree {
  trace: TraceColumns;
  /** Rows: spans plus markers. */
  size: number;
  /** Span index into the compact columns, or `-1 - markerIndex` for a marker row. */
  span: Int32Array;
  depth: Int32Array;
  /** Row position of the parent, -1 at the top level. */
  parent: Int32Array;
  /** Exclusive end of the row's subtree: its descendants are `pos + 1 .. end - 1`. */
  end: Int32Array;
  childCount: Int32Array;
  /** Span index -> row position. */
  pos: Int32Array;
  /** Offsets from the trace start in ns; a marker spans its children. */
  start: Float64Array;
  finish: Float64Array;
  markers: Marker[];
  /** Each cycle's span ids in parent order: reported, then shown under a "cycle" marker. */
  cycles: string[][];
  maxDepth: number;
  /** The end of the latest span: the trace's duration in ns. */
  durationNs: number;
}

export const KIND_NAMES = ["unspecified", "internal", "server", "client", "producer", "consumer"] as const;
export const STATUS_ERROR = 2;
