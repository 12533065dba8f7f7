import { describe, expect, it } from "vitest";
import { groupLabels, metricsApiQuery, type MetricsUrlState } from "./metrics-query";

const base: MetricsUrlState = { q: "", measure: "count", groupBy: [], since: "24h", start: null, end: null, step: "", top: 10 };

describe("metrics API query", () => {
  it("writes only what differs from the defaults, in a fixed order", () => {
    expect(metricsApiQuery(base)).toBe("measure=count&since=24h");
    expect(metricsApiQuery({ ...base, q: "{ }", measure: "p95(duration)", groupBy: ["span.customer.tier", " ", "status", "kind"], step: "5m", top: 5, start: 10, end: 20 })).toBe(
      "measure=p95%28duration%29&groupBy=span.customer.tier%2Cstatus&start=10&end=20&step=5m&top=5",
    );
  });
  it("maps the service intrinsic to the label the API returns", () => {
    expect(groupLabels(["service", "span.customer.tier"])).toEqual(["resource.service.name", "span.customer.tier"]);
  });
});
