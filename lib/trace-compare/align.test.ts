import { describe, expect, it } from "vitest";
import { compactTrace, type SpanSpec } from "@/lib/waterfall/fixtures";
import { alignTraces, presenceOf, type Alignment } from "./align";
import { packAlignment } from "./packed";
import { alikeSubtrees, visibleNodes } from "./visible";
import { durationDiff } from "./diff";

const MS = 1e6;

/** Rows as a person reads them: indented `service:name`, presence, counts and sums (ms) per side. */
function rows(al: Alignment): string[] {
  return Array.from(al.order, (id) => {
    const n = al.nodes[id];
    if (id === 0) return `(trace) ${n.a.count}/${n.b.count} ${n.a.sumNs / MS}/${n.b.sumNs / MS}`;
    return `${"  ".repeat(n.depth - 1)}${n.service}:${n.name} ${presenceOf(n)} ${n.a.count}/${n.b.count} ${n.a.sumNs / MS}/${n.b.sumNs / MS}`;
  });
}

const checkout = (extra: SpanSpec[] = []): SpanSpec[] => [
  { id: "r", start: 0, end: 100, name: "GET /checkout", service: "web" },
  { id: "c", parent: "r", start: 10, end: 60, name: "charge", service: "payments" },
  ...extra,
];

describe("alignTraces", () => {
  it("puts spans on the same path in both traces into one node, with durations per side", () => {
    const al = alignTraces(compactTrace(checkout()), compactTrace([
      { id: "x", start: 0, end: 150, name: "GET /checkout", service: "web" },
      { id: "y", parent: "x", start: 5, end: 125, name: "charge", service: "payments" },
    ]));
    expect(rows(al)).toEqual([
      "(trace) 2/2 100/150",
      "web:GET /checkout both 1/1 100/150",
      "  payments:charge both 1/1 50/120",
    ]);
    expect(al.counts).toEqual({ both: 2, a: 0, b: 0 });
    expect(al.a).toMatchObject({ rootName: "GET /checkout", rootService: "web", spanCount: 2, durationNs: 100 * MS });
  });

  it("marks a path only in A and a path only in B, each with its subtree", () => {
    const al = alignTraces(
      compactTrace(checkout([{ id: "f", parent: "r", start: 60, end: 70, name: "fraud check", service: "risk" }])),
      compactTrace(checkout([
        { id: "k", parent: "r", start: 60, end: 90, name: "reserve", service: "stock" },
        { id: "k2", parent: "k", start: 61, end: 89, name: "SELECT", service: "stock-db" },
      ])),
    );
    expect(rows(al)).toEqual([
      "(trace) 3/4 100/100",
      "web:GET /checkout both 1/1 100/100",
      "  payments:charge both 1/1 50/50",
      "  risk:fraud check a 1/0 10/0",
      "  stock:reserve b 0/1 0/30",
      "    stock-db:SELECT b 0/1 0/28",
    ]);
    expect(al.counts).toEqual({ both: 2, a: 1, b: 2 });
    const reserve = al.nodes[al.order[4]];
    expect(reserve.b).toMatchObject({ subtree: 2, spanId: "k" });
    expect(reserve.a.spanId).toBeNull();
  });

  it("merges repeated siblings with their counts, sum and longest, and their children too", () => {
    const queries = (n: number, ms: number) => Array.from({ length: n }, (_, i): SpanSpec => ({
      id: `q${i}`, parent: "r", start: 10 + i * ms, end: 10 + (i + 1) * ms, name: "SELECT", service: "db",
    }));
    const a = compactTrace(checkout(queries(3, 5)));
    const b = compactTrace([...checkout(queries(5, 10)), { id: "p", parent: "q4", start: 51, end: 52, name: "pool wait", service: "db" }]);
    const al = alignTraces(a, b);
    expect(rows(al)).toEqual([
      "(trace) 5/8 100/100",
      "web:GET /checkout both 1/1 100/100",
      "  payments:charge both 1/1 50/50",
      "  db:SELECT both 3/5 15/50",
      "    db:pool wait b 0/1 0/1",
    ]);
    const select = al.nodes[al.order[3]];
    expect(select.a.maxNs).toBe(5 * MS);
    expect(select.b.maxNs).toBe(10 * MS);
    expect(select.a.spanId).toBe("q0");
    expect(select.b.subtree).toBe(6);
  });

  it("keeps the same operation name in different services apart", () => {
    const al = alignTraces(
      compactTrace([{ id: "r", start: 0, end: 10, name: "handle", service: "api" }, { id: "c", parent: "r", start: 1, end: 5, name: "send", service: "mailer" }]),
      compactTrace([{ id: "r", start: 0, end: 10, name: "handle", service: "api" }, { id: "c", parent: "r", start: 1, end: 5, name: "send", service: "sms" }]),
    );
    expect(rows(al)).toEqual([
      "(trace) 2/2 10/10",
      "api:handle both 1/1 10/10",
      "  mailer:send a 1/0 4/0",
      "  sms:send b 0/1 0/4",
    ]);
  });

  it("aligns by path, not by name alone: the same span under another parent is another node", () => {
    const al = alignTraces(
      compactTrace([{ id: "r", start: 0, end: 10, name: "root" }, { id: "a", parent: "r", start: 1, end: 9, name: "A" }, { id: "x", parent: "a", start: 2, end: 3, name: "X" }]),
      compactTrace([{ id: "r", start: 0, end: 10, name: "root" }, { id: "b", parent: "r", start: 1, end: 9, name: "B" }, { id: "x", parent: "b", start: 2, end: 3, name: "X" }]),
    );
    expect(rows(al)).toEqual([
      "(trace) 3/3 10/10",
      "svc:root both 1/1 10/10",
      "  svc:A a 1/0 8/0",
      "    svc:X a 1/0 1/0",
      "  svc:B b 0/1 0/8",
      "    svc:X b 0/1 0/1",
    ]);
  });

  it("orders siblings by when they start in either trace, so B's new paths sit among A's", () => {
    const al = alignTraces(
      compactTrace([{ id: "r", start: 0, end: 10, name: "root" }, { id: "1", parent: "r", start: 1, end: 2, name: "first" }, { id: "3", parent: "r", start: 5, end: 6, name: "third" }]),
      compactTrace([{ id: "r", start: 0, end: 10, name: "root" }, { id: "2", parent: "r", start: 3, end: 4, name: "second" }]),
    );
    expect(rows(al).slice(2).map((r) => r.trim().split(" ")[0])).toEqual(["svc:first", "svc:second", "svc:third"]);
  });

  it("treats spans whose parent never arrived as roots, and cuts parent cycles without losing a span", () => {
    const al = alignTraces(
      compactTrace([
        { id: "r", start: 0, end: 10, name: "root" },
        { id: "o", parent: "gone", start: 2, end: 4, name: "orphan" },
        { id: "c1", parent: "c2", start: 5, end: 6, name: "loop" },
        { id: "c2", parent: "c1", start: 6, end: 7, name: "loop" },
      ]),
      compactTrace([{ id: "r", start: 0, end: 12, name: "root" }]),
    );
    expect(rows(al)).toEqual([
      "(trace) 4/1 10/12",
      "svc:root both 1/1 10/12",
      "svc:orphan a 1/0 2/0",
      "svc:loop a 1/0 1/0",
      "  svc:loop a 1/0 1/0",
    ]);
  });

  it("handles empty traces", () => {
    const empty = compactTrace([]);
    const al = alignTraces(empty, empty);
    expect(rows(al)).toEqual(["(trace) 0/0 0/0"]);
    expect(al.a).toMatchObject({ spanCount: 0, durationNs: 0, rootName: "" });
  });

  it("keeps subtree ranges in pre-order, so a collapsed node hides exactly its descendants", () => {
    const al = alignTraces(compactTrace(checkout([{ id: "g", parent: "c", start: 11, end: 12, name: "grpc", service: "payments" }])), compactTrace(checkout()));
    // order: trace, web, charge, grpc
    expect(Array.from(al.subtreeEnd)).toEqual([4, 4, 4, 4]);
    expect(al.maxDepth).toBe(3);
  });

  // No timing assertion (the machine may be loaded): a walk quadratic in depth or width would run into the test timeout.
  it("stays linear: a 100,000-span chain and a 100,000-span flat trace align", () => {
    const N = 100_000;
    const chain = compactTrace(Array.from({ length: N }, (_, i): SpanSpec => ({ id: `s${i}`, parent: i ? `s${i - 1}` : null, start: i / 1000, end: 200, name: `op${i % 7}` })));
    const flat = compactTrace(Array.from({ length: N }, (_, i): SpanSpec => ({ id: `f${i}`, parent: i ? "f0" : null, start: i / 1000, end: 200, name: `op${i % 50}` })));
    const deep = alignTraces(chain, chain);
    const wide = alignTraces(flat, chain);
    expect(deep.nodes.length).toBe(N + 1);
    expect(deep.maxDepth).toBe(N);
    expect(wide.counts.both).toBe(2); // op0 and op1 under it
  });
});

describe("durationDiff", () => {
  it("calls differences within 5% the same, and grades slower and faster", () => {
    expect(durationDiff(100, 104)).toMatchObject({ tone: "same", strength: 0 });
    expect(durationDiff(100, 110)).toMatchObject({ tone: "slower", strength: 1, deltaNs: 10 });
    expect(durationDiff(100, 130)).toMatchObject({ tone: "slower", strength: 2 });
    expect(durationDiff(100, 210)).toMatchObject({ tone: "slower", strength: 3 });
    expect(durationDiff(210, 100)).toMatchObject({ tone: "faster", strength: 3, deltaNs: -110 });
    expect(durationDiff(0, 0)).toMatchObject({ tone: "same" });
    expect(durationDiff(0, 5)).toMatchObject({ tone: "slower", strength: 3, ratio: Infinity });
  });
});

describe("visibleNodes and alikeSubtrees", () => {
  const al = alignTraces(
    compactTrace(checkout([{ id: "g", parent: "c", start: 11, end: 12, name: "grpc", service: "payments" }, { id: "s", parent: "r", start: 70, end: 80, name: "ship" }])),
    compactTrace(checkout([{ id: "g", parent: "c", start: 11, end: 12, name: "grpc", service: "payments" }, { id: "t", parent: "r", start: 70, end: 80, name: "track" }])),
  );
  const packed = packAlignment(al);
  const names = (ids: Int32Array) => Array.from(ids, (id) => al.nodes[id].name || "(trace)");

  it("skips exactly the subtree of a collapsed node", () => {
    expect(names(visibleNodes(packed, new Set()))).toEqual(["(trace)", "GET /checkout", "charge", "grpc", "ship", "track"]);
    const charge = al.order[2];
    expect(names(visibleNodes(packed, new Set([charge])))).toEqual(["(trace)", "GET /checkout", "charge", "ship", "track"]);
    expect(names(visibleNodes(packed, new Set([0])))).toEqual(["(trace)"]);
  });

  it("finds the largest subtrees that are the same in both traces, under a node that differs", () => {
    expect([...alikeSubtrees(packed)].map((id) => al.nodes[id].name)).toEqual(["charge"]);
  });
});
