import { describe, expect, it } from "vitest";
import { formatRate, lowestRate, sampledNote } from "./sampling";

describe("sampled-result note", () => {
  it("says nothing for exact results, or results from before sampling", () => {
    expect(sampledNote(1, "metrics")).toBeNull();
    expect(sampledNote(undefined, "funnel")).toBeNull();
  });
  it("names the lowest rate and explains the weighting", () => {
    const note = sampledNote(0.1, "metrics")!;
    expect(note.label).toBe("estimated from sampled traces (rates down to 10%)");
    expect(note.detail).toMatch(/1\/rate/);
    expect(note.detail).toMatch(/Percentiles.*unweighted/);
    expect(sampledNote(0.25, "funnel")!.detail).toMatch(/Median step times.*unweighted/);
  });
  it("formats rates and takes the lowest over several results", () => {
    expect([0.5, 0.125, 0.005, 1 / 3].map(formatRate)).toEqual(["50%", "12.5%", "0.5%", "33.3%"]);
    expect(lowestRate([{ minSampleRate: 0.5 }, undefined, { minSampleRate: 0.1 }, {}])).toBe(0.1);
    expect(lowestRate([])).toBe(1);
  });
});
