import { describe, expect, it } from "vitest";
import { niceStep, timeTicks } from "./ticks";

describe("timeTicks", () => {
  it("puts round ticks over the range", () => {
    expect(timeTicks(0, 100e6, 5).map((t) => t.label)).toEqual(["0 ms", "20 ms", "40 ms", "60 ms", "80 ms", "100 ms"]);
    expect(timeTicks(0, 66.8e9, 7).map((t) => t.label)).toEqual(["0 s", "10 s", "20 s", "30 s", "40 s", "50 s", "60 s"]);
  });

  it("keeps labels distinct when zoomed deep into a long trace", () => {
    const labels = timeTicks(1.2e9, 1.2011e9, 5).map((t) => t.label);
    expect(labels.slice(0, 2)).toEqual(["1200.0 ms", "1200.5 ms"]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("steps 1, 2, 5", () => {
    expect(niceStep(1000, 10)).toBe(100);
    expect(niceStep(1300, 10)).toBe(200);
    expect(niceStep(3000, 10)).toBe(500);
  });

  it("survives an empty range", () => {
    expect(timeTicks(5, 5, 5)).toHaveLength(1);
  });
});
