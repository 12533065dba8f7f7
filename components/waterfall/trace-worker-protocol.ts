import type { WaterfallAnalysis, WaterfallBase } from "@/lib/waterfall/model";

/** A user-timing measure taken in the worker, on the wall clock (its time origin is not the page's). */
export interface WorkerMeasure {
  name: string;
  /** `performance.timeOrigin + startTime` in the worker. */
  at: number;
  duration: number;
}

/** The page sends the response body, undecoded, as a transferred buffer. */
export interface WorkerRequest {
  body: ArrayBuffer;
}

/**
 * The worker answers with the rows' part first; a big trace's critical path and statistics
 * follow in a second message, so the first rows need not wait for them.
 */
export type WorkerReply =
  | { type: "base"; base: WaterfallBase; analysis: WaterfallAnalysis | null; measures: WorkerMeasure[] }
  | { type: "analysis"; analysis: WaterfallAnalysis; measures: WorkerMeasure[] }
  | { type: "error"; message: string };

/** Above this many spans the analysis is sent on its own, after the rows. */
export const STREAM_ABOVE_SPANS = 20_000;
