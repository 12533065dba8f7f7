import { describe, expect, it } from "vitest";
import { attrLabel, chartParams, groupByNamespace, matchesSearch, valueQuery } from "./attributes";

describe("attribute explorer", () => {
  it("spells keys per scope", () => {
    expect(attrLabel("span", "customer.tier")).toBe("span.customer.tier");
    expect(attrLabel("resource", "service.name")).toBe("resource.service.name");
    expect(attrLabel("event", "exception.type")).toBe("event.exception.type");
    expect(attrLabel("intrinsic", "name")).toBe("name");
    expect(attrLabel("event", "event:name")).toBe("event:name");
  });
  it("searches and groups by namespace", () => {
    expect(matchesSearch("span", "business.revenue_impact", "rev bus")).toBe(true);
    expect(matchesSearch("span", "customer.tier", "revenue")).toBe(false);
    const groups = groupByNamespace([{ key: "customer.tier", spanCount: 5 }, { key: "business.x", spanCount: 9 }, { key: "customer.id", spanCount: 6 }, { key: "flat", spanCount: 1 }]);
    expect(groups.map((g) => [g.namespace, g.keys.map((k) => k.key)])).toEqual([
      ["business", ["business.x"]],
      ["customer", ["customer.id", "customer.tier"]],
      ["(top level)", ["flat"]],
    ]);
  });
  it("charts numbers over time and strings by value", () => {
    expect(chartParams("span", "business.revenue_impact", ["double"], { since: "24h" })).toMatchObject({ measure: "sum(span.business.revenue_impact)" });
    // A level (the customer's lifetime value, repeated on each of their spans) is averaged, not summed.
    expect(chartParams("span", "customer.lifetime_value", ["double"], { since: "24h" })).toMatchObject({ measure: "avg(span.customer.lifetime_value)" });
    expect(chartParams("span", "db.execution_time", ["double"], { since: "24h" })).toMatchObject({ measure: "p95(span.db.execution_time)" });
    expect(chartParams("span", "customer.tier", ["string"], { since: "1h" })).toEqual({ since: "1h", measure: "count", groupBy: "span.customer.tier", q: "{ span.customer.tier != nil }", view: "bar" });
  });
  it("searches a value with its type", () => {
    expect(valueQuery("span", "http.status_code", "500", "int")).toBe("{ span.http.status_code = 500 }");
    expect(valueQuery("span", "customer.tier", "gold", "string")).toBe('{ span.customer.tier = "gold" }');
  });
});
