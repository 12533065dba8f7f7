import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { traceRandomness } from "@/lib/sampling/sampler";
import { otlpRequest, type SpanSpec } from "./otlp-json-payloads";
import { sessionHeaders } from "./auth-helpers";
import { ADMIN_ENV, startServer, TEST_ADMIN, type TestServer } from "./server";
import type { TraceDetail } from "@/lib/contract";

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ env: ADMIN_ENV });
});
afterAll(() => server.stop());

const auth = () => ({ authorization: `Bearer ${server.apiKey}` });
const json = (method: string, body: unknown) => ({
  method, headers: { ...auth(), "content-type": "application/json" }, body: JSON.stringify(body),
});
const policyUrl = () => `${server.url}/api/v1/projects/default/sampling`;
const put = async (body: unknown) => {
  const res = await fetch(policyUrl(), {
    method: "PUT", headers: { ...(await sessionHeaders(server.url, TEST_ADMIN)), "content-type": "application/json" }, body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};

let n = 0;
const hex = (len: number) => {
  n++;
  let s = "";
  while (s.length < len) s += Math.floor(Math.random() * 16).toString(16);
  return (n.toString(16) + s).slice(0, len);
};
const now = () => BigInt(Date.now() - 60_000) * 1_000_000n;

function span(traceId: string, over: Partial<SpanSpec> = {}): SpanSpec {
  const start = now();
  return { traceId, spanId: hex(16), name: "op", start: String(start), end: String(start + 1_000_000n), ...over };
}
const ingest = async (spans: SpanSpec[]) => {
  const res = await fetch(`${server.url}/v1/traces`, json("POST", otlpRequest("sampled", spans)));
  expect(res.status).toBe(200);
};
const spansOf = async (traceId: string) => {
  const res = await fetch(`${server.url}/api/v1/traces/${traceId}`, { headers: auth() });
  return res.status === 404 ? 0 : ((await res.json()) as TraceDetail).spans.length;
};

describe("sampling rules", () => {
  it("names the field of a bad policy and stores nothing", async () => {
    const bad = await put({ rules: [{ name: "x", match: "{ span.a = }", rate: 1, priority: 1 }], defaultRate: 0.1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^rules\[0\]\.match: /);
    expect(bad.body).toHaveProperty("from");
    expect((await put({ rules: [{ name: "x", match: "{}", rate: 2 }], defaultRate: 1 })).body.error).toMatch(/^rules\[0\]\.rate: /);
    expect((await put({ rules: [], defaultRate: -1 })).body.error).toMatch(/^defaultRate: /);
    const structural = await put({ rules: [{ name: "x", match: "{ name = \"a\" } > { status = error }", rate: 1 }], defaultRate: 1 });
    expect(structural.status).toBe(400);
    expect((await (await fetch(policyUrl(), { headers: auth() })).json())).toMatchObject({ rules: [], defaultRate: 1 });
  });

  it("keeps or drops whole traces by the first matching rule, consistently across requests", async () => {
    const saved = await put({
      rules: [
        { name: "premium", match: '{ span.customer.tier =~ "premium|enterprise" }', rate: 1, priority: 5 },
        { name: "errors", match: "{ status = error }", rate: 1, priority: 10 },
      ],
      defaultRate: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.rules.map((r: { name: string }) => r.name)).toEqual(["errors", "premium"]);

    const errorTrace = hex(32);
    const premiumTrace = hex(32);
    const plainTrace = hex(32);
    await ingest([
      span(errorTrace, { status: { code: 2 } }),
      span(premiumTrace, { attributes: [{ key: "customer.tier", value: { stringValue: "premium" } }] }),
      span(plainTrace),
    ]);
    // Later spans of the same traces, matching no rule, follow the first decision.
    await ingest([span(errorTrace), span(premiumTrace), span(plainTrace, { status: { code: 2 } })]);
    expect(await spansOf(errorTrace)).toBe(2);
    expect(await spansOf(premiumTrace)).toBe(2);
    expect(await spansOf(plainTrace)).toBe(0);
  });

  it("keeps a trace at a rate by its trace id, and records the rate for weighting", async () => {
    expect((await put({ rules: [], defaultRate: 0.5 })).status).toBe(200);
    const ids = Array.from({ length: 60 }, () => hex(32));
    await ingest(ids.map((t) => span(t)));
    const expected = ids.filter((t) => traceRandomness(t) < 0.5);
    const kept = [];
    for (const t of ids) if (await spansOf(t)) kept.push(t);
    expect(kept).toEqual(expected);
    const noveum = await fetch(`${server.url}/api/v1/traces`, json("POST", {
      traces: ids.slice(0, 10).map((trace_id) => ({
        trace_id, name: "n", start_time: new Date().toISOString(), end_time: new Date().toISOString(), spans: [],
      })),
    }));
    const reply = await noveum.json();
    expect(reply.received).toBe(10);
    expect(reply.sampledOut ?? 0).toBe(ids.slice(0, 10).filter((t) => traceRandomness(t) >= 0.5).length);
  });

  it("previews a draft on the last hour, then goes back to keeping everything", async () => {
    const premium = hex(32);
    await put({ rules: [], defaultRate: 1 });
    await ingest([span(premium, { attributes: [{ key: "customer.tier", value: { stringValue: "enterprise" } }] })]);
    const res = await fetch(`${policyUrl()}/preview`, json("POST", {
      rules: [{ name: "premium", match: '{ span.customer.tier = "enterprise" }', rate: 1 }], defaultRate: 0.1,
    }));
    expect(res.status).toBe(200);
    const preview = await res.json();
    expect(preview.rules[0]).toMatchObject({ name: "premium", rate: 1, traces: 1, keptTraces: 1 });
    expect(preview.unmatched.traces).toBeGreaterThan(0);
    expect(preview.total.traces).toBe(preview.rules[0].traces + preview.unmatched.traces);
    expect(await spansOf(premium)).toBe(1);
    expect((await (await fetch(policyUrl(), { headers: auth() })).json())).toMatchObject({ rules: [], defaultRate: 1, updatedAt: null });
  });
});
