"use client";

import { Button } from "@/components/ui/button";
import { useCopy } from "@/components/ui/copy-button";
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

/** Copies the address, and says whether the link pins the time range or follows the clock. */
export function CopyLink({ range }: { range: ChartRange }) {
  const { copied, copy } = useCopy();
  const pinned = isPinned(range);
  const what = pinned ? `pins ${describeRange(range)}` : `${describeRange(range)}, moves with the clock`;
  return (
    <button
      type="button"
      onClick={() => void copy(window.location.href)}
      title={pinned ? "Anyone opening the link sees this exact time range" : "The link shows the latest data when opened; Pin the range to share this exact view"}
      className="inline-flex h-7 items-center gap-1 rounded-md border border-line bg-bg px-2 text-xs text-muted hover:bg-hover hover:text-fg"
      data-testid="copy-link"
    >
      <span aria-live="polite">{copied ? "Copied" : "Copy link"}</span>
      <span className="text-faint">· {what}</span>
    </button>
  );
}
