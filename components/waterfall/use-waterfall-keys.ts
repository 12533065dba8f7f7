"use client";

import { useCallback, type KeyboardEvent, type RefObject } from "react";
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
    const moveTo = (index: number) => {
      const j = Math.min(rows.length - 1, Math.max(0, index));
      setFocus(rows[j]);
      rowsRef.current?.scrollToIndex(j);
    };
    const page = Math.max(1, Math.floor(((e.currentTarget.clientHeight || 600) / 28) - 1));
    switch (e.key) {
      case "ArrowDown": moveTo(i + 1); break;
      case "ArrowUp": moveTo(i - 1); break;
      case "PageDown": moveTo(i + page); break;
      case "PageUp": moveTo(i - page); break;
      case "Home": moveTo(0); break;
      case "End": moveTo(rows.length - 1); break;
      case "ArrowRight":
        if (tree.childCount[p] === 0) break;
        if (collapsed[p]) toggle(p);
        else moveTo(i + 1);
        break;
      case "ArrowLeft":
        if (tree.childCount[p] > 0 && !collapsed[p]) toggle(p);
        else if (tree.parent[p] >= 0 && indexOf[tree.parent[p]] >= 0) moveTo(indexOf[tree.parent[p]]);
        break;
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
    e.preventDefault();
  }, [model, tree, rows, indexOf, collapsed, focus, setFocus, toggle, select, rowsRef, stepMatch, nextError]);
}
