"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import type { DurationMeasure } from "@/lib/trace-compare/diff";
import { stringAt, type PackedAlignment } from "@/lib/trace-compare/packed";
import { alikeSubtrees, visibleNodes } from "@/lib/trace-compare/visible";
import { treeKeyTarget } from "@/lib/tree-keys";
import { Button } from "@/components/ui/button";
import { COLS, CompareRow, ROW_H, spanHref } from "./compare-row";

const OVERSCAN = 8;
const estimate = () => ROW_H;

/**
 * The aligned tree, virtualised: only the rows in view are in the DOM, so two 100,000-span
 * traces scroll like small ones. One tab stop; keys as in a file tree (↑/↓ move, → expands
 * or goes to the first child, ← collapses or goes to the parent, Home/End, PageUp/PageDown;
 * `a`/`b` open the row's span in trace A or B).
 */
export function CompareTree({ alignment: al, measure }: { alignment: PackedAlignment; measure: DurationMeasure }) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const [focus, setFocus] = useState(0);
  const rows = useMemo(() => visibleNodes(al, collapsed), [al, collapsed]);
  // Row index of each node id (-1: folded away).
  const indexOf = useMemo(() => {
    const at = new Int32Array(al.size).fill(-1);
    for (let i = 0; i < rows.length; i++) at[rows[i]] = i;
    return at;
  }, [al, rows]);
  const scroller = useRef<HTMLDivElement>(null);
  const router = useRouter();
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: estimate, overscan: OVERSCAN });

  // Keys work from the start: the tree takes the focus when it appears, unless something else has it.
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) scroller.current?.focus({ preventScroll: true });
  }, []);

  const toggle = useCallback((id: number) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || rows.length === 0) return;
    const i = Math.max(0, indexOf[focus]);
    const id = rows[i];
    const hasChildren = al.childCount[id] > 0;
    const parent = al.parent[id];
    const target = treeKeyTarget(e.key, {
      index: i, rowCount: rows.length, page: Math.floor(e.currentTarget.clientHeight / ROW_H) - 1,
      hasChildren, collapsed: collapsed.has(id), parentIndex: parent >= 0 ? indexOf[parent] : -1,
    });
    if (target?.kind === "move") {
      setFocus(rows[target.index]);
      virtualizer.scrollToIndex(target.index);
    } else if (target?.kind === "toggle") toggle(id);
    else if (!target) {
      switch (e.key) {
        case "Enter":
        case " ":
          if (hasChildren) toggle(id);
          break;
        case "a":
        case "b": {
          const span = al.sides[e.key].spanId[id];
          if (span < 0) return;
          router.push(spanHref(e.key === "a" ? al.a.traceId : al.b.traceId, stringAt(al.strings, span)));
          break;
        }
        default: return;
      }
    }
    e.preventDefault();
  };

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    // The rows' span links are plain anchors (a <Link> per row would prefetch every span scrolled
    // past): a plain click navigates in the app, a modified one is left to the browser.
    const link = target.closest<HTMLAnchorElement>("a[data-span-link]");
    if (link) {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      router.push(link.getAttribute("href")!);
      return;
    }
    const row = target.closest<HTMLElement>("[data-id]");
    if (!row) return;
    scroller.current?.focus({ preventScroll: true });
    const id = Number(row.dataset.id);
    setFocus(id);
    if (target.closest("[data-action=toggle]")) toggle(id);
  };

  const items = virtualizer.getVirtualItems();
  const traces = useMemo(() => ({ a: al.a.traceId, b: al.b.traceId }), [al]);
  return (
    <section aria-label="Aligned span tree" className="flex min-h-0 flex-1 flex-col">
      <div className="flex items-center gap-2 px-4 py-1.5">
        <Button variant="ghost" onClick={() => setCollapsed(alikeSubtrees(al))} title="Fold every subtree that has the same paths and counts in both traces">Collapse alike</Button>
        <Button variant="ghost" onClick={() => setCollapsed(new Set())}>Expand all</Button>
      </div>
      <div className="flex h-7 shrink-0 items-center border-y border-line bg-panel pr-3 text-[11px] tracking-wide text-muted uppercase" role="presentation">
        <span className="flex-1 pl-2">Service: operation path</span>
        <div className={COLS}>
          <span title="Spans on this path in trace A">Spans A</span>
          <span title="Spans on this path in trace B">Spans B</span>
          <span title={measure === "sum" ? "Sum of the durations of the spans on this path" : "The longest span on this path"}>{measure} A</span>
          <span>{measure} B</span>
          <span title="B minus A">B − A</span>
        </div>
      </div>
      <div
        ref={scroller}
        role="tree"
        aria-label="Aligned spans"
        aria-activedescendant={`cmp-row-${focus}`}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onClick={onClick}
        data-testid="compare-tree"
        className="group relative min-h-0 flex-1 overflow-auto overscroll-contain outline-none"
      >
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const id = rows[item.index];
            // Keyed by slot, not by node: a fling replaces every row, and updating the rows in
            // place costs less than unmounting them all and mounting new ones.
            return <CompareRow key={item.index % items.length} alignment={al} id={id} traces={traces} top={item.start} measure={measure} collapsed={collapsed.has(id)} focused={id === focus} />;
          })}
        </div>
      </div>
    </section>
  );
}
