import fs from "node:fs";
import { median } from "./machine";

export interface LoadResult {
  spans: number;
  seconds: number;
  ackMs: number[];
  statuses: Map<number, number>;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN;
};
export const ackSummary = (r: LoadResult) => ({ p50: median(r.ackMs), p99: percentile(r.ackMs, 0.99) });

async function post(url: string, apiKey: string, body: Uint8Array) {
  const t0 = performance.now();
  const res = await fetch(`${url}/v1/traces`, {
    method: "POST",
    headers: { "content-type": "application/x-protobuf", authorization: `Bearer ${apiKey}` },
    body: body as BodyInit,
  });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - t0, retryAfter: Number(res.headers.get("retry-after") ?? 0) };
}

/**
 * Closed loop, as SDK batch exporters behave: `senders` concurrent clients, each posting
 * the next body once its previous one was answered. Refused bodies are retried after
 * Retry-After, as OTLP exporters do, so every span ends up stored.
 */
export async function closedLoop(url: string, apiKey: string, bodies: Uint8Array[], spansPer: number, senders: number) {
  const result: LoadResult = { spans: 0, seconds: 0, ackMs: [], statuses: new Map() };
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: senders }, async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      for (;;) {
        const r = await post(url, apiKey, body);
        result.statuses.set(r.status, (result.statuses.get(r.status) ?? 0) + 1);
        if (r.status === 200) {
          result.ackMs.push(r.ms);
          result.spans += spansPer;
          break;
        }
        if (r.status !== 429 && r.status !== 503) throw new Error(`ingest answered ${r.status}`);
        await new Promise((res) => setTimeout(res, Math.max(1, r.retryAfter) * 1000));
      }
    }
  }));
  result.seconds = (performance.now() - t0) / 1000;
  return result;
}

/**
 * Open loop at a fixed offered rate (bodies/s), as many independent services would send:
 * requests are not held back by slow answers, so an overload shows as refusals and memory.
 * Samples the server's RSS meanwhile.
 */
export async function openLoop(url: string, apiKey: string, bodies: Uint8Array[], perSecond: number, pid: number) {
  const statuses = new Map<number, number>();
  const errors = new Map<string, number>();
  let peakRssMb = 0;
  /** RSS at each 5 s mark, to show whether memory levels off or keeps growing. */
  const rssEvery5s: number[] = [];
  const started = performance.now();
  const sampler = setInterval(() => {
    const rss = rssMb(pid);
    peakRssMb = Math.max(peakRssMb, rss);
    if ((performance.now() - started) / 5000 >= rssEvery5s.length + 1) rssEvery5s.push(rss);
  }, 100);
  const inflight: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < bodies.length; i++) {
    const due = t0 + (i / perSecond) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(post(url, apiKey, bodies[i]).then(
      (r) => void statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1),
      (err: Error) => {
        statuses.set(0, (statuses.get(0) ?? 0) + 1);
        const why = String((err.cause as Error | undefined)?.message ?? err.message);
        errors.set(why, (errors.get(why) ?? 0) + 1);
      },
    ));
  }
  await Promise.all(inflight);
  clearInterval(sampler);
  return { statuses, errors, peakRssMb, rssEvery5s, seconds: (performance.now() - t0) / 1000 };
}

export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
