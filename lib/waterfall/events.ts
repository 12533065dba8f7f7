import type { TraceColumns } from "./columns";

/** Events grouped by span (CSR): span `s` owns triples `first[s] .. first[s + 1] - 1`. */
export interface EventIndex {
  first: Int32Array;
  /** Offsets from the trace start (ns) and name indexes, in span order. */
  at: Float64Array;
  name: Int32Array;
}

export function indexEvents(trace: TraceColumns): EventIndex {
  const n = trace.spanId.length;
  const count = trace.events.length / 3;
  const first = new Int32Array(n + 1);
  for (let k = 0; k < count; k++) first[trace.events[3 * k] + 1]++;
  for (let s = 0; s < n; s++) first[s + 1] += first[s];
  const fill = first.slice(0, n);
  const at = new Float64Array(count);
  const name = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const s = trace.events[3 * k];
    const j = fill[s]++;
    at[j] = trace.events[3 * k + 1];
    name[j] = trace.events[3 * k + 2];
  }
  return { first, at, name };
}

/** Exceptions, by OpenTelemetry's semantic convention: drawn in red like errors. */
export const isExceptionEvent = (name: string) => name === "exception";
