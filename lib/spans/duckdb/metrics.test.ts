import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Attr, NormalizedSpan } from "@/lib/ingest/types";
import { parseMeasure } from "@/lib/metrics/measure";
import type { MetricsQuery } from "@/lib/metrics/types";
import { syntheticTraces } from "@/scripts/bench/synthetic";
import { openTempStore } from "./test-store";

const HOUR = 3_600_000_000_000n;
const END = BigInt(Date.UTC(2026, 0, 2)) * 1_000_000n;
const START = END - 24n * HOUR;

let ctx: Awaited<ReturnType<typeof openTempStore>>;
let spans: NormalizedSpan[];

const attr = (s: NormalizedSpan, key: string) => s.attributes.find((a) => a.key === key)?.value;
const tierOf = (s: NormalizedSpan) => (attr(s, "customer.tier") as { v: string }).v;

/** Exact percentile with linear interpolation, the definition quantile_cont uses. */
function quantile(values: number[], q: number) {
  const v = [...values].sort((a, b) => a - b);
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  return v[lo] + (v[Math.min(lo + 1, v.length - 1)] - v[lo]) * (pos - lo);
}

const query = (measure: string, extra: Partial<MetricsQuery> = {}): MetricsQuery => ({
  projectId: 1, filter: null, measure: parseMeasure(measure), groupBy: [{ scope: "span", key: "customer.tier" }],
  startNs: START, endNs: END, stepNs: HOUR, topN: 10, ...extra,
});

/**
 * Project 2: spans kept by sampling. Tier "a" is unsampled (8 spans, revenue 10, 2 errors);
 * tier "b" has 2 spans kept at 50% (revenue 20), 3 at 10% (revenue 5, one an error) and
 * one at 10% without revenue. Kept, "a" has more spans; weighted, "b" stands for 44.
 */
const SAMPLED: { tier: string; rate: number; revenue: number | null; error: boolean }[] = [
  ...Array.from({ length: 8 }, (_, i) => ({ tier: "a", rate: 1, revenue: 10, error: i < 2 })),
  ...Array.from({ length: 2 }, () => ({ tier: "b", rate: 0.5, revenue: 20, error: false })),
  ...Array.from({ length: 3 }, (_, i) => ({ tier: "b", rate: 0.1, revenue: 5, error: i === 0 })),
  { tier: "b", rate: 0.1, revenue: null, error: false },
];
const SAMPLED_AT = START + HOUR;

function sampledSpans(): NormalizedSpan[] {
  return SAMPLED.map((x, i) => {
    const attributes: Attr[] = [{ key: "customer.tier", value: { t: "str", v: x.tier } }];
    if (x.revenue !== null) attributes.push({ key: "business.revenue_impact", value: { t: "dbl", v: x.revenue } });
    const start = SAMPLED_AT + BigInt(i) * 1_000_000n;
    return {
      traceId: (i + 1).toString(16).padStart(32, "0"), spanId: (i + 1).toString(16).padStart(16, "0"), parentSpanId: null, traceState: "",
      name: "request", kind: 2, startNs: start, endNs: start + BigInt(i + 1) * 1_000_000n, statusCode: x.error ? 2 : 0, statusMessage: "",
      attributes, resource: [{ key: "service.name", value: { t: "str", v: "shop" } }], scopeName: "", scopeVersion: "",
      events: [], links: [], droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0,
    };
  });
}

beforeAll(async () => {
  ctx = await openTempStore();
  spans = [...syntheticTraces({ traces: 600, spansPerTrace: 5, endNs: END, seed: 9 })].flat();
  await ctx.store.ingest(1, spans);
  await ctx.store.ingest(2, sampledSpans(), { sampleRates: SAMPLED.map((x) => x.rate) });
});
afterAll(() => ctx.cleanup());

describe("queryMetrics against values computed from the raw fixture", () => {
  it("p95(duration) per tier: totals from all values, not from buckets", async () => {
    const res = await ctx.store.queryMetrics(query("p95(duration)"));
    for (const series of res.series) {
      const tier = series.group["span.customer.tier"] as string;
      const durations = spans.filter((s) => tierOf(s) === tier).map((s) => Number(s.endNs - s.startNs) / 1e6);
      expect(series.count).toBe(durations.length);
      expect(series.total).toBeCloseTo(quantile(durations, 0.95), 6);
    }
    expect(res.series).toHaveLength(new Set(spans.map(tierOf)).size);
    expect(res.minSampleRate).toBe(1);
  });

  it("sum of revenue per tier and hour bucket", async () => {
    const res = await ctx.store.queryMetrics(query("sum(span.business.revenue_impact)"));
    const enterprise = res.series.find((s) => s.group["span.customer.tier"] === "enterprise")!;
    const mine = spans.filter((s) => tierOf(s) === "enterprise");
    const sum = mine.reduce((acc, s) => acc + (attr(s, "business.revenue_impact") as { v: number }).v, 0);
    expect(enterprise.total).toBeCloseTo(sum, 6);
    const firstBucket = enterprise.points[0];
    const inBucket = mine.filter((s) => BigInt(firstBucket.t) * 1_000_000n <= s.startNs && s.startNs < BigInt(firstBucket.t) * 1_000_000n + HOUR);
    expect(firstBucket.v).toBeCloseTo(inBucket.reduce((a, s) => a + (attr(s, "business.revenue_impact") as { v: number }).v, 0), 6);
  });

  it("countDistinct(user), errorRate, and top-N folding into other", async () => {
    const distinct = await ctx.store.queryMetrics(query("countDistinct(span.user.id)", { groupBy: [] }));
    expect(distinct.series[0].total).toBe(new Set(spans.map((s) => (attr(s, "user.id") as { v: string }).v)).size);
    const errors = await ctx.store.queryMetrics(query("errorRate", { groupBy: [] }));
    expect(errors.series[0].total).toBeCloseTo(spans.filter((s) => s.statusCode === 2).length / spans.length, 9);
    const top = await ctx.store.queryMetrics(query("count", { topN: 2 }));
    expect(top.series).toHaveLength(3);
    const other = top.series.find((s) => "other" in s.group)!;
    const counts = [...new Set(spans.map(tierOf))].map((t) => spans.filter((s) => tierOf(s) === t).length).sort((a, b) => b - a);
    expect(other.count).toBe(counts.slice(2).reduce((a, b) => a + b, 0));
    expect(top.series[0].count).toBe(counts[0]);
  });
});

describe("queryMetrics weights sampled spans by 1 / rate", () => {
  const sampled = (measure: string, extra: Partial<MetricsQuery> = {}) => ctx.store.queryMetrics(query(measure, { projectId: 2, ...extra }));
  const byTier = (res: Awaited<ReturnType<typeof sampled>>) => Object.fromEntries(res.series.map((s) => [s.group["span.customer.tier"], s]));

  it("count, rate and errorRate estimate the spans before sampling", async () => {
    const count = await sampled("count");
    expect(byTier(count).a.total).toBe(8);
    expect(byTier(count).b.total).toBeCloseTo(2 * 2 + 4 * 10, 9);
    expect(byTier(count).b.count).toBeCloseTo(44, 9);
    expect(count.minSampleRate).toBeCloseTo(0.1, 12);
    // Weighted, "b" is the busier tier, although fewer of its spans were kept.
    expect(count.series.map((s) => s.group["span.customer.tier"])).toEqual(["b", "a"]);
    const rate = await sampled("rate", { groupBy: [] });
    expect(rate.series[0].total).toBeCloseTo(52 / 86_400, 12);
    expect(rate.series[0].points).toHaveLength(1);
    expect(rate.series[0].points[0].v).toBeCloseTo(52 / 3600, 12);
    const errors = await sampled("errorRate", { groupBy: [] });
    expect(errors.series[0].total).toBeCloseTo((2 + 10) / 52, 12);
    expect(byTier(await sampled("errorRate")).a.total).toBeCloseTo(2 / 8, 12);
  });

  it("sum and avg weight each value; avg only over spans that have it", async () => {
    const sum = byTier(await sampled("sum(span.business.revenue_impact)"));
    expect(sum.a.total).toBeCloseTo(80, 9);
    expect(sum.b.total).toBeCloseTo(2 * 2 * 20 + 3 * 10 * 5, 9);
    const avg = byTier(await sampled("avg(span.business.revenue_impact)"));
    expect(avg.a.total).toBeCloseTo(10, 9);
    expect(avg.b.total).toBeCloseTo(230 / (2 * 2 + 3 * 10), 9);
  });

  it("percentiles, min, max and countDistinct stay over the kept spans", async () => {
    const kept = SAMPLED.map((_, i) => i + 1); // durations in ms
    expect((await sampled("p50(duration)", { groupBy: [] })).series[0].total).toBeCloseTo(quantile(kept, 0.5), 9);
    expect((await sampled("max(duration)", { groupBy: [] })).series[0].total).toBeCloseTo(kept.length, 9);
    expect((await sampled("countDistinct(span.customer.tier)", { groupBy: [] })).series[0].total).toBe(2);
  });

  it("any quantile, and power-of-two duration buckets (TraceQL's quantile_over_time, histogram_over_time)", async () => {
    const kept = SAMPLED.map((_, i) => i + 1); // durations in ms
    const p75 = await sampled("p75(duration)", { groupBy: [] });
    expect(p75.series[0].total).toBeCloseTo(quantile(kept, 0.75), 9);
    const histogram = await sampled("count", { groupBy: [{ log2Bucket: "duration" }] });
    const expected = new Map<string, number>();
    SAMPLED.forEach((x, i) => {
      const e = String(Math.ceil(Math.log2((i + 1) * 1e6)));
      expected.set(e, (expected.get(e) ?? 0) + 1 / x.rate);
    });
    const got = new Map(histogram.series.map((s) => [s.group.__bucket as string, s.total!]));
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [e, n] of expected) expect(got.get(e)).toBeCloseTo(n, 9);
    // A numeric attribute's buckets; spans without it have none (NULL).
    const revenue = await sampled("count", { groupBy: [{ log2Bucket: { scope: "span", key: "business.revenue_impact" } }] });
    expect(Object.fromEntries(revenue.series.map((s) => [String(s.group.__bucket), s.count]))).toEqual({
      "4": 8, "5": 2 * 2, "3": 3 * 10, null: 10,
    });
  });

  it("top-N ranks by the weighted count, and other plus the kept series add up to the total", async () => {
    const top = await sampled("count", { topN: 1 });
    expect(top.series[0].group["span.customer.tier"]).toBe("b");
    expect(top.series[1].group).toEqual({ other: true });
    expect(top.series[1].count).toBe(8);
    expect(top.series[1].total).toBe(8);
    const all = (await sampled("count", { groupBy: [] })).series[0];
    expect(top.series.reduce((n, s) => n + s.count, 0)).toBeCloseTo(all.count, 9);
    expect(top.minSampleRate).toBeCloseTo(0.1, 12);
  });

  it("attribute stats weight how many spans and how much, not the spread", async () => {
    const stats = await ctx.store.attributeStats({ projectId: 2, key: "business.revenue_impact", scope: "span", startNs: START, endNs: END });
    expect(stats.spanCount).toBeCloseTo(8 + 2 * 2 + 3 * 10, 9);
    expect(stats.distinctApprox).toBe(3);
    expect(stats.numeric!.sum).toBeCloseTo(80 + 230, 9);
    expect(stats.numeric!.avg).toBeCloseTo(310 / 42, 9);
    expect(stats.numeric).toMatchObject({ min: 5, max: 20, p50: 10 });
  });

  it("reports rate 1 when the spans counted were not sampled", async () => {
    const filter = '{ span.customer.tier = "a" }';
    const res = await sampled("count", { filter, groupBy: [] });
    expect(res.series[0].total).toBe(8);
    expect(res.minSampleRate).toBe(1);
    const empty = await sampled("count", { filter: '{ name = "no span has this name" }' });
    expect(empty).toMatchObject({ series: [], minSampleRate: 1 });
  });
});
