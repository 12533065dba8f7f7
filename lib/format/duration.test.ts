import { describe, expect, it } from "vitest";
import { formatDuration, formatOffset } from "./duration";

describe("formatDuration", () => {
  it.each([
    [0.85, "850 µs"],
    [12.4, "12.4 ms"],
    [3210, "3.21 s"],
    [125_000, "2 m 05 s"],
    [0.0005, "500 ns"],
    [0.0123, "12.3 µs"],
    [1, "1.00 ms"],
    [999, "999 ms"],
    [1200, "1.20 s"],
    [59_400, "59.4 s"],
    [3_720_000, "1 h 02 m"],
    [2 * 86_400_000 + 3 * 3_600_000, "2 d 03 h"],
  ])("%s ms -> %s", (ms, want) => {
    expect(formatDuration(ms)).toBe(want);
  });

  it("carries into the next unit when rounding reaches 1000", () => {
    expect(formatDuration(0.99996)).toBe("1.00 ms");
    expect(formatDuration(999.96)).toBe("1.00 s");
    expect(formatDuration(0.0009999)).toBe("1.00 µs");
  });

  it("shows a minute, not 60.0 s", () => {
    expect(formatDuration(59_960)).toBe("1 m 00 s");
    expect(formatDuration(3_599_600)).toBe("1 h 00 m");
  });

  it("handles zero and invalid input", () => {
    expect(formatDuration(0)).toBe("0 ms");
    expect(formatDuration(-1)).toBe("—");
    expect(formatDuration(Number.NaN)).toBe("—");
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe("—");
  });
});

describe("formatOffset", () => {
  it("signs the duration", () => {
    expect(formatOffset(12.4)).toBe("+12.4 ms");
    expect(formatOffset(-0.85)).toBe("−850 µs");
    expect(formatOffset(0)).toBe("+0 ms");
    expect(formatOffset(Number.NaN)).toBe("—");
  });
});
