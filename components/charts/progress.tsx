"use client";

import { useEffect, useState } from "react";

/** Milliseconds since `busy` turned true (0 when idle), ticking while busy. */
function useElapsed(busy: boolean): number {
  const [since, setSince] = useState<number | null>(null);
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (!busy) return;
    const start = performance.now();
    const t0 = setTimeout(() => {
      setSince(start);
      setNow(performance.now());
    }, 0);
    const id = setInterval(() => setNow(performance.now()), 100);
    return () => {
      clearTimeout(t0);
      clearInterval(id);
      setSince(null);
    };
  }, [busy]);
  return busy && since !== null ? now - since : 0;
}

/**
 * Says a query is running once it has taken long enough to notice (~300 ms), with the time
 * so far; quick answers never flash it.
 */
export function QueryProgress({ busy, what = "Querying", detail }: { busy: boolean; what?: string; detail?: string }) {
  const elapsed = useElapsed(busy);
  if (!busy || elapsed < 300) return null;
  return (
    <span role="status" className="inline-flex items-center gap-1.5 text-xs text-muted" data-testid="query-progress">
      <span aria-hidden className="size-2 animate-ping rounded-full bg-accent" />
      {what}… {(elapsed / 1000).toFixed(1)} s{detail ? ` · ${detail}` : ""}
    </span>
  );
}
