import { describe, expect, it } from "vitest";
import { buildSpanTree, findCycles } from "./build-tree";
import { compactTrace } from "./fixtures";
import type { SpanTree } from "./types";
import { spanIndexMap } from "./columns";

/** Rows as `id@depth`, markers as `[missing x]` / `[cycle a,b]`. */
function rows(t: SpanTree) {
  return Array.from(t.span, (s, p) => {
    if (s >= 0) return `${t.trace.spanId[s]}@${t.depth[p]}`;
    const m = t.markers[-1 - s];
    return `[${m.kind} ${m.spanIds.join(",")}]@${t.depth[p]}`;
  });
}

describe("buildSpanTree", () => {
  it("puts children under parents, siblings by start time", () => {
    const t = buildSpanTree(compactTrace([
      { id: "c2", parent: "a", start: 5, end: 9 },
      { id: "a", start: 0, end: 10 },
      { id: "c1", parent: "a", start: 1, end: 4 },
      { id: "g", parent: "c1", start: 2, end: 3 },
    ]));
    expect(rows(t)).toEqual(["a@0", "c1@1", "g@2", "c2@1"]);
    expect(Array.from(t.end)).toEqual([4, 3, 3, 4]);
    expect(Array.from(t.parent)).toEqual([-1, 0, 1, 0]);
    expect(t.maxDepth).toBe(2);
    expect(t.durationNs).toBe(10e6);
    expect(t.pos[spanIndexMap(t.trace).get("g")!]).toBe(2);
  });

  it("keeps orphans under a visible missing-parent marker, one per absent parent", () => {
    const t = buildSpanTree(compactTrace([
      { id: "a", start: 0, end: 10 },
      { id: "x", parent: "gone", start: 2, end: 6 },
      { id: "y", parent: "x", start: 3, end: 4 },
      { id: "z", parent: "gone", start: 4, end: 12 },
      { id: "w", parent: "other", start: 1, end: 2 },
    ]));
    expect(rows(t)).toEqual(["a@0", "[missing gone]@0", "x@1", "y@2", "z@1", "[missing other]@0", "w@1"]);
    expect(t.markers.map((m) => m.key)).toEqual(["~gone", "~other"]);
    // A marker spans its children, so its bar covers the orphaned work.
    expect([t.start[1] / 1e6, t.finish[1] / 1e6]).toEqual([2, 12]);
    expect(t.durationNs).toBe(12e6);
  });

  it("reports a cycle and shows its members under a cycle marker instead of looping", () => {
    const t = buildSpanTree(compactTrace([
      { id: "root", start: 0, end: 10 },
      { id: "p", parent: "q", start: 1, end: 3 },
      { id: "q", parent: "p", start: 2, end: 4 },
      { id: "kid", parent: "q", start: 3, end: 3.5 },
      { id: "self", parent: "self", start: 5, end: 6 },
    ]));
    expect(t.cycles).toEqual([["p", "q"], ["self"]]);
    // The earliest member (p) is cut from its parent; q and q's other children follow it.
    expect(rows(t)).toEqual(["root@0", "[cycle p,q]@0", "p@1", "q@2", "kid@3", "[cycle self]@0", "self@1"]);
    expect(t.size).toBe(7);
  });

  it("keeps a child that runs outside its parent's time range where it belongs", () => {
    const t = buildSpanTree(compactTrace([
      { id: "a", start: 0, end: 10 },
      { id: "late", parent: "a", start: 8, end: 25 },
      { id: "early", parent: "a", start: -2, end: 1 },
    ]));
    expect(rows(t)).toEqual(["a@0", "early@1", "late@1"]);
    expect(t.durationNs).toBe(25e6);
    expect(t.finish[t.pos[spanIndexMap(t.trace).get("late")!]]).toBe(25e6);
  });

  it("shows several roots side by side and survives duplicate span ids", () => {
    const t = buildSpanTree(compactTrace([
      { id: "r1", start: 0, end: 5 },
      { id: "r2", start: 1, end: 6 },
      { id: "r2", start: 2, end: 3 },
      { id: "c", parent: "r2", start: 2, end: 4 },
    ]));
    // Children find the first span with their parent's id; the second is still shown.
    expect(rows(t)).toEqual(["r1@0", "r2@0", "c@1", "r2@0"]);
  });

  it("builds a 100,000-span tree in well under a second", () => {
    const spans = Array.from({ length: 100_000 }, (_, i) => ({ id: `s${i}`, parent: i ? `s${Math.floor((i - 1) / 4)}` : null, start: i / 100, end: i / 100 + 1 }));
    const trace = compactTrace(spans);
    const t0 = performance.now();
    const t = buildSpanTree(trace);
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(t.size).toBe(100_000);
    expect(t.maxDepth).toBe(9);
  });
});

describe("buildSpanTree on very deep traces", () => {
  it("walks a 100,000-deep chain without stratify's quadratic height pass", () => {
    const n = 100_000;
    const t0 = performance.now();
    const t = buildSpanTree(compactTrace(Array.from({ length: n }, (_, i) => ({ id: `s${i}`, parent: i ? `s${i - 1}` : null, start: i, end: 2 * n - i }))));
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(t.maxDepth).toBe(n - 1);
    expect(t.end[0]).toBe(n);
  });

  it("gives the same rows either way", () => {
    const trace = compactTrace([
      { id: "a", start: 0, end: 10 }, { id: "b", parent: "a", start: 3, end: 4 }, { id: "c", parent: "a", start: 1, end: 2 },
      { id: "d", parent: "c", start: 1, end: 2 }, { id: "o", parent: "gone", start: 0, end: 1 }, { id: "p", parent: "q", start: 1, end: 2 },
      { id: "q", parent: "p", start: 2, end: 3 }, { id: "r", start: 5, end: 6 },
    ]);
    const a = buildSpanTree(trace, "stratify");
    const b = buildSpanTree(trace, "plain");
    for (const k of ["span", "depth", "parent", "end", "childCount", "start", "finish"] as const) expect(Array.from(b[k])).toEqual(Array.from(a[k]));
  });

  it("gives the same rows either way on a big random trace (ties in start time included)", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const spans = Array.from({ length: 5_000 }, (_, i) => {
      const start = Math.floor(rand() * 50);
      return { id: `s${i}`, parent: i === 0 ? null : rand() < 0.01 ? `gone${i % 3}` : `s${Math.floor(rand() * i)}`, start, end: start + 1 + Math.floor(rand() * 50) };
    });
    const a = buildSpanTree(compactTrace(spans), "stratify");
    const b = buildSpanTree(compactTrace(spans));
    expect(b.markers).toEqual(a.markers);
    for (const k of ["span", "depth", "parent", "end", "childCount", "start", "finish"] as const) expect(Array.from(b[k])).toEqual(Array.from(a[k]));
  });
});

describe("findCycles", () => {
  it("finds each cycle once, not the chains leading into it", () => {
    // 0 -> 1 -> 2 -> 1 (cycle 1,2), 3 -> 0, 4 root
    expect(findCycles(Int32Array.from([1, 2, 1, 0, -1]))).toEqual([[1, 2]]);
  });
});
