import { describe, expect, it } from "vitest";
import { compareValueCondition, durationSelection } from "./compare-values";

describe("conditions for compared values", () => {
  const span = { scope: "span" as const, key: "region", type: "string" as const };
  it("spells each kind of value as TraceQL", () => {
    expect(compareValueCondition(span, { value: "eu", selection: 1, baseline: 0 })).toBe('span.region = "eu"');
    expect(compareValueCondition(span, { value: null, selection: 1, baseline: 0 })).toBe("span.region = nil");
    expect(compareValueCondition(span, { value: "other", other: true, selection: 1, baseline: 0 })).toBeNull();
    const num = { scope: "resource" as const, key: "host.cores", type: "number" as const };
    expect(compareValueCondition(num, { value: 4, selection: 1, baseline: 0 })).toBe("resource.host.cores = 4");
    expect(compareValueCondition(num, { value: "2 – 8", range: { gte: 2, lt: 8 }, selection: 1, baseline: 0 }))
      .toBe("resource.host.cores >= 2 && resource.host.cores < 8");
    expect(compareValueCondition({ scope: "intrinsic", key: "status", type: "string" }, { value: "error", selection: 1, baseline: 0 }))
      .toBe("status = error");
  });

  it("adds a heatmap region's duration bounds to the page's filter", () => {
    expect(durationSelection('{ span.x = "a" }', 100, 500)).toBe('{ span.x = "a" && duration >= 100ms && duration < 500ms }');
    expect(durationSelection("", 1000, null)).toBe("{ duration >= 1000ms }");
  });
});
