import { describe, expect, it } from "vitest";
import { breakdownRows, erroredStep, fromDefinition, funnelRows, stepName, stepsFromValues, toDefinition } from "./funnel";

const steps = ['{ span.funnel.stage = "view" }', '{ span.funnel.stage = "cart" }'];
const result = {
  steps: [
    { count: 10, conversionFromPrevious: null, conversionFromFirst: null, dropOff: 6, medianTimeFromPreviousMs: null },
    { count: 4, conversionFromPrevious: 0.4, conversionFromFirst: 0.4, dropOff: 0, medianTimeFromPreviousMs: 60_000 },
  ],
  breakdown: [
    { value: "free", steps: [{ count: 8, conversionFromPrevious: null, conversionFromFirst: null, dropOff: 6, medianTimeFromPreviousMs: null }, { count: 2, conversionFromPrevious: 0.25, conversionFromFirst: 0.25, dropOff: 0, medianTimeFromPreviousMs: 1 }] },
    { value: null, steps: [{ count: 2, conversionFromPrevious: null, conversionFromFirst: null, dropOff: 0, medianTimeFromPreviousMs: null }, { count: 2, conversionFromPrevious: 1, conversionFromFirst: 1, dropOff: 0, medianTimeFromPreviousMs: 1 }] },
  ],
  minSampleRate: 1,
};

describe("funnels", () => {
  it("builds the API body from the form and back", () => {
    const def = toDefinition({ steps: [...steps, "  "], by: "span.user.id", window: "1h", range: { since: "7d" }, breakdown: "" });
    expect(def).toEqual({ steps, by: "span.user.id", window: "1h", since: "7d" });
    const pinned = toDefinition({ steps, by: "", window: "1d", range: { start: 1, end: 2 }, breakdown: "span.customer.tier" });
    expect(pinned).toEqual({ steps, by: "trace", window: "1d", start: 1, end: 2, breakdown: "span.customer.tier" });
    expect(fromDefinition(pinned, "24h").range).toEqual({ start: 1, end: 2 });
    expect(fromDefinition({ steps, by: "trace", window: "1h", start: "2025-01-01T00:00:00Z", end: "2025-01-01T01:00:00Z" } as never, "24h").range).toEqual({ start: 1735689600, end: 1735693200 });
  });
  it("names steps and makes steps from values", () => {
    expect(stepName(steps[0])).toBe('span.funnel.stage = "view"');
    expect(stepName('{ .funnel.stage = "view" }')).toBe('.funnel.stage = "view"');
    expect(stepsFromValues("span.funnel.stage", ["view", "cart"], ["string"])).toEqual(steps);
  });
  it("computes rows with what was lost before each step", () => {
    const rows = funnelRows(steps, result);
    expect(rows.map((r) => [r.count, r.lostBefore])).toEqual([[10, 0], [4, 6]]);
  });
  it("groups a breakdown by step, as counts or shares", () => {
    expect(breakdownRows(steps, result, false).rows[1]).toMatchObject({ free: 2, "(no value)": 2 });
    expect(breakdownRows(steps, result, true).rows[1]).toMatchObject({ free: 0.25, "(no value)": 1 });
  });
  it("finds the step an error names", () => {
    expect(erroredStep("steps[1]: syntax error")).toBe(1);
    expect(erroredStep("definition.steps[0]: x")).toBe(0);
    expect(erroredStep("window: bad")).toBeNull();
  });
});
