import { describe, expect, it } from "vitest";
import { formatCount, formatInteger, formatPercent } from "./count";

describe("formatCount", () => {
  it.each([
    [0, "0"],
    [7, "7"],
    [1204, "1,204"],
    [9999, "9,999"],
    [18_300, "18.3k"],
    [18_349, "18.3k"],
    [20_000, "20k"],
    [183_000, "183k"],
    [2_100_000, "2.1M"],
    [50_000, "50k"],
    [1_250_000_000, "1.3B"],
    [-18_300, "-18.3k"],
  ])("%s -> %s", (n, want) => {
    expect(formatCount(n)).toBe(want);
  });

  it("moves to the next unit instead of showing 1000k", () => {
    expect(formatCount(999_600)).toBe("1M");
    expect(formatCount(999_960_000)).toBe("1B");
  });

  it("shows a dash for non-numbers", () => {
    expect(formatCount(Number.NaN)).toBe("—");
  });
});

describe("formatInteger", () => {
  it("groups thousands", () => {
    expect(formatInteger(1_234_567)).toBe("1,234,567");
  });
});

describe("formatPercent", () => {
  it("keeps one decimal", () => {
    expect(formatPercent(0.1234)).toBe("12.3%");
    expect(formatPercent(1)).toBe("100.0%");
  });
});
