"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useImperativeHandle, useRef, type KeyboardEvent, type MouseEvent, type Ref } from "react";
import type { WaterfallModel } from "@/lib/waterfall/model";
import { ROW_H, type ViewWindow } from "./layout";
import { SpanRow } from "./span-row";

export type ScrollAlign = "auto" | "center";

export interface RowsHandle {
  scrollToIndex(index: number, align?: ScrollAlign): void;
  focus(): void;
}

interface Props {
  model: WaterfallModel;
  /** Row positions on screen, in order. */
  rows: Int32Array;
  view: ViewWindow;
  nameWidth: number;
  selectedPos: number;
  focusPos: number;
  matches: Uint8Array;
  collapsed: Uint8Array;
  showCritical: boolean;
  onRowClick: (pos: number, action: "select" | "toggle") => void;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
  /** The list's inner width (without the scrollbar), for the axis and gridlines to line up. */
  onWidth: (px: number) => void;
  handle: Ref<RowsHandle>;
}

const estimate = () => ROW_H;
const OVERSCAN = 8;

/**
 * The virtualised rows: only those in view (plus a few) are in the DOM, at fixed height,
 * so a 100,000-span trace scrolls like a 50-span one. One click and one key handler for
 * the whole list; rows are memoised and hold no state.
 */
export function SpanRows({ model, rows, view, nameWidth, selectedPos, focusPos, matches, collapsed, showCritical, onRowClick, onKeyDown, onWidth, handle }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer re-renders this component on scroll itself; nothing memoises its return value.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: estimate, overscan: OVERSCAN });

  useImperativeHandle(handle, () => ({
    scrollToIndex: (index, align = "auto") => virtualizer.scrollToIndex(index, { align }),
    focus: () => scroller.current?.focus({ preventScroll: true }),
  }), [virtualizer]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => onWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [onWidth]);

  // The keys work from the start: the list takes the focus when the trace opens, unless
  // the person is already typing somewhere (a search box) or a dialog has it.
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) scroller.current?.focus({ preventScroll: true });
  }, []);

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const row = target.closest<HTMLElement>("[data-pos]");
    if (!row) return;
    // Keys go to the list, never to a row's button: rows are recycled as they scroll.
    scroller.current?.focus({ preventScroll: true });
    onRowClick(Number(row.dataset.pos), target.closest("[data-action=toggle]") ? "toggle" : "select");
  };

  const critical = model.analysis?.critical.onPath;
  // Rows keep their DOM while they scroll: keyed by a slot (index modulo the rows that fit),
  // the row leaving the view frees the slot the row entering takes, so React updates a few
  // attributes instead of removing and creating whole rows. Never fewer slots than rows shown.
  const items = virtualizer.getVirtualItems();
  const slots = Math.max(items.length, Math.ceil((virtualizer.scrollRect?.height ?? 0) / ROW_H) + 1 + 2 * OVERSCAN);
  return (
    <div
      ref={scroller}
      role="tree"
      aria-label="Spans"
      aria-activedescendant={focusPos >= 0 ? `wf-row-${focusPos}` : undefined}
      tabIndex={0}
      onClick={onClick}
      onKeyDown={onKeyDown}
      data-testid="waterfall-rows"
      className="group relative min-h-0 flex-1 overflow-auto overscroll-contain outline-none [contain:strict]"
    >
      <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const p = rows[item.index];
          return (
            <SpanRow
              key={item.index % slots}
              model={model}
              pos={p}
              top={item.start}
              view={view}
              nameWidth={nameWidth}
              selected={p === selectedPos}
              focused={p === focusPos}
              match={matches[p] === 1}
              collapsed={collapsed[p] === 1}
              critical={showCritical && critical?.[p] === 1}
            />
          );
        })}
      </div>
    </div>
  );
}
