import { describe, expect, it } from "vitest";
import { serviceColor, valueColor } from "@/lib/format/service-color";
import { legendClick, toChartSeries, toRows, valuesAt, visibleKeys } from "./series";
import type { MetricsResult } from "@/lib/contract";

const result: MetricsResult = {
  startMs: 0,
  endMs: 300,
  stepMs: 100,
  minSampleRate: 1,
  series: [
    { group: { "span.customer.tier": "free" }, points: [{ t: 0, v: 5 }, { t: 200, v: 7 }], total: 12, count: 12 },
    { group: { "span.customer.tier": null }, points: [{ t: 100, v: 1 }], total: 1, count: 1 },
    { group: { other: true }, points: [{ t: 0, v: 2 }], total: 2, count: 2 },
  ],
};

describe("chart series", () => {
  it("labels and colours series, other last and grey", () => {
    const s = toChartSeries(result, ["span.customer.tier"]);
    expect(s.map((x) => x.key)).toEqual(["free", "(no value)", "(other)"]);
    expect(s[0].values).toEqual([["span.customer.tier", "free"]]);
    expect(s[2].isOther).toBe(true);
    expect(s[2].color).toBe("var(--faint)");
    expect(new Set(s.map((x) => x.color)).size).toBe(3);
  });
  it("uses service colours and fixed status colours", () => {
    const svc = toChartSeries({ series: [{ group: { "resource.service.name": "checkout-api" }, points: [], total: 1, count: 1 }] }, ["resource.service.name"]);
    expect(svc[0].color).toMatch(/^var\(--svc-\d\)$/);
    const status = toChartSeries({ series: [{ group: { status: "error" }, points: [], total: 1, count: 1 }] }, ["status"]);
    expect(status[0].color).toBe("var(--error)");
  });
  it("gives a value the same colour whatever else is on the chart, and in any order", () => {
    const tiers = (values: (string | null)[]) =>
      new Map(toChartSeries({ series: values.map((v) => ({ group: { "span.customer.tier": v }, points: [], total: 1, count: 1 })) }, ["span.customer.tier"]).map((s) => [s.key, s.color]));
    const alone = tiers(["enterprise"]).get("enterprise");
    expect(alone).toBe(valueColor("enterprise"));
    expect(tiers(["premium", "enterprise", "standard"]).get("enterprise")).toBe(alone);
    expect(tiers([null, "free", "standard", "enterprise", "premium"]).get("enterprise")).toBe(alone);
    expect(tiers(["standard", "premium"]).get("premium")).toBe(tiers(["premium", "free"]).get("premium"));
    // The same function colours services, so a service looks the same on a chart as in the waterfall.
    const svc = toChartSeries({ series: [{ group: { "resource.service.name": "checkout-api" }, points: [], total: 1, count: 1 }] }, ["resource.service.name"]);
    expect(svc[0].color).toBe(serviceColor("checkout-api"));
  });
  it("fills every bucket: zero for counts, gaps for percentiles", () => {
    const s = toChartSeries(result, ["span.customer.tier"]);
    expect(toRows(result, s, true)).toEqual([
      { t: 0, free: 5, "(no value)": 0, "(other)": 2 },
      { t: 100, free: 0, "(no value)": 1, "(other)": 0 },
      { t: 200, free: 7, "(no value)": 0, "(other)": 0 },
    ]);
    expect(toRows(result, s, false)[1].free).toBeNull();
  });
  it("isolates on click and adds on shift-click", () => {
    expect(legendClick([], "a", false)).toEqual(["a"]);
    expect(legendClick(["a"], "a", false)).toEqual([]);
    expect(legendClick(["a"], "b", true)).toEqual(["a", "b"]);
    expect(legendClick(["a", "b"], "b", true)).toEqual(["a"]);
    const s = toChartSeries(result, ["span.customer.tier"]);
    expect([...visibleKeys(s, ["gone"])]).toHaveLength(3);
    expect([...visibleKeys(s, ["free"])]).toEqual(["free"]);
  });
  it("lists a bucket's values largest first, missing last", () => {
    const s = toChartSeries(result, ["span.customer.tier"]);
    const rows = toRows(result, s, false);
    const at = valuesAt(rows[0], s, visibleKeys(s, []));
    expect(at.map((x) => [x.series.key, x.value])).toEqual([["free", 5], ["(other)", 2], ["(no value)", null]]);
  });
});
