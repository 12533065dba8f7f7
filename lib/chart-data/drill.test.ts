import { describe, expect, it } from "vitest";
import { bucketComparison, drillQuery, tracesHref } from "./drill";
import { toChartSeries } from "./series";

const series = toChartSeries(
  { series: [{ group: { "span.customer.tier": "enterprise" }, points: [], total: 1, count: 1 }, { group: { "span.customer.tier": "free" }, points: [], total: 1, count: 1 }, { group: { other: true }, points: [], total: 1, count: 1 }] },
  ["span.customer.tier"],
);

describe("drill-down links", () => {
  it("opens the traces of one group and bucket", () => {
    const href = tracesHref({ filter: "", series: series[0], bucket: { t: 1_700_000_000_000, stepMs: 300_000 }, range: { since: "24h" } });
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe("/traces");
    expect(url.searchParams.get("q")).toBe('{ span.customer.tier = "enterprise" }');
    expect(url.searchParams.get("start")).toBe("2023-11-14T22:13:20.000Z");
    expect(url.searchParams.get("end")).toBe("2023-11-14T22:18:20.000Z");
  });
  it("ANDs the page filter in, and uses the range without a bucket", () => {
    const href = tracesHref({ filter: '{ resource.service.name = "web" }', series: series[1], range: { since: "1h" } });
    const url = new URL(href, "http://x");
    expect(url.searchParams.get("q")).toBe('{ resource.service.name = "web" && span.customer.tier = "free" }');
    expect(url.searchParams.get("since")).toBe("1h");
    const pinned = new URL(tracesHref({ filter: "", range: { start: 1_700_000_000, end: 1_700_003_600 } }), "http://x");
    expect([pinned.searchParams.get("start"), pinned.searchParams.get("end")]).toEqual(["2023-11-14T22:13:20.000Z", "2023-11-14T23:13:20.000Z"]);
  });
  it("spells other as none of the named groups", () => {
    expect(drillQuery({ filter: "", series: series[2], allSeries: series, range: { since: "1h" } })).toBe(
      '{ !(span.customer.tier = "enterprise") && !(span.customer.tier = "free") }',
    );
  });
});

describe("bucket comparison", () => {
  const bucket = { t: 1_700_000_000_000, stepMs: 300_000 };
  const nowMs = 1_700_003_000_000;
  // The window the chart's result was computed for.
  const window = { startMs: nowMs - 86_400_000, endMs: nowMs };
  const day = { baseFromMs: window.startMs, baseToMs: window.endMs };
  it("selects one group's spans in the bucket, against the chart's filter over the chart's whole window", () => {
    expect(bucketComparison({ filter: "{ status = error }", series: series[0], allSeries: series, bucket, range: { since: "24h" }, window })).toEqual({
      selection: '{ status = error && span.customer.tier = "enterprise" }', baseline: "{ status = error }",
      fromMs: bucket.t, toMs: bucket.t + bucket.stepMs, ...day,
    });
  });

  it("selects 'other' as the spans outside the named groups, and every span as the baseline of an empty filter", () => {
    const c = bucketComparison({ filter: "{ }", series: series[2], allSeries: series, bucket, range: { since: "24h" }, window });
    expect(c.selection).toBe('{ !(span.customer.tier = "enterprise") && !(span.customer.tier = "free") }');
    expect(c.baseline).toBe("");
  });

  it("compares an ungrouped chart's bucket with the rest of the window", () => {
    const [whole] = toChartSeries({ series: [{ group: {}, points: [], total: 1, count: 1 }] }, []);
    expect(bucketComparison({ filter: "{ status = error }", series: whole, bucket, range: { since: "24h" }, window })).toEqual({
      selection: "{ status = error }", baseline: "{ status = error }", fromMs: bucket.t, toMs: bucket.t + bucket.stepMs, ...day,
    });
    expect(bucketComparison({ filter: "", series: whole, bucket, range: { since: "24h" }, window }).selection).toBe("{}");
  });

  it("cuts the last bucket of a window that is not a whole number of steps at the window's end", () => {
    // 7 min in 5 min buckets: [0, 300 s) and [300 s, 420 s), the chart counting nothing after 420 s.
    const start = 1_764_000_000;
    const pinned = { startMs: start * 1000, endMs: (start + 420) * 1000 };
    const c = bucketComparison({
      filter: "", series: series[0], allSeries: series, bucket: { t: (start + 300) * 1000, stepMs: 300_000 },
      range: { start, end: start + 420 }, window: pinned,
    });
    expect([c.fromMs, c.toMs]).toEqual([(start + 300) * 1000, pinned.endMs]);
    // The baseline is the chart's window itself, not widened to a bucket past it.
    expect([c.baseFromMs, c.baseToMs]).toEqual([pinned.startMs, pinned.endMs]);
  });

  it("compares over the window the chart was drawn for, however long ago a moving range was computed", () => {
    const drawn = { startMs: nowMs - 3_600_000, endMs: nowMs };
    const c = bucketComparison({ filter: "", series: series[0], allSeries: series, bucket, range: { since: "1h" }, window: drawn });
    expect([c.baseFromMs, c.baseToMs]).toEqual([drawn.startMs, drawn.endMs]);
  });
});
