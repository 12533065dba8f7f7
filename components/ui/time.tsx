"use client";

import { formatAbsolute, formatRelative, nanosToMs } from "@/lib/format/time";
import { useHydrated, useNow } from "./use-now";

function isoOf(unixNano: string) {
  const ms = nanosToMs(unixNano);
  return Number.isFinite(ms) ? new Date(Math.floor(ms)).toISOString() : undefined;
}

/** "4 min ago", with the absolute time and zone on hover. */
export function RelativeTime({ unixNano, className = "" }: { unixNano: string; className?: string }) {
  const now = useNow();
  const hydrated = useHydrated();
  return (
    <time
      dateTime={isoOf(unixNano)}
      title={formatAbsolute(unixNano, hydrated ? undefined : "UTC")}
      className={`font-mono whitespace-nowrap ${className}`}
    >
      {formatRelative(unixNano, now)}
    </time>
  );
}

/** Absolute time in the browser's zone (UTC until hydrated, as the server cannot know it). */
export function AbsoluteTime({ unixNano, className = "" }: { unixNano: string; className?: string }) {
  const hydrated = useHydrated();
  return (
    <time dateTime={isoOf(unixNano)} className={`font-mono whitespace-nowrap ${className}`}>
      {formatAbsolute(unixNano, hydrated ? undefined : "UTC")}
    </time>
  );
}
