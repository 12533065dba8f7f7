import type { WaterfallAnalysis, WaterfallModel } from "@/lib/waterfall/model";
import type { WorkerMeasure, WorkerReply, WorkerRequest } from "./trace-worker-protocol";

/** Copies the worker's measures into the page's timeline, where the benchmark and DevTools look. */
function record(measures: WorkerMeasure[]) {
  for (const m of measures) performance.measure(m.name, { start: m.at - performance.timeOrigin, duration: m.duration });
}

export const workersAvailable = () => typeof Worker !== "undefined";

export interface TraceWorker {
  /**
   * Hands the response body to the worker, which parses it and builds the model. Resolves
   * with the rows' part as soon as it is ready; `onAnalysis` gets the critical path and
   * statistics when they follow. The worker ends after its last message.
   */
  build(body: ArrayBuffer, onAnalysis: (a: WaterfallAnalysis) => void): Promise<WaterfallModel>;
  /** Ends the worker unused (the download failed). */
  dispose(): void;
}

/**
 * Starts the worker at once, so its scripts load while the trace downloads; it ends when
 * `signal` aborts, or after its last message.
 */
export function startTraceWorker(signal?: AbortSignal): TraceWorker {
  const worker = new Worker(new URL("./trace.worker.ts", import.meta.url), { type: "module", name: "waterfall" });
  let fail: (err: unknown) => void = () => {};
  const stop = () => {
    worker.terminate();
    signal?.removeEventListener("abort", onAbort);
  };
  const onAbort = () => {
    stop();
    fail(signal?.reason ?? new DOMException("aborted", "AbortError"));
  };
  signal?.addEventListener("abort", onAbort);
  let failure: Error | null = null;
  worker.addEventListener("error", (e) => {
    stop();
    failure = new Error(`the waterfall's worker failed: ${e.message || "it could not start"}`);
    fail(failure);
  });
  return {
    dispose: stop,
    build: (body, onAnalysis) => new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      fail = reject;
      worker.addEventListener("message", (e: MessageEvent<WorkerReply>) => {
        const msg = e.data;
        if (msg.type === "error") {
          stop();
          reject(new Error(msg.message));
          return;
        }
        record(msg.measures);
        if (msg.type === "base") {
          if (msg.analysis) stop();
          resolve({ ...msg.base, analysis: msg.analysis });
        } else {
          stop();
          onAnalysis(msg.analysis);
        }
      });
      worker.postMessage({ body } satisfies WorkerRequest, [body]);
    }),
  };
}
