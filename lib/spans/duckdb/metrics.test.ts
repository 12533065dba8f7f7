import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NormalizedSpan } from "@/lib/ingest/types";
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

beforeAll(async () => {
  ctx = await openTempStore();
  spans = [...syntheticTraces({ traces: 600, spansPerTrace: 5, endNs: END, seed: 9 })].flat();
  await ctx.store.ingest(1, spans);
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
