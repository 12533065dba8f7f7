import { describe, expect, it } from "vitest";
import { typedColumns } from "./columns";
import { compactTrace, type SpanSpec } from "./fixtures";
import { analyse, buildBase, buildModel } from "./model";
import { markSpanIds, matchLocally, positionsOf } from "./search";
import { parseTraceSearch } from "./search-query";
import { rowKey, rowOfKey } from "./visible-rows";

const SPANS: SpanSpec[] = [
  { id: "root", start: 0, end: 100, name: "GET /checkout", service: "web" },
  { id: "a", parent: "root", start: 5, end: 40, name: "charge card", service: "payments", error: true, events: [[20, "exception"]] },
  { id: "b", parent: "root", start: 40, end: 95, name: "SELECT", service: "db" },
  { id: "orphan", parent: "gone", start: 10, end: 20, name: "late", service: "db" },
];

describe("the model in two parts, as the worker sends it", () => {
  it("gives the same tree, path, self times and statistics from typed columns as from the JSON arrays", async () => {
    const plain = await buildModel(compactTrace(SPANS));
    const base = buildBase(typedColumns(compactTrace(SPANS)));
    const analysis = analyse(base.tree);
    expect(Array.from(base.tree.span)).toEqual(Array.from(plain.tree.span));
    expect(Array.from(base.tree.depth)).toEqual(Array.from(plain.tree.depth));
    expect(Array.from(base.errorRows)).toEqual(Array.from(plain.errorRows));
    expect(Array.from(analysis.critical.rows)).toEqual(Array.from(plain.analysis!.critical.rows));
    expect(Array.from(analysis.selfNs)).toEqual(Array.from(plain.analysis!.selfNs));
    expect(analysis.stats).toEqual(plain.analysis!.stats);
    expect(analysis.stats.services.map((r) => [r.service, r.count, r.errors])).toEqual([["db", 2, 0], ["payments", 1, 1], ["web", 1, 0]]);
  });

  it("survives a structured clone (the worker's postMessage): keys, span ids and search still resolve", () => {
    const sent = buildBase(typedColumns(compactTrace(SPANS)));
    const base = structuredClone(sent);
    const analysis = structuredClone(analyse(sent.tree));
    const { tree } = base;
    expect(tree.trace.name).toBeInstanceOf(Int32Array);
    expect(rowOfKey(tree, "b")).toBe(sent.tree.pos[2]);
    expect(rowKey(tree, rowOfKey(tree, "~gone"))).toBe("~gone");
    const hits = positionsOf(markSpanIds(tree, ["a"], matchLocally(tree, parseTraceSearch("select"))));
    expect(Array.from(hits, (p) => rowKey(tree, p)).sort()).toEqual(["a", "b"]);
    expect(analysis.critical.onPath[rowOfKey(tree, "b")]).toBe(1);
    expect(base.events.first[base.events.first.length - 1]).toBe(1);
  });
});
