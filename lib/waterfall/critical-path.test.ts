import { describe, expect, it } from "vitest";
import { buildSpanTree } from "./build-tree";
import { criticalPath, sectionsOf } from "./critical-path";
import { compactTrace, type SpanSpec } from "./fixtures";

/** The path as `id from-to` sections in ms, latest first. */
function path(spans: SpanSpec[]) {
  const t = buildSpanTree(compactTrace(spans));
  const cp = criticalPath(t);
  const out: [number, string][] = [];
  for (const p of cp.rows) {
    const secs = sectionsOf(cp, p);
    for (let i = 0; i < secs.length; i += 2) out.push([secs[i], `${t.trace.spanId[t.span[p]]} ${secs[i] / 1e6}-${secs[i + 1] / 1e6}`]);
  }
  return out.sort((a, b) => b[0] - a[0]).map(([, s]) => s);
}

describe("criticalPath", () => {
  it("follows sequential children back to back", () => {
    expect(path([
      { id: "root", start: 0, end: 100 },
      { id: "a", parent: "root", start: 0, end: 30 },
      { id: "b", parent: "root", start: 30, end: 70 },
      { id: "c", parent: "root", start: 70, end: 95 },
    ])).toEqual(["root 95-100", "c 70-95", "b 30-70", "a 0-30"]);
  });

  it("takes the later-finishing of parallel children and leaves the other out", () => {
    expect(path([
      { id: "root", start: 0, end: 100 },
      { id: "fast", parent: "root", start: 0, end: 80 },
      { id: "slow", parent: "root", start: 10, end: 90 },
    ])).toEqual(["root 90-100", "slow 10-90", "root 0-10"]);
  });

  it("descends into grandchildren and picks up the parent's gaps", () => {
    expect(path([
      { id: "root", start: 0, end: 100 },
      { id: "db", parent: "root", start: 20, end: 60 },
      { id: "q1", parent: "db", start: 25, end: 35 },
      { id: "q2", parent: "db", start: 40, end: 55 },
      { id: "cache", parent: "root", start: 5, end: 15 },
    ])).toEqual(["root 60-100", "db 55-60", "q2 40-55", "db 35-40", "q1 25-35", "db 20-25", "root 15-20", "cache 5-15", "root 0-5"]);
  });

  it("clips a child that outlives its parent to the parent's end", () => {
    expect(path([
      { id: "root", start: 0, end: 100 },
      { id: "async", parent: "root", start: 90, end: 130 },
    ])).toEqual(["async 90-100", "root 0-90"]);
  });

  it("follows a queue consumer that outlives its producer, and leaves the wait unowned", () => {
    expect(path([
      { id: "root", start: 0, end: 40, kind: 2 },
      { id: "publish", parent: "root", start: 10, end: 12, kind: 4 },
      { id: "consume", parent: "publish", start: 20, end: 100, kind: 5 },
      { id: "send", parent: "consume", start: 30, end: 90 },
    ])).toEqual(["consume 90-100", "send 30-90", "consume 20-30", "publish 10-12", "root 0-10"]);
  });

  it("leaves out a consumer that finishes inside its producer: the producer did not wait for it", () => {
    expect(path([
      { id: "root", start: 0, end: 100, kind: 2 },
      { id: "publish", parent: "root", start: 10, end: 40, kind: 4 },
      { id: "consume", parent: "publish", start: 15, end: 30, kind: 5 },
    ])).toEqual(["root 40-100", "publish 10-40", "root 0-10"]);
    // Past the producer's end, the same consumer is what made the trace long.
    expect(path([
      { id: "root", start: 0, end: 100, kind: 2 },
      { id: "publish", parent: "root", start: 10, end: 40, kind: 4 },
      { id: "consume", parent: "publish", start: 15, end: 100, kind: 5 },
    ])).toEqual(["consume 15-100", "publish 10-15", "root 0-10"]);
  });

  it("ignores a child entirely after its parent, and one entirely before", () => {
    expect(path([
      { id: "root", start: 10, end: 100 },
      { id: "after", parent: "root", start: 120, end: 150 },
      { id: "before", parent: "root", start: 0, end: 5 },
    ])).toEqual(["root 10-100"]);
  });

  it("spans several roots and orphans through the virtual top", () => {
    expect(path([
      { id: "r1", start: 0, end: 40 },
      { id: "r2", start: 50, end: 100 },
      { id: "orphan", parent: "gone", start: 42, end: 48 },
      { id: "overlap", parent: "gone", start: 30, end: 60 },
    ])).toEqual(["r2 50-100", "orphan 42-48", "r1 0-40"]);
  });

  it("terminates on zero-length spans at the same instant", () => {
    const t = buildSpanTree(compactTrace([
      { id: "root", start: 0, end: 10 },
      ...Array.from({ length: 50 }, (_, i) => ({ id: `z${i}`, parent: "root", start: 5, end: 5 })),
    ]));
    expect(Array.from(criticalPath(t).rows, (p) => t.trace.spanId[t.span[p]])).toEqual(["root"]);
  });

  it("handles 100,000 children of one root in linear-ish time", () => {
    const spans = [{ id: "root", start: 0, end: 100_001 }, ...Array.from({ length: 100_000 }, (_, i) => ({ id: `s${i}`, parent: "root", start: i, end: i + 1 }))];
    const t = buildSpanTree(compactTrace(spans));
    const t0 = performance.now();
    const cp = criticalPath(t);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(cp.rows).toHaveLength(100_001);
  });
});
