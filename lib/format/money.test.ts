import { describe, expect, it } from "vitest";
import { currencyFor, formatMoney } from "./money";

describe("formatMoney", () => {
  it("formats known currencies", () => {
    expect(formatMoney(129.99, "USD")).toBe("$129.99");
    expect(formatMoney(1204.5, "eur")).toBe("€1,204.50");
  });
  it("refuses codes that are not currencies", () => {
    expect(formatMoney(1, "dollars")).toBeNull();
    expect(formatMoney(Number.NaN, "USD")).toBeNull();
  });
});

describe("currencyFor", () => {
  it("finds the currency in the same namespace", () => {
    expect(currencyFor("business.revenue_impact", { "business.currency": "usd" })).toBe("USD");
  });
  it("falls back to a top-level currency", () => {
    expect(currencyFor("order.total", { currency: "GBP" })).toBe("GBP");
  });
  it("ignores keys that are not money and unknown currencies", () => {
    expect(currencyFor("business.items", { "business.currency": "USD" })).toBeNull();
    expect(currencyFor("business.revenue_impact", {})).toBeNull();
  });
});
