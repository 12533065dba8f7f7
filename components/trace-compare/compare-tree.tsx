"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import type { Alignment } from "@/lib/trace-compare/align";
import type { DurationMeasure } from "@/lib/trace-compare/diff";
import { alikeSubtrees, visibleNodes } from "@/lib/trace-compare/visible";
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
export function CompareTree({ alignment: al, measure }: { alignment: Alignment; measure: DurationMeasure }) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(() => new Set());
  const [focus, setFocus] = useState(0);
  const rows = useMemo(() => visibleNodes(al, collapsed), [al, collapsed]);
  const indexOf = useMemo(() => {
    const m = new Map<number, number>();
    rows.forEach((id, i) => m.set(id, i));
    return m;
  }, [rows]);
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
    const i = indexOf.get(focus) ?? 0;
    const node = al.nodes[rows[i]];
    const moveTo = (index: number) => {
      const j = Math.min(rows.length - 1, Math.max(0, index));
      setFocus(rows[j]);
      virtualizer.scrollToIndex(j);
    };
    const page = Math.max(1, Math.floor(e.currentTarget.clientHeight / ROW_H) - 1);
    switch (e.key) {
      case "ArrowDown": moveTo(i + 1); break;
      case "ArrowUp": moveTo(i - 1); break;
      case "PageDown": moveTo(i + page); break;
      case "PageUp": moveTo(i - page); break;
      case "Home": moveTo(0); break;
      case "End": moveTo(rows.length - 1); break;
      case "ArrowRight":
        if (node.children.length === 0) break;
        if (collapsed.has(node.id)) toggle(node.id);
        else moveTo(i + 1);
        break;
      case "ArrowLeft":
        if (node.children.length > 0 && !collapsed.has(node.id)) toggle(node.id);
        else if (node.parent >= 0) moveTo(indexOf.get(node.parent) ?? i);
        break;
      case "Enter":
      case " ":
        if (node.children.length > 0) toggle(node.id);
        break;
      case "a":
      case "b": {
        const side = node[e.key];
        if (!side.spanId) return;
        router.push(spanHref(e.key === "a" ? al.a.traceId : al.b.traceId, side.spanId));
        break;
      }
      default: return;
    }
    e.preventDefault();
  };

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
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
            return <CompareRow key={id} node={al.nodes[id]} traces={traces} top={item.start} measure={measure} collapsed={collapsed.has(id)} focused={id === focus} />;
          })}
        </div>
      </div>
    </section>
  );
}
