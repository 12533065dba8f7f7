"use client";

import { useState, type PointerEvent } from "react";

/** Fractions of the element's width, 0..1, ordered. */
export type Span01 = [number, number];

/** Less than this many px is a click, not a range. */
const MIN_DRAG_PX = 4;

/**
 * Drag across an element to pick a range (pointer capture, so leaving the element keeps
 * the drag). Shows the range while dragging; calls `onPick` on release if it was a drag.
 */
export function useRangeDrag(onPick: (range: Span01) => void) {
  const [drag, setDrag] = useState<{ x0: number; x1: number; left: number; width: number } | null>(null);
  const frac = (x: number, d: { left: number; width: number }) => Math.min(1, Math.max(0, (x - d.left) / d.width));
  const handlers = {
    onPointerDown(e: PointerEvent<HTMLElement>) {
      if (e.button !== 0) return;
      const r = e.currentTarget.getBoundingClientRect();
      e.currentTarget.setPointerCapture(e.pointerId);
      setDrag({ x0: e.clientX, x1: e.clientX, left: r.left, width: r.width });
    },
    onPointerMove(e: PointerEvent<HTMLElement>) {
      if (drag) setDrag({ ...drag, x1: e.clientX });
    },
    onPointerUp(e: PointerEvent<HTMLElement>) {
      if (!drag) return;
      setDrag(null);
      if (Math.abs(e.clientX - drag.x0) < MIN_DRAG_PX) return;
      const a = frac(drag.x0, drag);
      const b = frac(e.clientX, drag);
      onPick([Math.min(a, b), Math.max(a, b)]);
    },
    onPointerCancel() {
      setDrag(null);
    },
  };
  const selection: Span01 | null = drag ? [Math.min(frac(drag.x0, drag), frac(drag.x1, drag)), Math.max(frac(drag.x0, drag), frac(drag.x1, drag))] : null;
  return { handlers, selection };
}
