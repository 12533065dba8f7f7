import type { CompactTrace } from "@/lib/contract";
import { alignTraces, type AlignedNode, type Alignment } from "@/lib/trace-compare/align";
import type { AlignmentHead, CompareMeasure, CompareReply, CompareRequest, CompareStep } from "./compare-worker-protocol";

/** Copies the worker's measures into the page's timeline, where the benchmark and DevTools look. */
function record(measures: CompareMeasure[]) {
  for (const m of measures) performance.measure(m.name, { start: m.at - performance.timeOrigin, duration: m.duration });
}

/**
 * Aligns two traces from their response bodies in a worker: the page keeps only the aligned
 * nodes. The bodies are copied, not transferred, so the caller may keep them (a swap of A and
 * B aligns again without downloading). The worker ends with its last message, or on `signal`.
 */
export function alignInWorker(a: ArrayBuffer, b: ArrayBuffer, onStep: (s: CompareStep) => void, signal?: AbortSignal): Promise<Alignment> {
  if (typeof Worker === "undefined") return alignHere(a, b, onStep);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./compare.worker.ts", import.meta.url), { type: "module", name: "trace-compare" });
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener("abort", onAbort);
    };
    const fail = (err: unknown) => {
      stop();
      reject(err);
    };
    const onAbort = () => fail(signal?.reason ?? new DOMException("aborted", "AbortError"));
    signal?.addEventListener("abort", onAbort);
    worker.addEventListener("error", (e) => fail(new Error(`the comparison's worker failed: ${e.message || "it could not start"}`)));
    let head: AlignmentHead | null = null;
    const nodes: AlignedNode[] = [];
    worker.addEventListener("message", (e: MessageEvent<CompareReply>) => {
      const msg = e.data;
      switch (msg.type) {
        case "step": onStep(msg.step); break;
        case "head": head = msg.head; break;
        case "nodes": for (const n of msg.nodes) nodes.push(n); break;
        case "error": fail(new Error(msg.message)); break;
        case "done": {
          stop();
          record(msg.measures);
          if (!head || nodes.length !== head.nodeCount) return reject(new Error(`the comparison's worker sent ${nodes.length} of ${head?.nodeCount ?? "?"} paths`));
          const { order, subtreeEnd, positionOf, maxDepth, a: overviewA, b: overviewB, counts } = head;
          resolve({ nodes, order, subtreeEnd, positionOf, maxDepth, a: overviewA, b: overviewB, counts });
        }
      }
    });
    const copies = { a: a.slice(0), b: b.slice(0) } satisfies CompareRequest;
    worker.postMessage(copies, [copies.a, copies.b]);
  });
}

/**
 * Lets the browser paint (progress, skeleton) between long steps. `scheduler.yield()`
 * resumes ahead of other queued tasks, so yielding costs no place in the queue.
 */
const paint = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/** Without workers (old browsers), the same steps on the main thread, yielding between them. */
async function alignHere(a: ArrayBuffer, b: ArrayBuffer, onStep: (s: CompareStep) => void): Promise<Alignment> {
  const decoder = new TextDecoder();
  onStep("parse");
  await paint();
  const ta = JSON.parse(decoder.decode(a)) as CompactTrace;
  await paint();
  const tb = JSON.parse(decoder.decode(b)) as CompactTrace;
  onStep("align");
  await paint();
  return alignTraces(ta, tb);
}
