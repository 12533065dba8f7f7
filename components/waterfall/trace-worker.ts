import type { WaterfallAnalysis, WaterfallModel } from "@/lib/waterfall/model";
import type { WorkerMeasure, WorkerReply, WorkerRequest } from "./trace-worker-protocol";

/** Copies the worker's measures into the page's timeline, where the benchmark and DevTools look. */
function record(measures: WorkerMeasure[]) {
  for (const m of measures) performance.measure(m.name, { start: m.at - performance.timeOrigin, duration: m.duration });
}

export const workersAvailable = () => typeof Worker !== "undefined";

/**
 * Hands the response body to a worker, which parses it and builds the model. Resolves with
 * the rows' part as soon as it is ready; `onAnalysis` gets the critical path and statistics
 * when they follow. The worker ends after its last message, or when `signal` aborts.
 */
export function buildInWorker(body: ArrayBuffer, onAnalysis: (a: WaterfallAnalysis) => void, signal?: AbortSignal): Promise<WaterfallModel> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./trace.worker.ts", import.meta.url), { type: "module", name: "waterfall" });
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = () => {
      stop();
      reject(signal?.reason ?? new DOMException("aborted", "AbortError"));
    };
    signal?.addEventListener("abort", onAbort);
    worker.addEventListener("error", (e) => {
      stop();
      reject(new Error(`the waterfall's worker failed: ${e.message || "it could not start"}`));
    });
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
  });
}
