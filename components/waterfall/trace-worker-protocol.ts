import type { TraceColumns } from "@/lib/waterfall/columns";
import type { WaterfallAnalysis, WaterfallBase } from "@/lib/waterfall/model";
import type { PackedIds } from "@/lib/waterfall/packed-ids";
import type { SpanTree } from "@/lib/waterfall/types";

/** A user-timing measure taken in the worker, on the wall clock (its time origin is not the page's). */
export interface WorkerMeasure {
  name: string;
  /** `performance.timeOrigin + startTime` in the worker. */
  at: number;
  duration: number;
}

/**
 * The page hands the response body over chunk by chunk as it arrives (transferred, never
 * copied or joined on the main thread); the worker decodes each at once and parses at the end.
 */
export type WorkerRequest = { type: "chunk"; bytes: ArrayBuffer } | { type: "end" };

/** The columns as they cross to the page: ids packed (see packed-ids.ts). */
export type WireColumns = Omit<TraceColumns, "spanId" | "parentSpanId"> & { spanIds: PackedIds; parentSpanIds: PackedIds };
export type WireBase = Omit<WaterfallBase, "tree"> & { tree: Omit<SpanTree, "trace"> & { trace: WireColumns } };

/**
 * The worker answers with the rows' part first; a big trace's critical path and statistics
 * follow in a second message, so the first rows need not wait for them.
 */
export type WorkerReply =
  | { type: "base"; base: WireBase; analysis: WaterfallAnalysis | null; measures: WorkerMeasure[] }
  | { type: "analysis"; analysis: WaterfallAnalysis; measures: WorkerMeasure[] }
  | { type: "error"; message: string };

/** Above this many spans the analysis is sent on its own, after the rows. */
export const STREAM_ABOVE_SPANS = 20_000;
