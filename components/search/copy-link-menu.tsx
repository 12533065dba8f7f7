"use client";

import { useState } from "react";
import { copyText } from "@/components/ui/clipboard";
import { useHydrated } from "@/components/ui/use-now";
import { Popover } from "@/components/query/popover";
import { absoluteLabel, pinRange, rangeLabel, type TimeRange } from "@/components/query/time-range";

/** The current address with the time range pinned to what it covers right now. */
function pinnedHref(range: TimeRange): { href: string; label: string } {
  const { startMs, endMs } = pinRange(range, Date.now());
  const url = new URL(window.location.href);
  url.searchParams.delete("since");
  url.searchParams.set("start", new Date(startMs).toISOString());
  url.searchParams.set("end", new Date(endMs).toISOString());
  return { href: url.toString(), label: absoluteLabel(startMs, endMs) };
}

/**
 * Copy link, saying what the link does with time: a relative range moves with the clock
 * for whoever opens it; the pinned link shows exactly these traces.
 */
export function CopyLinkMenu({ range }: { range: TimeRange }) {
  const hydrated = useHydrated();
  const [status, setStatus] = useState<string | null>(null);
  const label = rangeLabel(range, hydrated ? undefined : "UTC");
  const copy = async (href: string, what: string, close: () => void) => {
    setStatus((await copyText(href)) ? `Copied: ${what}` : "Could not copy: select the address bar instead");
    close();
    setTimeout(() => setStatus(null), 2500);
  };

  return (
    <div className="flex items-center gap-2">
      <span aria-live="polite" className="text-xs text-muted" data-testid="copy-status">{status}</span>
      <Popover label="Copy link" testId="copy-link" align="end" button="Copy link">
        {(close) => (
          <ul className="flex w-80 flex-col gap-1 text-[13px]">
            <li>
              <button type="button" className="w-full rounded-md px-2 py-1.5 text-left hover:bg-hover" onClick={() => void copy(window.location.href, range.kind === "relative" ? `${label}, moves with the clock` : `pinned to ${label}`, close)}>
                {range.kind === "relative" ? "Link with a moving range" : "Link to this view"}
                <span className="block text-xs text-muted">
                  {range.kind === "relative" ? `Opens the ${label} at the time it is opened.` : `Pins ${label}: the same traces for everyone.`}
                </span>
              </button>
            </li>
            {range.kind === "relative" && (
              <li>
                <button
                  type="button"
                  className="w-full rounded-md px-2 py-1.5 text-left hover:bg-hover"
                  onClick={() => {
                    const pinned = pinnedHref(range);
                    void copy(pinned.href, `pinned to ${pinned.label}`, close);
                  }}
                >
                  Link pinned to now
                  <span className="block text-xs text-muted">Pins the {label} as it is now: the same traces for everyone.</span>
                </button>
              </li>
            )}
          </ul>
        )}
      </Popover>
    </div>
  );
}
