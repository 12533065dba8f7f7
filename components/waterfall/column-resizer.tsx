"use client";

import { useRef } from "react";

/** The handle between the name column and the timeline: drag it, or focus it and use the arrows. */
export function ColumnResizer({ width, min, max, onWidth }: { width: number; min: number; max: number; onWidth: (px: number) => void }) {
  const start = useRef<{ x: number; w: number } | null>(null);
  const clamp = (w: number) => Math.round(Math.min(max, Math.max(min, w)));
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the span name column"
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        start.current = { x: e.clientX, w: width };
      }}
      onPointerMove={(e) => start.current && onWidth(clamp(start.current.w + e.clientX - start.current.x))}
      onPointerUp={() => (start.current = null)}
      onKeyDown={(e) => {
        if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
          e.preventDefault();
          onWidth(clamp(width + (e.key === "ArrowLeft" ? -24 : 24)));
        }
      }}
      className="absolute inset-y-0 -right-1 z-10 w-2 cursor-col-resize hover:bg-accent/30 focus-visible:bg-accent/30"
    />
  );
}
