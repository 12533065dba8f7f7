import type { LinkTime } from "@/components/share/copy-link-menu";
import { absoluteLabel, pinRange, rangeLabel, type TimeRange } from "@/components/query/time-range";

/**
 * What a /traces link does with time: a relative range moves with the clock for whoever
 * opens it; pinned (`start`/`end` as RFC 3339), it shows exactly these traces.
 */
export function traceLinkTime(range: TimeRange): LinkTime {
  const label = rangeLabel(range);
  if (range.kind === "absolute") return { describe: `pinned to ${label}` };
  return {
    describe: `${label}, moves with the clock`,
    pinNow: () => {
      const { startMs, endMs } = pinRange(range, Date.now());
      const url = new URL(window.location.href);
      url.searchParams.delete("since");
      url.searchParams.set("start", new Date(startMs).toISOString());
      url.searchParams.set("end", new Date(endMs).toISOString());
      return { href: url.toString(), label: absoluteLabel(startMs, endMs) };
    },
  };
}
