import { describe, expect, it } from "vitest";
import { describeRange, pinRange, pinRangeOnSteps, rangeFromUrl, rangeParams, rangeSpanMs, resolveRange, stepLabel, tracesRangeParams } from "./range";

describe("chart ranges", () => {
  it("reads relative and pinned ranges from the URL", () => {
    expect(rangeFromUrl({})).toEqual({ since: "24h" });
    expect(rangeFromUrl({ since: "bogus" })).toEqual({ since: "24h" });
    expect(rangeFromUrl({ since: "1h", start: 10, end: 20 })).toEqual({ start: 10, end: 20 });
    expect(rangeFromUrl({ since: "1h", start: 20, end: 10 })).toEqual({ since: "1h" });
  });
  it("describes whether the range moves", () => {
    expect(describeRange({ since: "1h" })).toBe("last 1 h");
    expect(describeRange({ since: "15m" })).toBe("last 15 min");
    const start = Date.UTC(2025, 2, 4, 10, 0) / 1000;
    expect(describeRange({ start, end: start + 3600 })).toBe("2025-03-04 10:00–11:00 UTC");
    expect(describeRange({ start, end: start + 86400 })).toBe("2025-03-04 10:00–2025-03-05 10:00 UTC");
  });
  it("resolves and pins", () => {
    expect(resolveRange({ since: "1h" }, 7_200_000)).toEqual({ startMs: 3_600_000, endMs: 7_200_000 });
    expect(pinRange({ since: "1h" }, 7_200_500)).toEqual({ start: 3601, end: 7201 });
    expect(rangeParams({ start: 1, end: 2 })).toEqual({ start: "1", end: "2" });
  });
  it("pins exactly the range's length, whatever the clock's milliseconds", () => {
    const now = Date.UTC(2025, 2, 11, 10, 0, 0, 250);
    for (const since of ["15m", "1h", "24h", "7d"]) {
      const pinned = pinRange({ since }, now);
      expect(pinned.end - pinned.start).toBe(rangeSpanMs({ since }) / 1000);
      expect(pinned.end * 1000).toBeGreaterThanOrEqual(now);
    }
    expect(pinRange({ since: "7d" }, now)).toEqual({ start: now / 1000 - 7 * 86400 + 0.75, end: now / 1000 + 0.75 });
    // A whole second already: nothing to round.
    expect(pinRange({ since: "7d" }, 8 * 86_400_000)).toEqual({ start: 86400, end: 8 * 86400 });
    // A pinned range stays as it is.
    expect(pinRange({ start: 10, end: 20 }, now)).toEqual({ start: 10, end: 20 });
  });
  it("writes ranges for the trace search as RFC 3339, and a step as its label", () => {
    expect(tracesRangeParams({ startMs: 0, endMs: 300_000 })).toEqual({ start: "1970-01-01T00:00:00.000Z", end: "1970-01-01T00:05:00.000Z" });
    expect(tracesRangeParams({ since: "1h" })).toEqual({ since: "1h" });
    expect(stepLabel(300_000)).toBe("5m");
    expect(stepLabel(86_400_000)).toBe("1d");
  });
});

describe("pinRangeOnSteps", () => {
  it("starts a moving range on a multiple of the automatic or chosen step, ending where pinRange ends", () => {
    const now = Date.UTC(2026, 10, 30, 14, 54, 30);
    const auto = pinRangeOnSteps({ since: "24h" }, now, "");
    expect(auto.end).toBe(pinRange({ since: "24h" }, now).end);
    expect(auto.start % 900).toBe(0); // 24 h: 15 min buckets
    expect(auto.end - auto.start).toBeGreaterThanOrEqual(86_400);
    expect(auto.end - auto.start).toBeLessThan(86_400 + 900);
    expect(pinRangeOnSteps({ since: "24h" }, now, "1h").start % 3600).toBe(0);
  });
});
