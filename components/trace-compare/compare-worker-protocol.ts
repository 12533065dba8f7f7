import type { Alignment, AlignedNode } from "@/lib/trace-compare/align";

/** A user-timing measure taken in the worker, on the wall clock (its time origin is not the page's). */
export interface CompareMeasure {
  name: string;
  /** `performance.timeOrigin + startTime` in the worker. */
  at: number;
  duration: number;
}

/** Both response bodies, undecoded, as transferred buffers. */
export interface CompareRequest {
  a: ArrayBuffer;
  b: ArrayBuffer;
}

/** Where the worker is, for the page's progress line. */
export type CompareStep = "parse" | "align" | "receive";

/** The alignment without its nodes: its typed arrays move to the page without a copy. */
export type AlignmentHead = Omit<Alignment, "nodes"> & { nodeCount: number };

/**
 * The worker names each step as it starts, then sends the alignment's head and its nodes in
 * slices: the page decodes each slice in a task of its own, so no message holds the main thread
 * long, however many paths the traces have.
 */
export type CompareReply =
  | { type: "step"; step: CompareStep }
  | { type: "head"; head: AlignmentHead }
  | { type: "nodes"; nodes: AlignedNode[] }
  | { type: "done"; measures: CompareMeasure[] }
  | { type: "error"; message: string };

/**
 * Aligned nodes per message: each is decoded on the page in a task of its own, which stays well
 * under 50 ms even on a loaded machine (4,000 took 100-170 ms there). Paths are not always few:
 * two random 100,000-span traces share few, and align into about 200,000.
 */
export const NODES_PER_MESSAGE = 500;
