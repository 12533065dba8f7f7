import type { CompactTrace } from "@/lib/contract";

/**
 * The compact trace as the waterfall reads it: numeric columns may be typed arrays, so a
 * worker can hand them to the page without copying element by element. A `CompactTrace`
 * straight from JSON is one too.
 */
export interface TraceColumns {
  traceId: string;
  startTimeUnixNano: string;
  spanCount: number;
  names: string[];
  services: string[];
  spanId: ArrayLike<string>;
  parentSpanId: ArrayLike<string | null>;
  name: ArrayLike<number>;
  service: ArrayLike<number>;
  startOffsetNs: ArrayLike<number>;
  durationNs: ArrayLike<number>;
  status: ArrayLike<number>;
  kind: ArrayLike<number>;
  events: ArrayLike<number>;
}

/** The numeric columns as typed arrays: nanosecond offsets stay doubles (exact below 2^53). */
export function typedColumns(t: CompactTrace) {
  return {
    ...t,
    name: Int32Array.from(t.name),
    service: Int32Array.from(t.service),
    startOffsetNs: Float64Array.from(t.startOffsetNs),
    durationNs: Float64Array.from(t.durationNs),
    status: Uint8Array.from(t.status),
    kind: Uint8Array.from(t.kind),
    events: Float64Array.from(t.events),
  } satisfies TraceColumns;
}

/** Span id -> span index (the first span with that id), built once per trace on first use. */
const indexes = new WeakMap<object, Map<string, number>>();

export function spanIndexMap(trace: TraceColumns): Map<string, number> {
  let m = indexes.get(trace.spanId);
  if (!m) {
    m = new Map();
    for (let i = 0; i < trace.spanId.length; i++) if (!m.has(trace.spanId[i])) m.set(trace.spanId[i], i);
    indexes.set(trace.spanId, m);
  }
  return m;
}
