import type { AttrRef } from "./measure";
import type { SpanFilter } from "./types";

export interface FunnelQuery {
  projectId: number;
  /** 2-10 ordered steps, each a spanset filter. */
  steps: SpanFilter[];
  /** Who moves through the funnel: one trace, or an attribute joining steps across traces. */
  by: "trace" | AttrRef;
  windowNs: bigint;
  startNs: bigint;
  endNs: bigint;
  breakdown?: AttrRef;
}

export interface FunnelStepResult {
  count: number;
  conversionFromPrevious: number | null;
  conversionFromFirst: number | null;
  dropOff: number;
  medianTimeFromPreviousMs: number | null;
}

export interface FunnelResult {
  /** Entities per step are weighted by 1 / the sample rate of the span that brought them there. */
  steps: FunnelStepResult[];
  breakdown?: { value: string | null; steps: FunnelStepResult[] }[];
  /** The lowest sample rate among those spans: 1 when none was sampled, else counts are estimates. */
  minSampleRate: number;
}

export interface FunnelDropOff {
  /** Entities that reached step `step` (0-based) and not the next one, with the trace of their step span:
   * the kept ones, unweighted, since each is a real trace to open. */
  entities: { entity: string; traceId: string; reachedAtUnixNano: string }[];
  total: number;
}

/** Turns per-step counts and medians into the conversion figures. */
export function toStepResults(counts: number[], medians: (number | null)[]): FunnelStepResult[] {
  return counts.map((count, k) => ({
    count,
    conversionFromPrevious: k === 0 ? null : counts[k - 1] ? count / counts[k - 1] : 0,
    conversionFromFirst: k === 0 ? null : counts[0] ? count / counts[0] : 0,
    dropOff: k + 1 < counts.length ? count - counts[k + 1] : 0,
    medianTimeFromPreviousMs: k === 0 ? null : medians[k],
  }));
}
