// The waterfall's heavy steps, off the main thread: decode the body as its chunks arrive,
// parse it, build the tree, then the critical path, self times and statistics. A thin
// shell: the work is lib/waterfall's, tested there.
import { typedColumns } from "@/lib/waterfall/columns";
import { analyse, buildBase, timed, type WaterfallAnalysis } from "@/lib/waterfall/model";
import type { CompactTrace } from "@/lib/contract";
import { STREAM_ABOVE_SPANS, type WorkerMeasure, type WorkerReply, type WorkerRequest } from "./trace-worker-protocol";
import { toWire } from "./wire-columns";

const scope = self as unknown as { postMessage(msg: WorkerReply, transfer?: Transferable[]): void };

function takeMeasures(): WorkerMeasure[] {
  const out = performance.getEntriesByType("measure").map((m) => ({ name: m.name, at: performance.timeOrigin + m.startTime, duration: m.duration }));
  performance.clearMeasures();
  return out;
}

/** The analysis' arrays are not needed here afterwards: they move to the page without a copy. */
const analysisBuffers = (a: WaterfallAnalysis): Transferable[] => {
  const { onPath, rows, from, to, next, head } = a.critical;
  return [onPath, rows, from, to, next, head, a.selfNs].map((x) => x.buffer);
};

const decoder = new TextDecoder();
const parts: string[] = [];
let decodeMs = 0;

function build() {
  parts.push(decoder.decode());
  performance.measure("waterfall:decode", { start: performance.now() - decodeMs, duration: decodeMs });
  const trace = timed("parse", () => typedColumns(JSON.parse(parts.join("")) as CompactTrace));
  parts.length = 0;
  const base = buildBase(trace);
  if (trace.spanId.length <= STREAM_ABOVE_SPANS) {
    const analysis = analyse(base.tree);
    scope.postMessage({ type: "base", base: toWire(base), analysis, measures: takeMeasures() }, analysisBuffers(analysis));
    return;
  }
  // Copied, not transferred: the analysis still reads the tree.
  scope.postMessage({ type: "base", base: toWire(base), analysis: null, measures: takeMeasures() });
  const analysis = analyse(base.tree);
  scope.postMessage({ type: "analysis", analysis, measures: takeMeasures() }, analysisBuffers(analysis));
}

addEventListener("message", (e: MessageEvent<WorkerRequest>) => {
  try {
    if (e.data.type === "chunk") {
      const t0 = performance.now();
      parts.push(decoder.decode(new Uint8Array(e.data.bytes), { stream: true }));
      decodeMs += performance.now() - t0;
    } else build();
  } catch (err) {
    scope.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) });
  }
});
