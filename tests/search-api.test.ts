import { describe, expect, it } from "vitest";
import { getJson, hexId, postJson } from "./http";
import { otlpRequest } from "./otlp-json-payloads";
import type { DurationHistogram, TraceSearchPage } from "@/lib/contract";

const BASE = 1_600_000_000;
const window = `start=${BASE}&end=${BASE + 100}`;

async function seed() {
  const traces = [
    { tier: "enterprise", status: 503, ms: 2500 },
    { tier: "enterprise", status: 200, ms: 100 },
    { tier: "free", status: 500, ms: 40 },
  ].map((t, i) => ({ ...t, traceId: hexId(32), root: hexId(16), i }));
  const spans = traces.flatMap((t) => [
    { traceId: t.traceId, spanId: t.root, name: "checkout", start: `${BASE + t.i}000000000`, end: String(BigInt(BASE + t.i) * 1_000_000_000n + BigInt(t.ms) * 1_000_000n),
      attributes: [{ key: "customer.tier", value: { stringValue: t.tier } }] },
    { traceId: t.traceId, spanId: hexId(16), parentSpanId: t.root, name: "charge", start: `${BASE + t.i}000000100`, end: `${BASE + t.i}000000900`,
      attributes: [{ key: "http.response.status_code", value: { intValue: t.status } }], status: { code: t.status >= 500 ? 2 : 0 } },
  ]);
  expect((await postJson("/v1/traces", otlpRequest("search-svc", spans))).status).toBe(200);
  return traces;
}

describe("GET /api/v1/traces?q= (TraceQL)", () => {
  it("finds enterprise checkouts that hit a 5xx, with matched spans and attribute columns", async () => {
    const [ent5xx] = await seed();
    const q = encodeURIComponent('{ span.customer.tier = "enterprise" } >> { span.http.response.status_code >= 500 }');
    const { status, body } = await getJson<TraceSearchPage>(`/api/v1/traces?q=${q}&${window}&columns=span.customer.tier`);
    expect(status).toBe(200);
    expect(body.total).toBe(1);
    expect(body.traces.map((t) => t.traceId)).toEqual([ent5xx.traceId]);
    expect(body.traces[0]).toMatchObject({ matchedSpans: 1, matched: [{ name: "charge" }], columns: { "span.customer.tier": "enterprise" }, errorCount: 1 });
  });

  it("sorts by duration and pages with a cursor", async () => {
    const q = encodeURIComponent('{ resource.service.name = "search-svc" && name = "checkout" }');
    const first = await getJson<TraceSearchPage>(`/api/v1/traces?q=${q}&${window}&sort=duration&order=desc&limit=2`);
    expect(first.body.total).toBe(3);
    expect(first.body.traces.map((t) => t.durationMs)).toEqual([2500, 100]);
    const second = await getJson<TraceSearchPage>(`/api/v1/traces?q=${q}&${window}&sort=duration&order=desc&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.traces.map((t) => t.durationMs)).toEqual([40]);
    expect(second.body.total).toBe(3);
    const hist = await getJson<DurationHistogram>(`/api/v1/traces/duration-histogram?q=${q}&${window}`);
    expect(hist.body.total).toBe(3);
    expect(hist.body.buckets.find((b) => b.fromMs <= 2500 && 2500 < b.toMs)?.count).toBe(1);
  });

  it("400s a syntax error with its position, and an unsupported construct by name", async () => {
    const bad = await getJson<{ error: string; from: number; to: number }>(`/api/v1/traces?q=${encodeURIComponent("{ span.x = }")}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^q: /);
    expect(typeof bad.body.from).toBe("number");
    expect(bad.body.to).toBeGreaterThanOrEqual(bad.body.from);
    const unsupported = await getJson<{ error: string }>(`/api/v1/traces?q=${encodeURIComponent("{ } | select(span.foo)")}`);
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.error).toMatch(/select/);
  });
});
