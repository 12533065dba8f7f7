import { describe, expect, it } from "vitest";
import { formatAbsolute, formatRelative, nanosToMs, offsetMs } from "./time";

const NOW = Date.UTC(2025, 10, 24, 12, 0, 0);
const ns = (ms: number) => (BigInt(ms) * 1_000_000n).toString();

describe("nanosToMs", () => {
  it("keeps microseconds and handles values past 2^53", () => {
    expect(nanosToMs("1732449600123456789")).toBeCloseTo(1732449600123.456, 3);
  });
  it("rejects non-numbers", () => {
    expect(nanosToMs("abc")).toBeNaN();
  });
});

describe("formatRelative", () => {
  it.each([
    [NOW - 1000, "just now"],
    [NOW - 12_000, "12 s ago"],
    [NOW - 4 * 60_000 - 5000, "4 min ago"],
    [NOW - 3 * 3_600_000, "3 h ago"],
    [NOW - 2 * 86_400_000, "2 d ago"],
    [NOW + 30_000, "in 30 s"],
  ])("%s -> %s", (at, want) => {
    expect(formatRelative(ns(at), NOW)).toBe(want);
  });
  it("shows a dash for a bad time", () => {
    expect(formatRelative("", NOW)).toBe("—");
  });
});

describe("formatAbsolute", () => {
  it("shows date, time with milliseconds and the zone", () => {
    expect(formatAbsolute("1732449603123456789", "UTC")).toBe("2024-11-24 12:00:03.123 UTC");
  });
  it("uses the given zone", () => {
    expect(formatAbsolute(ns(Date.UTC(2025, 0, 1, 23, 30)), "Europe/Berlin")).toBe("2025-01-02 00:30:00.000 GMT+1");
  });
  it("uses 00 for midnight, not 24", () => {
    expect(formatAbsolute(ns(Date.UTC(2025, 0, 1)), "UTC")).toBe("2025-01-01 00:00:00.000 UTC");
  });
});

describe("offsetMs", () => {
  it("subtracts nanosecond strings exactly", () => {
    expect(offsetMs("1732449600123456789", "1732449600000000000")).toBeCloseTo(123.456789, 6);
  });
});
