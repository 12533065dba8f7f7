"use client";

import { Button } from "@/components/ui/button";
import type { LinkTime } from "@/components/share/copy-link-menu";
import { DEFAULT_SINCE, describeRange, isPinned, pinRange, SINCE_CHOICES, type ChartRange } from "@/lib/chart-data/range";

const PINNED = "pinned";

/** Relative presets, and a pinned range shown as what it is (it can be un-pinned). */
export function RangePicker({ range, onChange }: { range: ChartRange; onChange: (r: ChartRange) => void }) {
  const pinned = isPinned(range);
  const value = pinned ? PINNED : range.since;
  const known = (SINCE_CHOICES as readonly string[]).includes(value) || pinned;
  return (
    <div className="flex items-center gap-1.5">
      <select
        aria-label="Time range"
        value={value}
        onChange={(e) => e.target.value !== PINNED && onChange({ since: e.target.value })}
        className="h-7 rounded-md border border-line bg-bg px-1.5 text-[13px]"
        data-testid="range-select"
      >
        {pinned && <option value={PINNED}>{describeRange(range)}</option>}
        {!known && <option value={value}>{describeRange(range)}</option>}
        {SINCE_CHOICES.map((s) => (
          <option key={s} value={s}>
            {describeRange({ since: s })}
          </option>
        ))}
      </select>
      {pinned ? (
        <Button variant="ghost" onClick={() => onChange({ since: DEFAULT_SINCE })} title="Follow the clock again (last 24 h)">
          Unpin
        </Button>
      ) : (
        <Button variant="ghost" onClick={() => onChange(pinRange(range, Date.now()))} title="Fix the range where it is now, so a link shows this exact data">
          Pin
        </Button>
      )}
    </div>
  );
}

/**
 * What a chart page's link does with time, for the Copy link menu: a moving range follows
 * the clock; pinned (`start`/`end` in unix seconds), everyone sees this exact data.
 */
export function chartLinkTime(range: ChartRange): LinkTime {
  if (isPinned(range)) return { describe: `pins ${describeRange(range)}` };
  return {
    describe: `${describeRange(range)}, moves with the clock`,
    pinNow: () => {
      const pinned = pinRange(range, Date.now());
      const url = new URL(window.location.href);
      url.searchParams.delete("since");
      url.searchParams.set("start", String(pinned.start));
      url.searchParams.set("end", String(pinned.end));
      return { href: url.toString(), label: describeRange(pinned) };
    },
  };
}
