import { formatDuration } from "@/lib/format/duration";

/** A trace's duration as a bar scaled to the longest on the page, plus its label. */
export function DurationBar({ ms, longest, color }: { ms: number; longest: number; color: string }) {
  const pct = longest > 0 ? Math.max(1, (ms / longest) * 100) : 0;
  return (
    <div className="flex items-center gap-2">
      <div className="h-1.5 min-w-12 flex-1 overflow-hidden rounded-full bg-line/60" aria-hidden>
        <div className="h-full rounded-full" style={{ width: `${pct}%`, backgroundColor: color, opacity: 0.75 }} />
      </div>
      <span className="ml-auto w-16 text-right font-mono text-xs tabular-nums">{formatDuration(ms)}</span>
    </div>
  );
}
