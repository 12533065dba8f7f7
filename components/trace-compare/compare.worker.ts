// Trace compare's heavy steps, off the main thread: decode and parse each compact trace as it
// arrives, align the two, and pack the result into columns. A thin shell: the work is
// lib/trace-compare's, tested there.
import type { CompactTrace } from "@/lib/contract";
import { alignTraces } from "@/lib/trace-compare/align";
import { packAlignment, packedBuffers } from "@/lib/trace-compare/packed";
import type { CompareMeasure, CompareReply, CompareRequest } from "./compare-worker-protocol";

const scope = self as unknown as { postMessage(msg: CompareReply, transfer?: Transferable[]): void };

function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  const out = fn();
  performance.measure(`compare:${name}`, { start, end: performance.now() });
  return out;
}

function takeMeasures(): CompareMeasure[] {
  const out = performance.getEntriesByType("measure").map((m) => ({ name: m.name, at: performance.timeOrigin + m.startTime, duration: m.duration }));
  performance.clearMeasures();
  return out;
}

const parsed: { a?: CompactTrace; b?: CompactTrace } = {};
const decoder = new TextDecoder();

addEventListener("message", (e: MessageEvent<CompareRequest>) => {
  try {
    const { side, body } = e.data;
    scope.postMessage({ type: "step", step: "parse" });
    parsed[side] = timed(`parse ${side.toUpperCase()}`, () => JSON.parse(decoder.decode(body)) as CompactTrace);
    const { a, b } = parsed;
    if (!a || !b) return;
    scope.postMessage({ type: "step", step: "align" });
    const alignment = timed("align", () => packAlignment(alignTraces(a, b)));
    scope.postMessage({ type: "done", alignment, measures: takeMeasures() }, packedBuffers(alignment));
  } catch (err) {
    scope.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) });
  }
});
