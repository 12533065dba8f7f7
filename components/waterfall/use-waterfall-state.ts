"use client";

import { useCallback, useMemo, useState } from "react";
import type { WaterfallModel } from "@/lib/waterfall/model";
import { withAncestors } from "@/lib/waterfall/search";
import { collapsedRows, revealRow, rowKey, rowOfKey, toggleKeys, visibleRows, type CollapseState } from "@/lib/waterfall/visible-rows";
import type { ViewWindow } from "./layout";
import { useTraceSearch } from "./use-trace-search";
import { useWaterfallUrl } from "./url-state";

/**
 * The waterfall's state: what the URL holds (selection, zoom, search, collapse, toggles)
 * and what follows from it (collapsed rows, matches, rows on screen), recomputed only
 * when its inputs change. The focused row is local: arrows move it without touching the URL.
 */
export function useWaterfallState(model: WaterfallModel, traceId: string) {
  const { tree } = model;
  const [url, setUrl] = useWaterfallUrl();
  const collapse = useMemo<CollapseState>(() => ({ depth: url.depth, toggled: url.flip }), [url.depth, url.flip]);
  const collapsed = useMemo(() => collapsedRows(tree, collapse), [tree, collapse]);
  const search = useTraceSearch(model, traceId, url.q);
  const filtering = url.only && search.search.kind !== "none";
  const keep = useMemo(() => (filtering ? withAncestors(tree, search.matches) : null), [filtering, tree, search.matches]);
  const rows = useMemo(() => visibleRows(tree, collapsed, keep), [tree, collapsed, keep]);
  const indexOf = useMemo(() => {
    const at = new Int32Array(tree.size).fill(-1);
    for (let i = 0; i < rows.length; i++) at[rows[i]] = i;
    return at;
  }, [tree, rows]);

  const selectedPos = url.span ? rowOfKey(tree, url.span) : -1;
  const [focus, setFocus] = useState(() => Math.max(selectedPos, 0));

  const full = tree.durationNs || 1;
  const view: ViewWindow = useMemo(() => {
    const from = url.from !== null ? url.from * 1e6 : 0;
    const to = url.to !== null ? url.to * 1e6 : full;
    return to > from ? { from, to } : { from: 0, to: full };
  }, [url.from, url.to, full]);
  const zoomed = view.from > 0 || view.to < full;

  const toggle = useCallback((p: number) => {
    if (tree.childCount[p] > 0) void setUrl({ flip: toggleKeys(collapse.toggled, [rowKey(tree, p)]) });
  }, [tree, collapse, setUrl]);

  /** Opens the collapsed ancestors of a row, so it can be shown. */
  const reveal = useCallback((p: number) => {
    const next = revealRow(tree, collapse, collapsed, p);
    if (next !== collapse) void setUrl({ flip: [...next.toggled] });
  }, [tree, collapse, collapsed, setUrl]);

  const select = useCallback((p: number | null) => {
    void setUrl({ span: p === null || tree.span[p] < 0 ? null : rowKey(tree, p) });
  }, [tree, setUrl]);

  /** Zoom to a part of a window, given as fractions of it. */
  const zoomWithin = useCallback((base: ViewWindow, [a, b]: [number, number]) => {
    const span = base.to - base.from;
    const from = base.from + a * span;
    const to = base.from + b * span;
    if (to - from < 1) return;
    // ms in the URL (readable), to the nanosecond.
    void setUrl({ from: Math.round(from) / 1e6, to: Math.round(to) / 1e6 });
  }, [setUrl]);

  return {
    url, setUrl, rows, indexOf, collapsed, collapse, search, filtering, view, zoomed, selectedPos, focus, setFocus,
    toggle, reveal, select, zoomWithin,
    resetZoom: () => void setUrl({ from: null, to: null }),
    expandAll: () => void setUrl({ depth: null, flip: null }),
    collapseTo: (depth: number) => void setUrl({ depth, flip: null }),
    full: { from: 0, to: full } as ViewWindow,
  };
}

export type WaterfallState = ReturnType<typeof useWaterfallState>;
