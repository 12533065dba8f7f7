import type { AttrRef } from "./measure";
import type { FunnelStepResult } from "@/lib/contract";

export interface FunnelQuery {
  projectId: number;
  /** 2-10 ordered steps, each a TraceQL spanset filter (already validated). */
  steps: string[];
  /** Who moves through the funnel: one trace, or an attribute joining steps across traces. */
  by: "trace" | AttrRef;
  windowNs: bigint;
  startNs: bigint;
  endNs: bigint;
  breakdown?: AttrRef;
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
