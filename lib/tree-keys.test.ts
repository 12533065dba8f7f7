import { describe, expect, it } from "vitest";
import { treeKeyTarget, type TreeCursor } from "./tree-keys";

/** Row 3 of 10, an expanded parent whose own parent is row 1. */
const at = (over: Partial<TreeCursor> = {}): TreeCursor => ({ index: 3, rowCount: 10, page: 4, hasChildren: true, collapsed: false, parentIndex: 1, ...over });

describe("treeKeyTarget", () => {
  it("moves a row up and down, and jumps a page or to either end, never past the list", () => {
    expect(treeKeyTarget("ArrowDown", at())).toEqual({ kind: "move", index: 4 });
    expect(treeKeyTarget("ArrowUp", at())).toEqual({ kind: "move", index: 2 });
    expect(treeKeyTarget("PageDown", at())).toEqual({ kind: "move", index: 7 });
    expect(treeKeyTarget("PageUp", at())).toEqual({ kind: "move", index: 0 });
    expect(treeKeyTarget("Home", at())).toEqual({ kind: "move", index: 0 });
    expect(treeKeyTarget("End", at())).toEqual({ kind: "move", index: 9 });
    expect(treeKeyTarget("ArrowDown", at({ index: 9 }))).toEqual({ kind: "move", index: 9 });
    expect(treeKeyTarget("ArrowUp", at({ index: 0 }))).toEqual({ kind: "move", index: 0 });
    expect(treeKeyTarget("PageDown", at({ page: 0 }))).toEqual({ kind: "move", index: 4 });
  });

  it("right expands a collapsed row, else goes to its first child; on a leaf it stays", () => {
    expect(treeKeyTarget("ArrowRight", at({ collapsed: true }))).toEqual({ kind: "toggle" });
    expect(treeKeyTarget("ArrowRight", at())).toEqual({ kind: "move", index: 4 });
    expect(treeKeyTarget("ArrowRight", at({ hasChildren: false }))).toEqual({ kind: "stay" });
  });

  it("left collapses an expanded row, else goes to its parent; at the top it stays", () => {
    expect(treeKeyTarget("ArrowLeft", at())).toEqual({ kind: "toggle" });
    expect(treeKeyTarget("ArrowLeft", at({ collapsed: true }))).toEqual({ kind: "move", index: 1 });
    expect(treeKeyTarget("ArrowLeft", at({ hasChildren: false }))).toEqual({ kind: "move", index: 1 });
    expect(treeKeyTarget("ArrowLeft", at({ hasChildren: false, parentIndex: -1 }))).toEqual({ kind: "stay" });
  });

  it("leaves every other key to the caller", () => {
    for (const key of ["Enter", " ", "a", "n", "Escape", "Tab"]) expect(treeKeyTarget(key, at())).toBeNull();
  });
});
