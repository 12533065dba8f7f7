import { afterAll, describe, expect, it } from "vitest";
import { otlpRequest, type SpanSpec } from "./otlp-json-payloads";
import { startServer, type TestServer } from "./server";
import type { TraceDetail, TraceSearchPage } from "@/lib/contract";

const SENDERS = 4;
const TRACES_PER_REQUEST = 25;
const SPANS_PER_TRACE = 8;
/** The load is bounded: the kill comes after this many acknowledgements, or when the budget runs out. */
const KILL_AFTER_ACKS = 40;
const MAX_REQUESTS = 400;

let server: TestServer | null = null;
let restarted: TestServer | null = null;
afterAll(async () => {
  await server?.crash();
  await restarted?.stop();
});

let seq = 0;
const hex = (n: number, len: number) => n.toString(16).padStart(len, "0");

/** One request of fresh traces; ids encode the request so a failure names it. */
function request(): { body: unknown; traces: Map<string, string[]> } {
  const r = ++seq;
  const start = BigInt(Date.now() - 60_000) * 1_000_000n;
  const traces = new Map<string, string[]>();
  const spans: SpanSpec[] = [];
  for (let t = 0; t < TRACES_PER_REQUEST; t++) {
    const traceId = "c0" + hex(r, 8) + hex(t, 22);
    const ids: string[] = [];
    for (let s = 0; s < SPANS_PER_TRACE; s++) {
      const spanId = hex(r, 8) + hex(t * 100 + s + 1, 8);
      ids.push(spanId);
      spans.push({
        traceId, spanId, parentSpanId: s ? ids[0] : undefined, name: `op-${s}`,
        start: String(start + BigInt(s) * 1_000_000n), end: String(start + BigInt(s + 1) * 1_000_000n),
        attributes: [{ key: "crash.request", value: { intValue: r } }, { key: "customer.tier", value: { stringValue: "gold" } }],
      });
    }
    traces.set(traceId, ids);
  }
  return { body: otlpRequest("crash-test", spans), traces };
}

describe("crash safety", () => {
  it("after SIGKILL mid-load, a restart finds every acknowledged span exactly once", { timeout: 240_000 }, async () => {
    server = await startServer();
    const { url, apiKey, dataDir } = server;
    const acked = new Map<string, string[]>();
    let acks = 0;
    let sent = 0;
    let killing: Promise<void> | null = null;

    await Promise.all(Array.from({ length: SENDERS }, async () => {
      while (!killing && sent < MAX_REQUESTS) {
        sent++;
        const { body, traces } = request();
        let res: Response;
        try {
          res = await fetch(`${url}/v1/traces`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
            body: JSON.stringify(body),
          });
          await res.arrayBuffer();
        } catch {
          return; // the server is gone: this request was never acknowledged
        }
        if (res.status !== 200) continue;
        for (const [id, spans] of traces) acked.set(id, spans);
        // Kill while the other senders' requests are in flight, some of them mid-commit.
        if (++acks === KILL_AFTER_ACKS) killing = server!.crash();
      }
    }));
    await killing;
    expect(acks).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    restarted = await startServer({ dataDir, apiKey });
    const headers = { authorization: `Bearer ${apiKey}` };
    const stored = new Map<string, number>();
    for (let cursor: string | null = ""; cursor !== null;) {
      const q = new URLSearchParams({ q: '{ resource.service.name = "crash-test" }', since: "24h", limit: "1000" });
      if (cursor) q.set("cursor", cursor);
      const res = await fetch(`${restarted.url}/api/v1/traces?${q}`, { headers });
      expect(res.status).toBe(200);
      const page = (await res.json()) as TraceSearchPage;
      for (const t of page.traces) stored.set(t.traceId, t.spanCount);
      cursor = page.nextCursor;
    }
    const missing = [...acked.keys()].filter((id) => stored.get(id) !== SPANS_PER_TRACE);
    expect(missing, `acknowledged traces not stored whole (of ${acked.size})`).toEqual([]);

    // Span by span, for a sample: each acknowledged span is there once, and nothing else.
    for (const traceId of [...acked.keys()].filter((_, i) => i % 97 === 0)) {
      const res = await fetch(`${restarted.url}/api/v1/traces/${traceId}`, { headers });
      const detail = (await res.json()) as TraceDetail;
      expect(detail.spans.map((s) => s.spanId).sort()).toEqual([...acked.get(traceId)!].sort());
    }
  });
});
