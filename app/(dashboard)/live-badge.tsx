"use client";

import { TRACES_POLL_MS } from "@/components/traces/queries";
import { useHydrated } from "@/components/ui/use-now";

/** Says the list refreshes itself, and when it last did. */
export function LiveBadge({ updatedAt, failing }: { updatedAt: number; failing: boolean }) {
  const hydrated = useHydrated();
  const when = hydrated && updatedAt ? new Date(updatedAt).toLocaleTimeString() : null;
  return (
    <span
      className="inline-flex items-center gap-1.5 text-xs text-muted"
      title={`Refreshes every ${TRACES_POLL_MS / 1000} s${when ? `; last updated ${when}` : ""}`}
    >
      <span aria-hidden className={`size-1.5 rounded-full ${failing ? "bg-faint" : "animate-pulse bg-accent"}`} />
      {failing ? "Paused: refresh failing" : "Live"}
    </span>
  );
}
