import { describe, expect, it } from "vitest";
import { COMPARE_MIN_SELECTION, COMPARE_SAMPLE_SPANS, COMPARE_SCAN_SPANS, MAX_COMPARE_WINDOW_NS, scanFraction } from "./limits";

describe("scanFraction (DuckDB's share of vectors to read)", () => {
  it("reads everything when the windows' spans fit, however many lie between two windows apart", () => {
    expect(scanFraction({ selection: 20_000, inWindows: COMPARE_SCAN_SPANS })).toBe(1);
  });

  it("reads a share of the windows' spans past the scan limit, enough for the selection to keep its minimum", () => {
    expect(scanFraction({ selection: 100_000, inWindows: 600_000 })).toBeCloseTo(COMPARE_SCAN_SPANS / 600_000, 9);
    expect(scanFraction({ selection: 10_000, inWindows: 1_000_000 })).toBeCloseTo(COMPARE_MIN_SELECTION / 10_000, 9);
    expect(scanFraction({ selection: 0, inWindows: 1_000_000 })).toBe(1);
  });

  it("scales with a test's sample limit as the side sampling does", () => {
    const limit = COMPARE_SAMPLE_SPANS / 10;
    expect(scanFraction({ selection: 60_000, inWindows: 120_000 }, limit)).toBeCloseTo(COMPARE_SCAN_SPANS / 10 / 120_000, 9);
  });
});

it("a comparison window is at most 2,000 weeks, the longest range a /metrics chart draws with its automatic step", () => {
  expect(MAX_COMPARE_WINDOW_NS).toBe(2_000n * 7n * 86_400n * 1_000_000_000n);
});
