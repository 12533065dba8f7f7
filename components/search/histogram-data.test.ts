import { describe, expect, it } from "vitest";
import { fillBuckets, quantileUpperBound, selectionRange } from "./histogram-data";

const b = (k: number, count: number) => ({ fromMs: 10 ** (k / 4), toMs: 10 ** ((k + 1) / 4), count });

describe("histogram data", () => {
  it("fills the empty buckets between the ones the server sent", () => {
    const bars = fillBuckets([b(0, 1), b(3, 2)], 0);
    expect(bars.map((x) => x.count)).toEqual([1, 0, 0, 2]);
    expect(bars[1].fromMs).toBeCloseTo(10 ** 0.25);
    expect(fillBuckets([])).toEqual([]);
  });

  it("folds a long empty run into one gap bar, so outliers do not leave the chart empty", () => {
    const bars = fillBuckets([b(-12, 1), b(4, 5), b(5, 3)], 0);
    expect(bars.map((x) => x.count)).toEqual([1, 0, 5, 3]);
    expect(bars[1]).toMatchObject({ gap: true });
    expect(bars[1].fromMs).toBeCloseTo(10 ** (-11 / 4));
    expect(bars[1].toMs).toBeCloseTo(10);
  });

  it("pads a narrow spread on both sides", () => {
    const bars = fillBuckets([b(8, 3)], 5);
    expect(bars.map((x) => x.count)).toEqual([0, 0, 3, 0, 0]);
    expect(bars[0].fromMs).toBeCloseTo(10 ** 1.5);
  });

  it("estimates a quantile as the top of its bucket", () => {
    const bars = fillBuckets([b(4, 90), b(8, 10)], 0);
    expect(quantileUpperBound(bars, 0.5)).toBeCloseTo(10 ** 1.25);
    expect(quantileUpperBound(bars, 0.95)).toBeCloseTo(10 ** 2.25);
    expect(quantileUpperBound([], 0.5)).toBeNull();
  });

  it("turns a selection into a duration range, open at the edges", () => {
    const bars = fillBuckets([b(0, 1), b(4, 1), b(8, 1)], 0);
    expect(selectionRange(bars, 6, 2)).toEqual({ fromMs: bars[2].fromMs, toMs: bars[6].toMs });
    expect(selectionRange(bars, 0, 3)).toEqual({ fromMs: null, toMs: bars[3].toMs });
    expect(selectionRange(bars, 4, 8)).toEqual({ fromMs: bars[4].fromMs, toMs: null });
  });
});
