"use client";

import { useEffect } from "react";

/** Runs `fn` once the current render has painted: a frame, then a task after it. */
function afterPaint(fn: () => void): () => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  const raf = requestAnimationFrame(() => {
    t = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(raf);
    if (t) clearTimeout(t);
  };
}

const markOnce = (name: string, traceId: string) => {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name, { detail: { traceId } });
};

/**
 * Marks `waterfall-ready` in the Performance timeline once the first rows have painted, and
 * `waterfall:analysis-shown` once the critical path and statistics have: what the UI
 * benchmark measures from navigation.
 */
export function useReadyMark(ready: boolean, analysed: boolean, traceId: string) {
  useEffect(() => {
    if (!ready) return;
    return afterPaint(() => {
      markOnce("waterfall-ready", traceId);
      document.querySelector("[data-testid=waterfall-rows]")?.setAttribute("data-ready", "true");
    });
  }, [ready, traceId]);
  useEffect(() => {
    if (ready && analysed) return afterPaint(() => markOnce("waterfall:analysis-shown", traceId));
  }, [ready, analysed, traceId]);
}
