import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_ENV, startServer, type TestServer } from "./server";

/**
 * The whole server on embedded ClickHouse (`SPANLENS_SPAN_STORE=clickhouse`,
 * `chdb://<path>`): ingest and the read API answer as on DuckDB; what the ClickHouse store
 * cannot do yet answers 501 JSON, never 500.
 */
describe("the server on ClickHouse (chDB)", () => {
  let server: TestServer;
  const traceId = "ab".repeat(16);
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spanlens-chdb-"));
    server = await startServer({ env: { ...ADMIN_ENV, TZ: "UTC", SPANLENS_SPAN_STORE: "clickhouse", SPANLENS_CLICKHOUSE_URL: `chdb://${dir}/ch` } });
    const now = BigInt(Date.now()) * 1_000_000n;
    const span = (id: string, name: string, tier: string, ms: bigint) => ({
      traceId, spanId: id, name, kind: 2, startTimeUnixNano: String(now - 5_000_000_000n), endTimeUnixNano: String(now - 5_000_000_000n + ms * 1_000_000n),
      attributes: [{ key: "customer.tier", value: { stringValue: tier } }, { key: "user.id", value: { stringValue: "u1" } }],
    });
    const res = await fetch(`${server.url}/v1/traces`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "ch-smoke" } }] }, scopeSpans: [{ spans: [span("cd".repeat(8), "checkout", "gold", 120n), span("ef".repeat(8), "pay", "free", 40n)] }] }] }),
    });
    expect(res.status, await res.text()).toBe(200);
  }, 120_000);
  afterAll(() => server?.stop());

  const get = async (url: string) => {
    const res = await fetch(server.url + url, { headers: { authorization: `Bearer ${server.apiKey}` } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it("logs which span store it opened", () => {
    expect(server.log()).toMatch(/span store: ClickHouse \(chDB at /);
  });

  it("searches, reads the trace and its waterfall, charts and lists attributes", async () => {
    const search = await get(`/api/v1/traces?since=1h&q=${encodeURIComponent('{ span.customer.tier = "gold" }')}`);
    expect(search.status).toBe(200);
    expect((search.body.traces as { traceId: string }[]).map((t) => t.traceId)).toEqual([traceId]);
    expect((await get(`/api/v1/traces/${traceId}`)).body).toMatchObject({ traceId, total: 2 });
    expect((await get(`/api/v1/traces/${traceId}/waterfall`)).body).toMatchObject({ traceId, spanCount: 2 });
    const metrics = await get("/api/v1/metrics?since=1h&measure=count&groupBy=span.customer.tier");
    expect((metrics.body.series as { group: Record<string, string>; total: number }[]).map((s) => [s.group["span.customer.tier"], s.total]).sort()).toEqual([["free", 1], ["gold", 1]]);
    expect(((await get("/api/v1/attributes")).body.keys as { key: string }[]).map((k) => k.key)).toContain("customer.tier");
    expect((await get("/api/v1/traces/duration-histogram?since=1h")).body).toMatchObject({ total: 1 });
  });

  it("answers 501 JSON, naming the feature, for what ClickHouse cannot do yet", async () => {
    const funnel = await fetch(`${server.url}/api/v1/funnels/query`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ steps: ['{ name = "checkout" }', '{ name = "pay" }'], by: "span.user.id", since: "1h" }),
    });
    expect(funnel.status).toBe(501);
    expect(((await funnel.json()) as { error: string }).error).toMatch(/not supported on ClickHouse yet/);
    const structural = await get(`/api/v1/traces?since=1h&q=${encodeURIComponent("{ } >> { }")}`);
    expect(structural.status).toBe(501);
  });
});
