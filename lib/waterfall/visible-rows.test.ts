import { describe, expect, it } from "vitest";
import { buildSpanTree } from "./build-tree";
import { compactTrace } from "./fixtures";
import { collapsedRows, revealRow, rowKey, rowOfKey, toggleKeys, visibleRows, type CollapseState } from "./visible-rows";

const t = buildSpanTree(compactTrace([
  { id: "a", start: 0, end: 10 },
  { id: "b", parent: "a", start: 1, end: 5 },
  { id: "c", parent: "b", start: 2, end: 3 },
  { id: "d", parent: "a", start: 6, end: 9 },
  { id: "o", parent: "gone", start: 4, end: 5 },
]));
const ids = (rows: Int32Array) => Array.from(rows, (p) => rowKey(t, p));
const shown = (state: CollapseState, keep: Uint8Array | null = null) => ids(visibleRows(t, collapsedRows(t, state), keep));

describe("visible rows", () => {
  it("shows every row when all is expanded", () => {
    expect(shown({ depth: null, toggled: [] })).toEqual(["a", "b", "c", "d", "~gone", "o"]);
  });

  it("collapses to a depth, and a toggle flips one row back", () => {
    expect(shown({ depth: 0, toggled: [] })).toEqual(["a", "~gone"]);
    expect(shown({ depth: 1, toggled: [] })).toEqual(["a", "b", "d", "~gone", "o"]);
    expect(shown({ depth: 0, toggled: ["a"] })).toEqual(["a", "b", "d", "~gone"]);
    expect(shown({ depth: null, toggled: ["b", "~gone"] })).toEqual(["a", "b", "d", "~gone"]);
  });

  it("ignores toggles of leaves and of ids the trace does not have", () => {
    expect(shown({ depth: null, toggled: ["c", "nope", "~nope"] })).toEqual(["a", "b", "c", "d", "~gone", "o"]);
  });

  it("keeps only the given rows, skipping subtrees outside them", () => {
    const keep = new Uint8Array(t.size);
    for (const k of ["a", "b", "c"]) keep[rowOfKey(t, k)] = 1;
    expect(shown({ depth: null, toggled: [] }, keep)).toEqual(["a", "b", "c"]);
  });

  it("reveals a hidden row by opening its collapsed ancestors", () => {
    const state: CollapseState = { depth: 0, toggled: [] };
    const next = revealRow(t, state, collapsedRows(t, state), rowOfKey(t, "c"));
    expect([...next.toggled].sort()).toEqual(["a", "b"]);
    expect(shown(next)).toContain("c");
  });

  it("toggles keys in and out", () => {
    expect(toggleKeys(["a", "b"], ["b", "c"])).toEqual(["a", "c"]);
  });
});
