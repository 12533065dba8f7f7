import { describe, expect, it } from "vitest";
import { buildSpanTree } from "./build-tree";
import { compactTrace } from "./fixtures";
import { selfTimes } from "./self-time";
import { traceStats } from "./stats";
import { spanIndexMap } from "./columns";

function selfMs(spans: Parameters<typeof compactTrace>[0]) {
  const t = buildSpanTree(compactTrace(spans));
  const self = selfTimes(t);
  return Object.fromEntries(spans.map((s) => [s.id, self[t.pos[spanIndexMap(t.trace).get(s.id)!]] / 1e6]));
}

describe("selfTimes", () => {
  it("subtracts children, counting overlapping children once", () => {
    expect(selfMs([
      { id: "root", start: 0, end: 100 },
      { id: "a", parent: "root", start: 10, end: 40 },
      { id: "b", parent: "root", start: 30, end: 50 },
      { id: "c", parent: "root", start: 60, end: 70 },
    ])).toEqual({ root: 50, a: 30, b: 20, c: 10 });
  });

  it("does not subtract the part of a child outside the span", () => {
    expect(selfMs([
      { id: "root", start: 0, end: 100 },
      { id: "late", parent: "root", start: 80, end: 150 },
      { id: "early", parent: "root", start: -20, end: 10 },
    ])).toEqual({ root: 70, late: 70, early: 30 });
  });

  it("is the whole duration for a leaf and zero for a fully covered parent", () => {
    expect(selfMs([
      { id: "p", start: 0, end: 10 },
      { id: "k", parent: "p", start: 0, end: 10 },
    ])).toEqual({ p: 0, k: 10 });
  });
});

describe("traceStats", () => {
  it("sums count, total and self time per service and per operation", () => {
    const t = buildSpanTree(compactTrace([
      { id: "root", start: 0, end: 100, service: "web", name: "GET /" },
      { id: "q1", parent: "root", start: 10, end: 40, service: "db", name: "SELECT" },
      { id: "q2", parent: "root", start: 50, end: 60, service: "db", name: "SELECT", error: true },
      { id: "i", parent: "root", start: 70, end: 75, service: "db", name: "INSERT" },
    ]));
    const { services, operations } = traceStats(t, selfTimes(t));
    expect(services.map((s) => [s.service, s.count, s.totalNs / 1e6, s.selfNs / 1e6, s.errors])).toEqual([
      ["web", 1, 100, 55, 0],
      ["db", 3, 45, 45, 1],
    ]);
    expect(operations.map((o) => [o.operation, o.count, o.maxNs / 1e6])).toEqual([["GET /", 1, 100], ["SELECT", 2, 30], ["INSERT", 1, 5]]);
  });
});
