import { describe, expect, it } from "vitest";
import { axisTime, roundTimeTicks } from "./time-format";

// vitest.config.ts runs unit tests in UTC, so the day boundary below is midnight UTC.
const H = 3_600_000;
const day0 = Date.UTC(2026, 10, 24);

describe("chart time axis", () => {
  it("puts ticks on round hours, and the date on the midnight a range crosses", () => {
    const buckets = Array.from({ length: 24 * 12 }, (_, i) => day0 + 12 * H + i * 5 * 60_000); // 24 h of 5-min buckets from noon
    const ticks = roundTimeTicks(buckets)!;
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks.every((t) => t % H === 0)).toBe(true);
    const labels = ticks.map((t) => axisTime(t, 24 * H));
    expect(labels).toContain("25 Nov");
    expect(labels.filter((l) => /^\d\d:00$/.test(l)).length).toBe(labels.length - 1);
  });

  it("lets the chart choose when buckets are not on round times", () => {
    expect(roundTimeTicks([7_000, 20_000, 33_000, 46_000])).toBeUndefined();
  });
});
