// Trace compare's heavy steps, off the main thread: decode and parse both compact traces, then
// align them. A thin shell: the work is lib/trace-compare's, tested there.
import type { CompactTrace } from "@/lib/contract";
import { alignTraces } from "@/lib/trace-compare/align";
import { NODES_PER_MESSAGE, type CompareMeasure, type CompareReply, type CompareRequest } from "./compare-worker-protocol";

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

addEventListener("message", (e: MessageEvent<CompareRequest>) => {
  try {
    scope.postMessage({ type: "step", step: "parse" });
    const decoder = new TextDecoder();
    const parse = (body: ArrayBuffer) => JSON.parse(decoder.decode(body)) as CompactTrace;
    const a = timed("parse A", () => parse(e.data.a));
    const b = timed("parse B", () => parse(e.data.b));
    scope.postMessage({ type: "step", step: "align" });
    const { nodes, ...rest } = timed("align", () => alignTraces(a, b));
    scope.postMessage({ type: "step", step: "receive" });
    const head = { ...rest, nodeCount: nodes.length };
    scope.postMessage({ type: "head", head }, [head.order.buffer, head.subtreeEnd.buffer, head.positionOf.buffer]);
    for (let i = 0; i < nodes.length; i += NODES_PER_MESSAGE) scope.postMessage({ type: "nodes", nodes: nodes.slice(i, i + NODES_PER_MESSAGE) });
    scope.postMessage({ type: "done", measures: takeMeasures() });
  } catch (err) {
    scope.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) });
  }
});
