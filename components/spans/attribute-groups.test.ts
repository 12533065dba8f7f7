import { describe, expect, it } from "vitest";
import { groupAttributes } from "./attribute-groups";

describe("groupAttributes", () => {
  it("groups by namespace, business first and bare keys last", () => {
    const groups = groupAttributes({ "http.method": "GET", count: 1, "business.revenue": 9.5, "customer.tier": "gold", "http.route": "/" });
    expect(groups.map((g) => g.namespace)).toEqual(["business", "customer", "http", ""]);
    expect(groups[2].entries).toEqual([["http.method", "GET"], ["http.route", "/"]]);
  });
});
