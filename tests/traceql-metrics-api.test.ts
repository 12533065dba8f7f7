import { beforeAll, describe, expect, it } from "vitest";
import type { MetricsResult, TraceSearchPage } from "@/lib/contract";
import { getJson, hexId, postJson } from "./http";
import { otlpRequest } from "./otlp-json-payloads";

const BASE = 1_600_000_000;
const FILTER = '{ resource.service.name = "tqlm-svc" }';
const RANGE = `start=${BASE}&end=${BASE + 600}&step=1m`;

/** [name, tier, second, duration ms, amount] */
const SPANS: [string, string, number, number, number][] = [
  ["checkout", "gold", 0, 3, 10], ["checkout", "gold", 10, 120, 20], ["checkout", "free", 70, 900, 5],
  ["checkout", "free", 130, 40, 1], ["search", "free", 5, 2, 2], ["search", "gold", 65, 7, 4],
  ["search", "free", 66, 8, 4], ["search", "free", 67, 9, 4], ["login", "gold", 140, 1500, 0],
];

const metrics = (qs: string) => getJson<MetricsResult & { error?: string; from?: number; to?: number }>(`/api/v1/metrics?${qs}&${RANGE}`);
const tql = (q: string) => metrics(`q=${encodeURIComponent(q)}`);
const builder = (measure: string, groupBy = "") =>
  metrics(`q=${encodeURIComponent(FILTER)}&measure=${encodeURIComponent(measure)}${groupBy ? `&groupBy=${groupBy}` : ""}`);

beforeAll(async () => {
  const spans = SPANS.map(([name, tier, at, ms, amount]) => ({
    traceId: hexId(32), spanId: hexId(16), name,
    start: `${BASE + at}000000000`, end: String(BigInt(BASE + at) * 1_000_000_000n + BigInt(ms) * 1_000_000n),
    attributes: [{ key: "customer.tier", value: { stringValue: tier } }, { key: "order.amount", value: { intValue: String(amount) } }],
  }));
  expect((await postJson("/v1/traces", otlpRequest("tqlm-svc", spans))).status).toBe(200);
});

describe("GET /api/v1/metrics?q=<TraceQL metrics>", () => {
  it.each([
    [`${FILTER} | rate() by (span.customer.tier)`, "rate", "span.customer.tier"],
    [`${FILTER} | count_over_time() by (name, span.customer.tier)`, "count", "name,span.customer.tier"],
    [`${FILTER} | avg_over_time(duration) by (name)`, "avg(duration)", "name"],
    [`${FILTER} | min_over_time(duration)`, "min(duration)", ""],
    [`${FILTER} | max_over_time(span.order.amount) by (resource.service.name)`, "max(span.order.amount)", "service"],
    [`${FILTER} | sum_over_time(span.order.amount) by (span.customer.tier)`, "sum(span.order.amount)", "span.customer.tier"],
    [`${FILTER} | quantile_over_time(duration, .95) by (name)`, "p95(duration)", "name"],
    [`${FILTER} | quantile_over_time(duration, 0.75)`, "p75(duration)", ""],
  ])("%s answers as the builder's measure=%s groupBy=%s", async (q, measure, groupBy) => {
    const [text, params] = [await tql(q), await builder(measure, groupBy)];
    expect(params.status).toBe(200);
    expect(text.status).toBe(200);
    expect(text.body.series.length).toBeGreaterThan(0);
    expect(text.body).toEqual(params.body);
  });

  it("rate is spans per second of the step, as in Tempo", async () => {
    const r = await tql(`${FILTER} | rate()`);
    expect(r.body.series[0].points.slice(0, 3)).toEqual([
      { t: BASE * 1000, v: 3 / 60 }, { t: (BASE + 60) * 1000, v: 4 / 60 }, { t: (BASE + 120) * 1000, v: 2 / 60 },
    ]);
  });

  it("several quantiles: one series each, labelled p", async () => {
    const r = await tql(`${FILTER} | quantile_over_time(duration, .5, .9)`);
    expect(r.status).toBe(200);
    const p50 = await builder("p50(duration)");
    const p90 = await builder("p90(duration)");
    expect(r.body.series.map((s) => s.group)).toEqual([{ p: 0.5 }, { p: 0.9 }]);
    expect(r.body.series[0].points).toEqual(p50.body.series[0].points);
    expect(r.body.series[1].total).toBe(p90.body.series[0].total);
  });

  it("histogram_over_time: spans per power-of-two bucket, labelled by its upper bound in seconds", async () => {
    const r = await tql(`${FILTER} | histogram_over_time(duration)`);
    expect(r.status).toBe(200);
    const expected = new Map<number, number>();
    for (const [, , , ms] of SPANS) {
      const bound = 2 ** Math.ceil(Math.log2(ms * 1e6)) / 1e9;
      expected.set(bound, (expected.get(bound) ?? 0) + 1);
    }
    expect(r.body.series.map((s) => [s.group.__bucket, s.count])).toEqual([...expected].sort((a, b) => a[0] - b[0]));
  });

  it("topk and bottomk keep the n highest (lowest) series at each step", async () => {
    const top = await tql(`${FILTER} | count_over_time() by (name) | topk(1)`);
    expect(top.status).toBe(200);
    // Minute 0: checkout 2 (search 1); minute 1: search 3; minute 2: checkout 1 and login 1 tie, checkout sorts first.
    expect(top.body.series.map((s) => [s.group.name, s.points.map((p) => (p.t / 1000 - BASE) / 60)])).toEqual([
      ["checkout", [0, 2]], ["search", [1]],
    ]);
    const bottom = await tql(`${FILTER} | count_over_time() by (name) | bottomk(1)`);
    expect(bottom.body.series.map((s) => [s.group.name, s.points.map((p) => (p.t / 1000 - BASE) / 60)])).toEqual([
      ["checkout", [1, 2]], ["search", [0]],
    ]);
  });

  it.each([
    [`${FILTER} | rate() > 10`, "not supported: comparing a metrics query with a value (> after rate())", 48],
    [`(${FILTER} | rate()) / (${FILTER} | count_over_time())`, "not supported: arithmetic between metrics queries (/)", 50],
    [`${FILTER} | rate() with(sample=0.1)`, "not supported: with() query hints (with(sample=0.1))", 48],
    [`${FILTER} | rate() by (name, kind, status)`, "not supported: more than 2 by() fields", 64],
  ])("names %s as not supported, with its position", async (q, message, from) => {
    const r = await tql(q);
    expect(r.status).toBe(400);
    expect(r.body.error).toContain(`q: ${message}`);
    expect(r.body.from).toBe(from);
  });

  it("answers a syntax error with its position, and refuses measure/groupBy beside a metrics query", async () => {
    const bad = await tql("{ .a = } | rate()");
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'q: syntax error near "}"', from: 7, to: 7 });
    const both = await metrics(`q=${encodeURIComponent("{ } | rate()")}&measure=count`);
    expect(both.status).toBe(400);
    expect(both.body.error).toMatch(/^measure: q is a TraceQL metrics query/);
  });
});

describe("odd constructs from Tempo's examples", () => {
  it("a query starting with an aggregate follows { }", async () => {
    const search = (q: string) => getJson<TraceSearchPage>(`/api/v1/traces?q=${encodeURIComponent(q)}&start=${BASE}&end=${BASE + 600}`);
    const bare = await search("max(duration) > 1s");
    const piped = await search("{ } | max(duration) > 1s");
    expect(bare.status).toBe(200);
    expect(bare.body.traces.map((t) => t.traceId)).toEqual(piped.body.traces.map((t) => t.traceId));
    // The server is shared: tests/search-api.test.ts keeps a 2.5 s trace in the same window when it runs first.
    expect(bare.body.traces.filter((t) => t.rootService === "tqlm-svc")).toHaveLength(1);
  });

  it("a pipeline stage comparing two literals is refused, as inside a filter", async () => {
    const r = await getJson<{ error: string }>(`/api/v1/traces?q=${encodeURIComponent("{ } | 3 > 2")}`);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe("q: not supported: comparing two literals");
  });
});
