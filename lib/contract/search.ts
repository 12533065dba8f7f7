import type { TraceSummary } from "./trace";

export type TraceSortKey = "start" | "duration" | "spans" | "errors";

export interface TraceSearchHit extends TraceSummary {
  matchedSpans: number;
  matched: { spanId: string; name: string }[];
  /** Keyed by the requested column spec (e.g. "span.customer.tier"). */
  columns: Record<string, string | null>;
}

export interface TraceSearchPage {
  traces: TraceSearchHit[];
  nextCursor: string | null;
  /** Every matching trace in the range, not just this page. */
  total: number;
}

export interface DurationHistogram {
  /** Bucket lower bounds in ms (log scale); the last bucket is open-ended. */
  buckets: { fromMs: number; toMs: number; count: number }[];
  total: number;
}
