import { describe, expect, it } from "vitest";
import { parseMetricsParams } from "./metrics-params";

const S = 1_000_000_000n;

describe("parseMetricsParams range", () => {
  it("starts a relative range's buckets on a multiple of the step, so axis ticks fall on round times", () => {
    const before = BigInt(Date.now()) * 1_000_000n;
    const q = parseMetricsParams(new URLSearchParams({ since: "2d" }), 1);
    expect(q.stepNs).toBe(1800n * S);
    expect(q.startNs % q.stepNs).toBe(0n);
    // At most one step earlier than asked, never later.
    const asked = before - 2n * 86_400n * S;
    expect(q.startNs).toBeLessThanOrEqual(asked);
    expect(asked - q.startNs).toBeLessThan(q.stepNs + 5n * S);
  });

  it("keeps a pinned start as given", () => {
    const q = parseMetricsParams(new URLSearchParams({ start: "1764500000", end: "1764503600", step: "1m" }), 1);
    expect(q.startNs).toBe(1_764_500_000n * S);
  });
});
