"use client";

import { IntentLink as Link } from "@/components/ui/intent-link";
import { formatCount } from "@/lib/format/count";
import { formatDuration } from "@/lib/format/duration";
import type { TraceOverview } from "@/lib/trace-compare/align";
import type { PackedAlignment } from "@/lib/trace-compare/packed";
import { DURATION_MEASURES, SAME_WITHIN, type DurationMeasure } from "@/lib/trace-compare/diff";
import { withProject } from "@/components/project/with-project";
import { CopyId } from "@/components/ui/copy-id";
import { ServiceChip } from "@/components/ui/service-chip";
import { DIFF_BG, DIFF_TEXT, PRESENCE_BADGE } from "./diff-style";

function TraceCard({ side, trace }: { side: "A" | "B"; trace: TraceOverview }) {
  return (
    <div className="flex min-w-0 items-center gap-2" data-testid={`trace-${side.toLowerCase()}`}>
      <span className={`grid size-5 shrink-0 place-items-center rounded text-[11px] font-bold ${side === "A" ? PRESENCE_BADGE.a : PRESENCE_BADGE.b}`}>{side}</span>
      {trace.rootService && <ServiceChip name={trace.rootService} className="shrink-0" />}
      <Link href={withProject(`/traces/${trace.traceId}`)} className="truncate font-medium hover:underline" title="Open this trace">
        {trace.rootName || "(unnamed span)"}
      </Link>
      <CopyId id={trace.traceId} />
      <span className="shrink-0 font-mono text-xs text-muted">
        {formatDuration(trace.durationNs / 1e6)} · {formatCount(trace.spanCount)} spans
      </span>
    </div>
  );
}

/** What the colours mean, with the threshold under which a change counts as none. */
function Legend() {
  const swatch = (tone: "slower" | "faster", label: string) => (
    <span className="inline-flex items-center gap-1">
      <span className={`rounded px-1 font-mono ${DIFF_TEXT[tone]} ${DIFF_BG[tone][2]}`}>{tone === "slower" ? "+" : "−"}</span>
      {label}
    </span>
  );
  return (
    <div className="flex flex-wrap items-center gap-3 text-xs text-muted" data-testid="diff-legend">
      {swatch("slower", "B slower")}
      {swatch("faster", "B faster")}
      <span>deeper colour: ≥1.25× and ≥2×; within {Math.round(SAME_WITHIN * 100)}% is “same”</span>
      <span className={`rounded px-1 text-[10px] font-semibold uppercase ${PRESENCE_BADGE.a}`}>only A</span>
      <span className={`rounded px-1 text-[10px] font-semibold uppercase ${PRESENCE_BADGE.b}`}>only B</span>
      <span>no badge: in both</span>
      <span>spans with status error: <span className="text-error">!n</span></span>
    </div>
  );
}

interface Props {
  alignment: PackedAlignment;
  measure: DurationMeasure;
  onMeasure: (m: DurationMeasure) => void;
}

/** Both traces at a glance, how many paths each has alone, the duration measure and the legend. */
export function CompareHeader({ alignment: al, measure, onMeasure }: Props) {
  return (
    <div className="flex flex-col gap-2 border-b border-line px-4 py-2.5">
      <div className="grid gap-1.5 lg:grid-cols-2 lg:gap-6">
        <TraceCard side="A" trace={al.a} />
        <TraceCard side="B" trace={al.b} />
      </div>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
        <p className="text-muted" data-testid="compare-summary">
          <span className="font-mono text-fg">{formatCount(al.counts.both)}</span> paths in both ·{" "}
          <span className="font-mono text-fg">{formatCount(al.counts.a)}</span> only in A ·{" "}
          <span className="font-mono text-fg">{formatCount(al.counts.b)}</span> only in B
        </p>
        <fieldset className="flex items-center gap-1 text-xs">
          <legend className="sr-only">Duration per path</legend>
          <span className="text-muted">Duration per path:</span>
          {DURATION_MEASURES.map((m) => (
            <label key={m} className={`cursor-pointer rounded-md border px-2 py-0.5 ${m === measure ? "border-accent bg-accent/10 text-fg" : "border-line text-muted hover:bg-hover"}`}>
              <input type="radio" name="measure" value={m} checked={m === measure} onChange={() => onMeasure(m)} className="sr-only" />
              {m === "sum" ? "sum of its spans" : "longest span"}
            </label>
          ))}
        </fieldset>
        <Legend />
      </div>
    </div>
  );
}
