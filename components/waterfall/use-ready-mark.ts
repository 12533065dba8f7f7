"use client";

import { useEffect } from "react";

/**
 * Marks `waterfall-ready` in the Performance timeline once the first rows have painted
 * (a frame, then a task after it): what the UI benchmark measures from navigation.
 */
export function useReadyMark(ready: boolean, traceId: string) {
  useEffect(() => {
    if (!ready) return;
    let t: ReturnType<typeof setTimeout> | undefined;
    const raf = requestAnimationFrame(() => {
      t = setTimeout(() => {
        if (performance.getEntriesByName("waterfall-ready").length === 0) performance.mark("waterfall-ready", { detail: { traceId } });
        document.querySelector("[data-testid=waterfall-rows]")?.setAttribute("data-ready", "true");
      }, 0);
    });
    return () => {
      cancelAnimationFrame(raf);
      if (t) clearTimeout(t);
    };
  }, [ready, traceId]);
}
