import type { WaterfallAnalysis, WaterfallModel } from "@/lib/waterfall/model";
import type { WorkerMeasure, WorkerReply, WorkerRequest } from "./trace-worker-protocol";
import { fromWire } from "./wire-columns";

/** Copies the worker's measures into the page's timeline, where the benchmark and DevTools look. */
function record(measures: WorkerMeasure[]) {
  for (const m of measures) performance.measure(m.name, { start: m.at - performance.timeOrigin, duration: m.duration });
}

/**
 * Set once a worker could not start (a blocked or missing script): the page then builds on
 * the main thread, so the query's retry succeeds instead of failing the same way.
 */
let broken = false;

export const workersAvailable = () => typeof Worker !== "undefined" && !broken;

/** A chunk's own buffer moves to the worker; a view into a larger one is copied out first. */
function ownBuffer(chunk: Uint8Array): ArrayBuffer {
  const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer;
  return whole ? (chunk.buffer as ArrayBuffer) : chunk.slice().buffer;
}

export interface TraceWorker {
  /** Hands a piece of the response body to the worker as it arrives; throws once the worker has failed. */
  push(chunk: Uint8Array): void;
  /**
   * The body is complete: the worker parses it and builds the model. Resolves with the rows'
   * part as soon as it is ready; `onAnalysis` gets the critical path and statistics when
   * they follow. The worker ends after its last message.
   */
  build(onAnalysis: (a: WaterfallAnalysis) => void): Promise<WaterfallModel>;
  /** Ends the worker unused (the download failed). */
  dispose(): void;
}

/**
 * Starts the worker at once, so its scripts load while the trace downloads; it ends when
 * `signal` aborts, or after its last message. Null when the browser refuses to start one.
 */
export function startTraceWorker(signal?: AbortSignal): TraceWorker | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL("./trace.worker.ts", import.meta.url), { type: "module", name: "waterfall" });
  } catch {
    broken = true;
    return null;
  }
  const post = (msg: WorkerRequest, transfer: Transferable[] = []) => worker.postMessage(msg, transfer);
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
    broken = true;
    stop();
    failure = new Error(`the waterfall's worker failed: ${e.message || "it could not start"}`);
    fail(failure);
  });
  return {
    dispose: stop,
    push: (chunk) => {
      // A dead worker stops the download at once rather than after the last byte.
      if (failure) throw failure;
      const bytes = ownBuffer(chunk);
      post({ type: "chunk", bytes }, [bytes]);
    },
    build: (onAnalysis) => new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      if (signal?.aborted) return reject(signal.reason);
      fail = reject;
      worker.addEventListener("message", (e: MessageEvent<WorkerReply>) => {
        // The browser copies the message into this thread when `data` is first read.
        const t0 = performance.now();
        const msg = e.data;
        performance.measure(`waterfall:receive-${msg.type}`, { start: t0, end: performance.now() });
        if (msg.type === "error") {
          stop();
          reject(new Error(msg.message));
          return;
        }
        record(msg.measures);
        if (msg.type === "base") {
          if (msg.analysis) stop();
          resolve({ ...fromWire(msg.base), analysis: msg.analysis });
        } else {
          stop();
          onAnalysis(msg.analysis);
        }
      });
      performance.mark("waterfall:body-complete");
      post({ type: "end" });
    }),
  };
}
