import { describe, expect, it } from "vitest";
import { groupLabels } from "./metrics-query";
import { builderText, effectiveChart, readMetricsText } from "./traceql-metrics";

describe("the /metrics editor's TraceQL metrics text and the builder", () => {
  it.each([
    [{ q: "", measure: "count", groupBy: [] }, "{ } | count_over_time()"],
    [{ q: "{ status = error }", measure: "rate", groupBy: ["service"] }, "{ status = error } | rate() by (resource.service.name)"],
    [{ q: "{}", measure: "p95(duration)", groupBy: ["span.customer.tier", "name"] }, "{ } | quantile_over_time(duration, 0.95) by (span.customer.tier, name)"],
    [{ q: "", measure: "sum(span.business.revenue_impact)", groupBy: [".x"] }, "{ } | sum_over_time(span.business.revenue_impact) by (.x)"],
    [{ q: "", measure: "avg(duration)", groupBy: [] }, "{ } | avg_over_time(duration)"],
  ])("builder %j <-> %s", (state, text) => {
    expect(builderText(state)).toBe(text);
    const back = readMetricsText(text);
    expect(back.kind).toBe("builder");
    if (back.kind !== "builder") return;
    expect(builderText(back)).toBe(text);
    expect(back.measure).toBe(state.measure === "count" ? "count" : state.measure);
  });

  it("keeps measures TraceQL cannot say as a plain filter", () => {
    expect(builderText({ q: "{ .a = 1 }", measure: "errorRate", groupBy: [] })).toBeNull();
    expect(effectiveChart({ q: "{ .a = 1 }", measure: "errorRate", groupBy: [] }, groupLabels).text).toBe("{ .a = 1 }");
  });

  it("keeps text the builder cannot show, and says why", () => {
    for (const [q, why] of [
      ["{ } | rate() by (name) | topk(3)", "topk()"],
      ["{ } | histogram_over_time(duration)", "histogram_over_time()"],
      ["{ } | quantile_over_time(duration, .5, .9)", "several quantiles"],
      ["{ } | quantile_over_time(duration, .75)", "quantile 0.75 (it offers 0.5, 0.9, 0.95, 0.99)"],
    ]) {
      const chart = effectiveChart({ q, measure: "count", groupBy: [] }, groupLabels);
      expect(chart.beyondBuilder).toBe(why);
      expect(chart.text).toBe(q);
      expect(chart.filter).toBe("{ }");
    }
    expect(effectiveChart({ q: "{ } | quantile_over_time(duration, .5, .9) by (name)", measure: "", groupBy: [] }, groupLabels).groupLabels)
      .toEqual(["name", "p"]);
  });

  it("reads a plain filter as a filter and wrong text as invalid, with its position", () => {
    expect(readMetricsText("{ status = error }")).toEqual({ kind: "filter" });
    expect(readMetricsText("{ } | rate() > 3")).toMatchObject({ kind: "invalid", from: 13 });
  });
});
