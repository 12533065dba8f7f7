// The waterfall's heavy steps, off the main thread: decode and parse the compact trace,
// build the tree, then the critical path, self times and statistics. A thin shell: the
// work is lib/waterfall's, tested there.
import { typedColumns } from "@/lib/waterfall/columns";
import { analyse, buildBase, timed, type WaterfallAnalysis } from "@/lib/waterfall/model";
import type { CompactTrace } from "@/lib/contract";
import { STREAM_ABOVE_SPANS, type WorkerMeasure, type WorkerReply, type WorkerRequest } from "./trace-worker-protocol";

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

addEventListener("message", (e: MessageEvent<WorkerRequest>) => {
  try {
    const trace = timed("parse", () => typedColumns(JSON.parse(new TextDecoder().decode(e.data.body)) as CompactTrace));
    const base = buildBase(trace);
    if (trace.spanId.length <= STREAM_ABOVE_SPANS) {
      const analysis = analyse(base.tree);
      scope.postMessage({ type: "base", base, analysis, measures: takeMeasures() }, analysisBuffers(analysis));
      return;
    }
    // Copied, not transferred: the analysis still reads the tree.
    scope.postMessage({ type: "base", base, analysis: null, measures: takeMeasures() });
    const analysis = analyse(base.tree);
    scope.postMessage({ type: "analysis", analysis, measures: takeMeasures() }, analysisBuffers(analysis));
  } catch (err) {
    scope.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) });
  }
});
