import { describe, expect, it } from "vitest";
import { cellShade, durationBands, durationLiteral, heatmapGrid, regionSpan } from "./heatmap";

describe("duration heatmap", () => {
  it("writes TraceQL durations", () => {
    expect(durationLiteral(0.5)).toBe("500us");
    expect(durationLiteral(20)).toBe("20ms");
    expect(durationLiteral(2000)).toBe("2000ms");
  });
  it("covers the range with open-ended round bands", () => {
    const bands = durationBands(3, 400);
    expect(bands[0]).toMatchObject({ fromMs: null, toMs: 5, condition: "duration < 5ms" });
    expect(bands[1]).toMatchObject({ fromMs: 5, toMs: 10, condition: "duration >= 5ms && duration < 10ms" });
    expect(bands[bands.length - 1]).toMatchObject({ fromMs: 200, toMs: null, condition: "duration >= 200ms" });
  });
  it("coarsens the ladder for wide ranges", () => {
    expect(durationBands(0.002, 600_000).length).toBeLessThanOrEqual(14);
  });
  it("lines the bands up on the buckets", () => {
    const grid = heatmapGrid(
      [{ series: [{ group: {}, points: [{ t: 0, v: 2 }, { t: 200, v: 1 }], total: 3, count: 3 }] }, { series: [] }],
      { startMs: 0, endMs: 300, stepMs: 100 },
    );
    expect(grid).toEqual({
      buckets: [0, 100, 200], stepMs: 100, window: { startMs: 0, endMs: 300 }, counts: [[2, 0, 1], [0, 0, 0]], max: 2, total: 3,
    });
    expect(regionSpan(grid, 0, 1)).toEqual({ fromMs: 0, toMs: 200 });
    expect(cellShade(0, 2)).toBe(0);
    expect(cellShade(2, 2)).toBe(1);
  });
  it("cuts a region's last bucket at the window's end, as the counts were, when the window is not whole steps", () => {
    // 250 ms in 100 ms steps: the last bucket holds only [200, 250).
    const grid = heatmapGrid([{ series: [] }], { startMs: 0, endMs: 250, stepMs: 100 });
    expect(grid.buckets).toEqual([0, 100, 200]);
    expect(regionSpan(grid, 1, 2)).toEqual({ fromMs: 100, toMs: 250 });
  });
  it("keeps the step of a window one bucket long", () => {
    const grid = heatmapGrid([{ series: [] }], { startMs: 0, endMs: 100, stepMs: 100 });
    expect(regionSpan(grid, 0, 0)).toEqual({ fromMs: 0, toMs: 100 });
  });
});
