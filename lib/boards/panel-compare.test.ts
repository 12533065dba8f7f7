import { describe, expect, it } from "vitest";
import { toChartSeries } from "@/lib/chart-data/series";
import { funnelDropOffHref, funnelParams, metricsPanelComparison } from "./panel-compare";

const series = toChartSeries(
  { series: [{ group: { "span.customer.tier": "enterprise" }, points: [], total: 1, count: 1 }, { group: { other: true }, points: [], total: 1, count: 1 }] },
  ["span.customer.tier"],
);
const NOW = 1_700_003_600_000;
const variables = [{ key: "resource.service.name", values: ["web"] }];

describe("a board chart's comparison", () => {
  it("selects the bucket's group with the board's variables ANDed in, against the panel's query over its whole range", () => {
    const cmp = metricsPanelComparison({
      query: { q: '{ span.http.route = "/checkout" }', measure: "count", groupBy: ["span.customer.tier"] },
      range: { since: "1h" }, variables, series: series[0], allSeries: series, t: NOW - 600_000, stepMs: 60_000, nowMs: NOW,
    });
    expect(cmp.selection).toBe('{ span.http.route = "/checkout" && resource.service.name = "web" && span.customer.tier = "enterprise" }');
    expect(cmp.baseline).toBe('{ span.http.route = "/checkout" && resource.service.name = "web" }');
    expect([cmp.fromMs, cmp.toMs]).toEqual([NOW - 600_000, NOW - 540_000]);
    expect([cmp.baseFromMs, cmp.baseToMs]).toEqual([NOW - 3_600_000, NOW]);
  });

  it("spells other as none of the named groups, and the table's whole-range row as the board's pinned range", () => {
    const cmp = metricsPanelComparison({
      query: { q: "", groupBy: ["span.customer.tier"] }, range: { start: 1_700_000_000, end: 1_700_003_600 }, variables: [],
      series: series[1], allSeries: series, t: null, stepMs: 60_000, nowMs: NOW + 999_999,
    });
    expect(cmp.selection).toBe('{ !(span.customer.tier = "enterprise") }');
    expect(cmp.baseline).toBe("");
    expect([cmp.fromMs, cmp.toMs]).toEqual([1_700_000_000_000, 1_700_003_600_000]);
  });

  it("compares over the window the panel's result was computed for when given, its last bucket cut at the end", () => {
    const drawn = { startMs: NOW - 3_600_000 - 30_000, endMs: NOW - 30_000 };
    const cmp = metricsPanelComparison({
      query: { q: "", groupBy: ["span.customer.tier"] }, range: { since: "1h" }, variables: [], series: series[0], allSeries: series,
      t: NOW - 60_000, stepMs: 60_000, nowMs: NOW, window: drawn,
    });
    expect([cmp.fromMs, cmp.toMs]).toEqual([NOW - 60_000, drawn.endMs]);
    expect([cmp.baseFromMs, cmp.baseToMs]).toEqual([drawn.startMs, drawn.endMs]);
  });

  it("compares the filter of a panel that holds TraceQL metrics text, not the metrics query", () => {
    const cmp = metricsPanelComparison({
      query: { q: '{ status = error } | rate() by (span.customer.tier)' }, range: { since: "1h" }, variables,
      series: series[0], allSeries: series, t: NOW - 60_000, stepMs: 60_000, nowMs: NOW,
    });
    expect(cmp.baseline).toBe('{ status = error && resource.service.name = "web" }');
    expect(cmp.selection).toBe('{ status = error && resource.service.name = "web" && span.customer.tier = "enterprise" }');
  });
});

describe("a board funnel's links to /funnels", () => {
  const def = { steps: ['{ name = "a" && resource.service.name = "web" }', '{ name = "b" }'], by: "trace", window: "1d" };
  it("opens the drop-off after a step, with the steps, range and project", () => {
    const url = new URL(funnelDropOffHref({ ...def, since: "24h" }, 1, "shop"), "http://x");
    expect(url.pathname).toBe("/funnels");
    expect(url.searchParams.getAll("step")).toEqual(def.steps);
    expect(url.searchParams.get("drop")).toBe("1");
    expect(url.searchParams.get("since")).toBe("24h");
    expect(url.searchParams.get("project")).toBe("shop");
    expect([url.searchParams.get("by"), url.searchParams.get("window")]).toEqual(["trace", "1d"]);
  });
  it("keeps a pinned range and leaves the project out when none is given", () => {
    const p = funnelParams({ ...def, start: 1_700_000_000, end: 1_700_003_600 });
    expect([p.get("start"), p.get("end"), p.get("since"), p.get("project")]).toEqual(["1700000000", "1700003600", null, null]);
  });
});
