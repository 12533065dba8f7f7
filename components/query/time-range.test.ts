import { describe, expect, it } from "vitest";
import { absoluteLabel, pinRange, rangeParams, sinceLabel, sinceMs, widerPreset } from "./time-range";

describe("time ranges", () => {
  it("parses and labels relative ranges", () => {
    expect(sinceMs("15m")).toBe(900_000);
    expect(sinceMs("1x")).toBeNull();
    expect(sinceLabel("24h")).toBe("last 24 h");
    expect(sinceLabel("15m")).toBe("last 15 min");
  });

  it("labels absolute ranges in a zone, with one date when they share it", () => {
    const start = Date.UTC(2026, 10, 24, 10, 0);
    expect(absoluteLabel(start, start + 3_600_000, "UTC")).toBe("2026-11-24 10:00–11:00 UTC");
    expect(absoluteLabel(start, start + 86_400_000, "UTC")).toBe("2026-11-24 10:00 – 2026-11-25 10:00 UTC");
  });

  it("turns ranges into API params and pins relative ones", () => {
    expect(rangeParams({ kind: "relative", since: "1h" })).toEqual({ since: "1h" });
    expect(rangeParams({ kind: "absolute", startMs: 0, endMs: 1000 })).toEqual({ start: "1970-01-01T00:00:00.000Z", end: "1970-01-01T00:00:01.000Z" });
    expect(pinRange({ kind: "relative", since: "1h" }, 7_200_000)).toEqual({ startMs: 3_600_000, endMs: 7_200_000 });
  });

  it("suggests a wider preset", () => {
    expect(widerPreset({ kind: "relative", since: "1h" })).toBe("6h");
    expect(widerPreset({ kind: "relative", since: "30d" })).toBeNull();
    expect(widerPreset({ kind: "absolute", startMs: 0, endMs: 600_000 })).toBe("15m");
  });
});
