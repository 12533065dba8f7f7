import protobuf from "protobufjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OTLP_TRACE_PROTO } from "@/lib/ingest/proto/otlp-trace";
import { otlpProtoBodies } from "@/scripts/bench/otlp-bodies";
import { syntheticTraces } from "@/scripts/bench/synthetic";
import { startServer, type TestServer } from "./server";

const PER_REQUEST = 500;
const REQUESTS = 24;
let server: TestServer;
beforeAll(async () => {
  // A bound barely above one request: while one request's spans wait, the next are refused.
  server = await startServer({ env: { SPANLENS_INGEST_QUEUE_SPANS: "600" } });
});
afterAll(() => server.stop());

const Status = protobuf.parse(OTLP_TRACE_PROTO, { keepCase: false }).root.lookupType("spanlens.otlp.RpcStatus");

describe("backpressure", () => {
  it("answers 429 with Retry-After over the queue bound, and stores everything once senders retry", async () => {
    const spans = [...syntheticTraces({ traces: (PER_REQUEST * REQUESTS) / 10, spansPerTrace: 10, seed: 21, endNs: BigInt(Date.now()) * 1_000_000n })].flat();
    const bodies = otlpProtoBodies(spans, PER_REQUEST);
    const post = (body: Uint8Array) => fetch(`${server.url}/v1/traces`, {
      method: "POST",
      headers: { "content-type": "application/x-protobuf", authorization: `Bearer ${server.apiKey}` },
      body: body as BodyInit,
    });
    const first = await Promise.all(bodies.map(post));
    const statuses = first.map((r) => r.status);
    expect(statuses.filter((s) => s !== 200 && s !== 429), "only 200 or 429").toEqual([]);
    const refused = first.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(Number(r.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(r.headers.get("content-type")).toBe("application/x-protobuf");
      const status = Status.toObject(Status.decode(new Uint8Array(await r.arrayBuffer()))) as { code: number; message: string };
      expect(status.code).toBe(8);
      expect(status.message).toMatch(/ingest queue full/);
    }

    // Retry as an exporter would (sooner than Retry-After, to keep the test short; bounded).
    let pending = bodies.filter((_, i) => statuses[i] === 429);
    for (let attempt = 0; pending.length && attempt < 200; attempt++) {
      await new Promise((r) => setTimeout(r, 100));
      const answers = await Promise.all(pending.map(post));
      expect(answers.map((a) => a.status).filter((s) => s !== 200 && s !== 429)).toEqual([]);
      pending = pending.filter((_, i) => answers[i].status === 429);
    }
    expect(pending).toHaveLength(0);

    const q = new URLSearchParams({ q: '{ resource.deployment.environment.name = "bench" }', since: "2d", limit: "1" });
    const res = await fetch(`${server.url}/api/v1/traces?${q}`, { headers: { authorization: `Bearer ${server.apiKey}` } });
    expect((await res.json()).total).toBe((PER_REQUEST * REQUESTS) / 10);
  });

  it("refuses JSON senders in JSON", async () => {
    // While a large request's spans wait in the queue, a small one is refused. On DuckDB they
    // still wait after the large request's 200 (organising); on ClickHouse a 200 means the
    // INSERT is done and the queue is empty again, so the small requests go out while the
    // large one is in flight, until one is refused or the large one is answered.
    const big = [...syntheticTraces({ traces: 2_000, spansPerTrace: 10, seed: 5, endNs: BigInt(Date.now()) * 1_000_000n })].flat();
    const [bigBody] = otlpProtoBodies(big, big.length);
    let bigDone = false;
    const bigRes = fetch(`${server.url}/v1/traces`, {
      method: "POST", headers: { "content-type": "application/x-protobuf", authorization: `Bearer ${server.apiKey}` }, body: bigBody as BodyInit,
    }).finally(() => (bigDone = true));
    const postSmall = () => fetch(`${server.url}/v1/traces`, {
      method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${server.apiKey}` },
      body: JSON.stringify({ resourceSpans: [] }),
    });
    let small = await postSmall();
    while (small.status !== 429 && !bigDone) {
      await new Promise((r) => setTimeout(r, 10));
      small = await postSmall();
    }
    if (small.status !== 429) small = await postSmall(); // DuckDB: still organising after the 200
    expect((await bigRes).status).toBe(200);
    expect(small.status).toBe(429);
    expect(small.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await small.json()).toMatchObject({ code: 8, error: expect.stringMatching(/ingest queue full/) });
  });
});
