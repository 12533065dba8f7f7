import type { CompactTrace } from "@/lib/contract";
import { alignTraces } from "@/lib/trace-compare/align";
import { packAlignment, type PackedAlignment } from "@/lib/trace-compare/packed";
import type { CompareMeasure, CompareReply, CompareRequest, CompareStep } from "./compare-worker-protocol";

/** Copies the worker's measures into the page's timeline, where the benchmark and DevTools look. */
function record(measures: CompareMeasure[]) {
  for (const m of measures) performance.measure(m.name, { start: m.at - performance.timeOrigin, duration: m.duration });
}

export interface CompareWorker {
  /**
   * Hands one trace's body to the worker, which parses it at once. The body is copied, not
   * transferred, so the caller may keep it (a swap of A and B aligns again without downloading).
   */
  send(side: "a" | "b", body: ArrayBuffer): void;
  /** The alignment, once both sides are sent. */
  result: Promise<PackedAlignment>;
  /** Ends the worker unused (a download failed). */
  dispose(): void;
}

/**
 * Starts the comparison's worker at once, so its scripts load while the traces download; it
 * ends with its last message, on `dispose`, or when `signal` aborts.
 */
export function startCompareWorker(onStep: (s: CompareStep) => void, signal?: AbortSignal): CompareWorker {
  if (typeof Worker === "undefined") return alignHere(onStep);
  const worker = new Worker(new URL("./compare.worker.ts", import.meta.url), { type: "module", name: "trace-compare" });
  let settle: { resolve: (p: PackedAlignment) => void; reject: (err: unknown) => void };
  const result = new Promise<PackedAlignment>((resolve, reject) => (settle = { resolve, reject }));
  // A caller that disposes after a failed download never awaits this: no unhandled rejection.
  result.catch(() => {});
  const stop = () => {
    worker.terminate();
    signal?.removeEventListener("abort", onAbort);
  };
  const fail = (err: unknown) => {
    stop();
    settle.reject(err);
  };
  const onAbort = () => fail(signal?.reason ?? new DOMException("aborted", "AbortError"));
  signal?.addEventListener("abort", onAbort);
  worker.addEventListener("error", (e) => fail(new Error(`the comparison's worker failed: ${e.message || "it could not start"}`)));
  worker.addEventListener("message", (e: MessageEvent<CompareReply>) => {
    const msg = e.data;
    if (msg.type === "step") return onStep(msg.step);
    if (msg.type === "error") return fail(new Error(msg.message));
    stop();
    record(msg.measures);
    settle.resolve(msg.alignment);
  });
  return {
    result,
    dispose: () => fail(new DOMException("disposed", "AbortError")),
    send: (side, body) => {
      const copy = body.slice(0);
      worker.postMessage({ side, body: copy } satisfies CompareRequest, [copy]);
    },
  };
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
function alignHere(onStep: (s: CompareStep) => void): CompareWorker {
  const bodies: { a?: ArrayBuffer; b?: ArrayBuffer } = {};
  let settle: { resolve: (p: PackedAlignment) => void; reject: (err: unknown) => void };
  const result = new Promise<PackedAlignment>((resolve, reject) => (settle = { resolve, reject }));
  result.catch(() => {});
  const run = async (a: ArrayBuffer, b: ArrayBuffer) => {
    const decoder = new TextDecoder();
    onStep("parse");
    await paint();
    const ta = JSON.parse(decoder.decode(a)) as CompactTrace;
    await paint();
    const tb = JSON.parse(decoder.decode(b)) as CompactTrace;
    onStep("align");
    await paint();
    return packAlignment(alignTraces(ta, tb));
  };
  return {
    result,
    dispose: () => settle.reject(new DOMException("disposed", "AbortError")),
    send: (side, body) => {
      bodies[side] = body;
      if (bodies.a && bodies.b) run(bodies.a, bodies.b).then(settle.resolve, settle.reject);
    },
  };
}
