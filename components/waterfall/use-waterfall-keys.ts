"use client";

import { useCallback, type KeyboardEvent, type RefObject } from "react";
import { treeKeyTarget } from "@/lib/tree-keys";
import type { WaterfallModel } from "@/lib/waterfall/model";
import type { RowsHandle } from "./span-rows";
import type { WaterfallState } from "./use-waterfall-state";

/** The nearest row on screen at or above `p` (a collapse can hide the focused row). */
export function shownAncestor(model: WaterfallModel, indexOf: Int32Array, p: number): number {
  let q = p;
  while (q >= 0 && indexOf[q] < 0) q = model.tree.parent[q];
  return q;
}

/**
 * Tree keys on the list, as in file trees: up and down move, right expands (or goes to
 * the first child), left collapses (or goes to the parent), Enter opens the details,
 * Home/End/PageUp/PageDown jump. `n`/`N` step through matches and `e` to the next error.
 */
export function useWaterfallKeys(model: WaterfallModel, st: WaterfallState, rowsRef: RefObject<RowsHandle | null>, actions: { stepMatch: (dir: 1 | -1) => void; nextError: () => void }) {
  const { tree } = model;
  const { rows, indexOf, collapsed, focus, setFocus, toggle, select } = st;
  const { stepMatch, nextError } = actions;
  return useCallback((e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || rows.length === 0) return;
    const p = shownAncestor(model, indexOf, focus);
    const i = p >= 0 ? indexOf[p] : 0;
    const parent = p >= 0 ? tree.parent[p] : -1;
    const target = treeKeyTarget(e.key, {
      index: i, rowCount: rows.length, page: Math.floor((e.currentTarget.clientHeight || 600) / 28) - 1,
      hasChildren: tree.childCount[p] > 0, collapsed: !!collapsed[p], parentIndex: parent >= 0 ? indexOf[parent] : -1,
    });
    if (target?.kind === "move") {
      setFocus(rows[target.index]);
      rowsRef.current?.scrollToIndex(target.index);
    } else if (target?.kind === "toggle") toggle(p);
    else if (!target) {
      switch (e.key) {
        case "Enter":
        case " ":
          if (tree.span[p] >= 0) select(p);
          else toggle(p);
          break;
        case "n": stepMatch(1); break;
        case "N": stepMatch(-1); break;
        case "e": nextError(); break;
        default: return;
      }
    }
    e.preventDefault();
  }, [model, tree, rows, indexOf, collapsed, focus, setFocus, toggle, select, rowsRef, stepMatch, nextError]);
}
