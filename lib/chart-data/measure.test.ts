import { describe, expect, it } from "vitest";
import { currencyKeys, formatTick, formatValue, measureText, measureTitle, moneyKey, parseMeasureText, valueKind } from "./measure";

describe("measures", () => {
  it("round-trips the measure text", () => {
    expect(parseMeasureText("p95(duration)")).toEqual({ fn: "p95", of: "duration" });
    expect(parseMeasureText("sum(span.business.revenue_impact)")).toEqual({ fn: "sum", of: "span.business.revenue_impact" });
    expect(parseMeasureText("errorRate")).toEqual({ fn: "errorRate", of: "" });
    expect(parseMeasureText("nonsense(x)")).toEqual({ fn: "count", of: "" });
    expect(measureText({ fn: "countDistinct", of: "" })).toBe("countDistinct(trace)");
    expect(measureText({ fn: "rate", of: "duration" })).toBe("rate");
  });
  it("labels percentiles with how they were computed", () => {
    expect(measureTitle({ fn: "p95", of: "duration" })).toBe("p95 of duration (exact)");
    expect(measureTitle({ fn: "sum", of: "span.business.revenue_impact" }, "USD")).toBe("sum of span.business.revenue_impact (USD)");
  });
  it("knows money when the key and the currency say so", () => {
    const revenue = { fn: "sum" as const, of: "span.business.revenue_impact" };
    expect(moneyKey(revenue)).toBe("business.revenue_impact");
    expect(currencyKeys("business.revenue_impact")).toEqual(["business.currency", "business.currency_code", "currency"]);
    expect(valueKind(revenue, "USD")).toBe("money");
    expect(valueKind(revenue, null)).toBe("number");
    expect(valueKind({ fn: "p95", of: "span.db.execution_time" }, "USD")).toBe("number");
  });
  it("formats values and ticks in house style", () => {
    expect(formatValue(812.4, "duration")).toBe("812 ms");
    expect(formatValue(0.0342, "percent")).toBe("3.4%");
    expect(formatValue(18_300, "count")).toBe("18.3k");
    expect(formatValue(1204, "count")).toBe("1,204");
    expect(formatValue(129.99, "money", "USD")).toBe("$129.99");
    expect(formatValue(null, "count")).toBe("—");
    expect(formatValue(2.345, "rate")).toBe("2.35/s");
    expect(formatTick(7035.8, "money", "USD")).toBe("$7,036");
    expect(formatTick(0.25, "percent")).toBe("25%");
    expect(formatTick(600, "money", "USD")).toBe("$600");
    expect(formatTick(2.5, "money", "USD")).toBe("$2.50");
  });
});
