import { describe, expect, it } from "vitest";
import { orderTiers, tierFilter, tierInsights, tierLabel, tierQueries, tierStep } from "./tiers";

describe("customer tiers", () => {
  it("orders tiers commercially", () => {
    expect(orderTiers(["enterprise", "free", "premium", "standard"])).toEqual(["free", "standard", "premium", "enterprise"]);
    expect(orderTiers(["gold", "bronze", "zeta", "alpha"])).toEqual(["bronze", "gold", "alpha", "zeta"]);
  });
  it("says who brings revenue, who waits and who fails", () => {
    const fmt = { duration: (ms: number) => `${ms} ms`, money: (v: number) => `$${v.toFixed(2)}`, percent: (r: number) => `${(r * 100).toFixed(1)}%` };
    const insights = tierInsights(
      [
        { tier: "free", requests: 600, errorRate: 0.02, p95Ms: 1200, revenue: 3000 },
        { tier: "enterprise", requests: 300, errorRate: 0.01, p95Ms: 600, revenue: 7000 },
      ],
      fmt,
    );
    expect(insights.map((i) => i.about)).toEqual(["revenue", "latency", "errors"]);
    expect(insights[0].text).toBe("enterprise brings 70% of revenue ($7000.00) from 33% of requests: $23.33 per request, against $5.00 for free.");
    expect(insights[1].text).toBe("free waits longest: p95 1200 ms, 2.0× enterprise (600 ms).");
  });
  it("filters root spans carrying the attribute", () => {
    expect(tierFilter("span.customer.tier")).toBe("{ span.customer.tier != nil && span:parentID = nil }");
  });
  it("builds the four queries of the view", () => {
    expect(tierLabel("customer.tier")).toBe("span.customer.tier");
    expect(tierLabel("resource.plan")).toBe("resource.plan");
    const q = tierQueries("customer.tier", { since: "24h" }, 86_400_000);
    const p = new URLSearchParams(q.revenue);
    expect(p.get("measure")).toBe("sum(span.business.revenue_impact)");
    expect(p.get("groupBy")).toBe("span.customer.tier");
    expect(p.get("q")).toBe("{ span.customer.tier != nil && span:parentID = nil }");
    expect(p.get("since")).toBe("24h");
    expect(p.get("step")).toBe("1h");
    expect(tierStep(7 * 86_400_000)).toBe("6h");
    expect(tierStep(900_000)).toBe("1m");
  });
});
