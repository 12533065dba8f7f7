import { writeBatchJob } from "./batch-job";
import { makeCatalog, makeCustomers } from "./customers";
import { sendNoveumTraces } from "./noveum";
import { Pipeline } from "./pipeline";
import { HOUR, MINUTE, Random, SeededIdGenerator } from "./random";
import { writeTraffic, type Window } from "./traffic";
import { Writer } from "./writer";

export interface DemoOptions {
  baseUrl: string;
  apiKey: string;
  /** Ordinary traces (funnel steps, workflows, event handlers); default 2000. */
  traces?: number;
  /** Span counts of the big batch-job traces; default [5000, 50000]. */
  bigTraceSpans?: number[];
  /** Traces sent in the Noveum format; default 40. */
  noveumTraces?: number;
  /** End of the 24-hour window the data is spread over; default the current time. */
  now?: Date;
  seed?: number;
  onProgress?: (msg: string) => void;
}

function mixSeed(seed: number, nowMs: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const part of [nowMs % 2 ** 32, Math.floor(nowMs / 2 ** 32)]) {
    h = Math.imul(h ^ part, 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
  }
  return h;
}

/** The big traces are scheduled jobs; each starts when its cron would have fired in the window. */
const BIG_JOBS = [
  { name: "hourly-inventory-sync", schedule: "0 * * * *" },
  { name: "nightly-reconciliation", schedule: "0 2 * * *" },
];

function jobStart(schedule: string, index: number, window: Window): number {
  const nowMs = window.endUs / 1000;
  const latest = nowMs - 10 * 60_000;
  if (schedule === "0 * * * *") return (Math.floor(nowMs / 3_600_000) - 3) * 3_600_000 * 1000;
  if (schedule === "0 2 * * *") {
    const today = Math.floor(nowMs / 86_400_000) * 86_400_000 + 2 * 3_600_000;
    const fired = today <= latest ? today : today - 86_400_000;
    return Math.max(fired * 1000, window.startUs + MINUTE);
  }
  return window.startUs + (2 + 3 * index) * HOUR;
}

/**
 * Sends a day of demo telemetry through the real OpenTelemetry SDK (OTLP JSON and
 * protobuf) and a few Noveum-format batches. Throws if any export failed or any span
 * was dropped. The same seed and `now` always produce the same data; a different `now`
 * gives fresh ids.
 */
export async function sendDemoData(opts: DemoOptions): Promise<{ traces: number; spans: number }> {
  const target = opts.traces ?? 2000;
  const bigTraceSpans = opts.bigTraceSpans ?? [5000, 50000];
  const noveumCount = opts.noveumTraces ?? 40;
  const seed = opts.seed ?? 42;
  const nowMs = (opts.now ?? new Date()).getTime();
  const progress = opts.onProgress ?? (() => {});
  const window: Window = { startUs: (nowMs - 24 * 3_600_000) * 1000, endUs: nowMs * 1000 };

  // `now` is mixed in so a reload (`npm run demo -- --reload`) never reuses trace ids or
  // session ids. Separate streams, so changing one part (say, the trace count) leaves the
  // others unchanged.
  const base = mixSeed(seed, nowMs);
  const pipe = new Pipeline({ baseUrl: opts.baseUrl, apiKey: opts.apiKey, idGenerator: new SeededIdGenerator(new Random(base ^ 0x1d5)) });
  const world = new Random(base);
  const customers = makeCustomers(world, Math.max(40, Math.round(target / 5)));
  const catalog = makeCatalog(world, 40);

  let otelSpans: number;
  try {
    const w = new Writer(pipe, new Random(base + 1));
    const step = Math.max(1, Math.round(target / 10));
    let done = 0;
    await writeTraffic({ w, window, customers, catalog, onTrace: async () => {
      done++;
      await pipe.settle();
      if (done % step === 0 || done === target) progress(`traces ${done}/${target} (${pipe.spansEnded} spans)`);
    } }, target);

    const bw = new Writer(pipe, new Random(base + 2));
    for (const [i, spans] of bigTraceSpans.entries()) {
      const job = BIG_JOBS[i] ?? { name: `batch-job-${i}`, schedule: "@daily" };
      await writeBatchJob(bw, { ...job, spans, startUs: jobStart(job.schedule, i, window) + bw.rand.int(50, 900) * 1000 });
      progress(`big trace ${job.name}: ${spans} spans`);
    }
    otelSpans = await pipe.close();
  } catch (err) {
    await pipe.abort();
    throw err;
  }
  progress(`OTLP: ${otelSpans} spans delivered, ${pipe.tracesWithErrors} traces with errors`);

  const noveum = await sendNoveumTraces({
    baseUrl: opts.baseUrl,
    apiKey: opts.apiKey,
    rand: new Random(base + 3),
    count: noveumCount,
    windowStartMs: nowMs - 24 * 3_600_000,
    windowEndMs: nowMs,
    sentAtMs: nowMs,
  });
  progress(`Noveum: ${noveum.traces} traces, ${noveum.spans} spans`);

  return { traces: target + bigTraceSpans.length + noveum.traces, spans: otelSpans + noveum.spans };
}
