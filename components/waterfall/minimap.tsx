"use client";

import { useEffect, useRef, useState } from "react";
import type { WaterfallModel } from "@/lib/waterfall/model";
import type { SpanTree } from "@/lib/waterfall/types";
import type { ViewWindow } from "./layout";
import { drawMinimap } from "./minimap-draw";
import { useRangeDrag, type Span01 } from "./use-range-drag";

const HEIGHT = 48;

/** Redraws when the width or the theme (the class on <html>) changes. */
function useMinimapCanvas(tree: SpanTree) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [theme, setTheme] = useState(0);
  useEffect(() => {
    const mo = new MutationObserver(() => setTheme((t) => t + 1));
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    return () => mo.disconnect();
  }, []);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let width = -1;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let drawing = new AbortController();
    const ro = new ResizeObserver(([entry]) => {
      const w = Math.round(entry.contentRect.width);
      if (w === width) return;
      width = w;
      drawing.abort();
      drawing = new AbortController();
      const { signal } = drawing;
      // Drawn in tasks of its own, after the rows have painted: the overview can wait a frame.
      clearTimeout(timer);
      timer = setTimeout(() => canvas.current && void drawMinimap(canvas.current, tree, w, HEIGHT, signal), 0);
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      clearTimeout(timer);
      drawing.abort();
    };
  }, [tree, theme]);
  return { box, canvas };
}

/** The whole trace in miniature, with the zoomed window marked; drag on it to zoom. */
export function Minimap({ model, view, onZoom }: { model: WaterfallModel; view: ViewWindow; onZoom: (range: Span01) => void }) {
  const { box, canvas } = useMinimapCanvas(model.tree);
  const { handlers, selection } = useRangeDrag(onZoom);
  const dur = model.tree.durationNs || 1;
  const a = (view.from / dur) * 100;
  const b = (view.to / dur) * 100;
  const zoomed = a > 0.01 || b < 99.99;
  return (
    <div
      ref={box}
      {...handlers}
      data-testid="minimap"
      title="Drag to zoom into a time range"
      className="relative shrink-0 cursor-col-resize border-b border-line bg-panel select-none"
      style={{ height: HEIGHT }}
    >
      <canvas ref={canvas} aria-hidden className="absolute inset-0 size-full opacity-80" />
      {zoomed && (
        <>
          <div className="absolute inset-y-0 left-0 bg-bg/70" style={{ width: `${a}%` }} />
          <div className="absolute inset-y-0 right-0 bg-bg/70" style={{ width: `${100 - b}%` }} />
          <div data-testid="minimap-window" className="absolute inset-y-0 border-x-2 border-accent" style={{ left: `${a}%`, width: `${b - a}%` }} />
        </>
      )}
      {selection && <div className="absolute inset-y-0 bg-accent/20 ring-1 ring-accent" style={{ left: `${selection[0] * 100}%`, width: `${(selection[1] - selection[0]) * 100}%` }} />}
    </div>
  );
}
