import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_ENV, startServer, type TestServer } from "./server";

/**
 * The whole server on embedded ClickHouse (`SPANLENS_SPAN_STORE=clickhouse`,
 * `chdb://<path>`): ingest and the read API answer as on DuckDB (a second server, on
 * DuckDB, gets the same spans), structural TraceQL and aggregates included.
 */
describe("the server on ClickHouse (chDB)", () => {
  let server: TestServer;
  let duck: TestServer;
  const traceId = "ab".repeat(16);
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spanlens-chdb-"));
    [server, duck] = await Promise.all([
      startServer({ env: { ...ADMIN_ENV, TZ: "UTC", SPANLENS_SPAN_STORE: "clickhouse", SPANLENS_CLICKHOUSE_URL: `chdb://${dir}/ch` } }),
      startServer({ env: { ...ADMIN_ENV, TZ: "UTC" } }),
    ]);
    const now = BigInt(Date.now()) * 1_000_000n;
    const span = (id: string, name: string, tier: string, atMs: bigint, ms: bigint) => {
      const start = now - 5_000_000_000n + atMs * 1_000_000n;
      return {
        traceId, spanId: id, name, kind: 2, startTimeUnixNano: String(start), endTimeUnixNano: String(start + ms * 1_000_000n),
        attributes: [{ key: "customer.tier", value: { stringValue: tier } }, { key: "user.id", value: { stringValue: "u1" } }],
      };
    };
    const body = JSON.stringify({ resourceSpans: [{ resource: { attributes: [{ key: "service.name", value: { stringValue: "ch-smoke" } }] }, scopeSpans: [{ spans: [span("cd".repeat(8), "checkout", "gold", 0n, 120n), span("ef".repeat(8), "pay", "free", 10n, 40n)] }] }] });
    for (const s of [server, duck]) {
      const res = await fetch(`${s.url}/v1/traces`, {
        method: "POST", headers: { authorization: `Bearer ${s.apiKey}`, "content-type": "application/json" }, body,
      });
      expect(res.status, await res.text()).toBe(200);
    }
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await duck?.stop();
  });

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
    // Structural TraceQL and aggregates render on ClickHouse too.
    const structural = await get(`/api/v1/traces?since=1h&q=${encodeURIComponent("{ } >> { }")}`);
    expect(structural.status).toBe(200);
    expect(structural.body).toMatchObject({ traces: [] }); // two roots: no span has an ancestor
    const aggregate = await get(`/api/v1/traces?since=1h&q=${encodeURIComponent("{ } | count() > 1")}`);
    expect(aggregate.body).toMatchObject({ traces: [{ traceId, matchedSpans: 2 }] });
  });

  /** The same request to both servers. */
  const both = async (url: string, body?: unknown) => {
    const ask = async (s: TestServer) => {
      const res = await fetch(s.url + url, {
        method: body === undefined ? "GET" : "POST",
        headers: { authorization: `Bearer ${s.apiKey}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    return { ch: await ask(server), duck: await ask(duck) };
  };

  it("answers funnels, drop-offs, attribute statistics, search in a trace and sampling previews as DuckDB does", async () => {
    const steps = ['{ name = "checkout" }', '{ name = "pay" }'];
    const funnel = await both("/api/v1/funnels/query", { steps, by: "span.user.id", since: "1h" });
    expect(funnel.ch.status).toBe(200);
    expect(funnel.ch).toEqual(funnel.duck);
    expect((funnel.ch.body.steps as { count: number }[]).map((s) => s.count)).toEqual([1, 1]);
    const byTier = await both("/api/v1/funnels/query", { steps, by: "span.user.id", since: "1h", breakdown: "span.customer.tier" });
    expect(byTier.ch).toEqual(byTier.duck);
    const dropOff = await both("/api/v1/funnels/drop-off", { steps: [...steps, '{ name = "refund" }'], by: "span.user.id", since: "1h", step: 1 });
    expect(dropOff.ch.status).toBe(200);
    expect(dropOff.ch).toEqual(dropOff.duck);
    expect(dropOff.ch.body).toMatchObject({ total: 1, entities: [{ entity: "u1", traceId }] });
    const stats = await both("/api/v1/attributes/customer.tier/stats?since=1h");
    expect(stats.ch.status).toBe(200);
    expect(stats.ch).toEqual(stats.duck);
    const found = await both(`/api/v1/traces/${traceId}/search?q=${encodeURIComponent("customer.tier=GOLD")}`);
    expect(found.ch.status).toBe(200);
    expect(found.ch).toEqual(found.duck);
    const preview = await both("/api/v1/projects/default/sampling/preview", {
      rules: [{ name: "gold", match: '{ span.customer.tier = "gold" }', rate: 1 }], defaultRate: 0.1,
    });
    expect(preview.ch.status).toBe(200);
    // The preview is of the hour before each request: the two answers differ in their times only.
    const counts = (b: Record<string, unknown>) => ({ ...b, startMs: 0, endMs: 0 });
    expect(counts(preview.ch.body)).toEqual(counts(preview.duck.body));
    expect(preview.ch.body).toMatchObject({ rules: [{ name: "gold", traces: 1, spans: 2 }] });
  });
});
