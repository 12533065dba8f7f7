import type { PackedAlignment } from "@/lib/trace-compare/packed";

/** A user-timing measure taken in the worker, on the wall clock (its time origin is not the page's). */
export interface CompareMeasure {
  name: string;
  /** `performance.timeOrigin + startTime` in the worker. */
  at: number;
  duration: number;
}

/**
 * One trace's response body, undecoded, as a transferred buffer. The page sends each side as
 * soon as it has downloaded: the worker parses A while B is still arriving, and aligns when it
 * has both.
 */
export interface CompareRequest {
  side: "a" | "b";
  body: ArrayBuffer;
}

/** Where the worker is, for the page's progress line. */
export type CompareStep = "parse" | "align";

/**
 * The worker names each step as it starts, then sends the whole alignment in one message: typed
 * columns and one string table, every buffer transferred, so receiving it costs the page nothing
 * however many paths there are (two random 100,000-span traces align into about 200,000).
 */
export type CompareReply =
  | { type: "step"; step: CompareStep }
  | { type: "done"; alignment: PackedAlignment; measures: CompareMeasure[] }
  | { type: "error"; message: string };
