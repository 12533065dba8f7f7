"use client";

import { useMemo, useState } from "react";
import { Bar as RBar, BarChart, Cell, ReferenceArea, Tooltip, XAxis, YAxis } from "recharts";
import type { MouseHandlerDataParam } from "recharts";
import { formatCount } from "@/lib/format/count";
import { formatDuration } from "@/lib/format/duration";
import { Skeleton } from "@/components/ui/skeleton";
import { HistogramTable } from "./histogram-table";
import { fillBuckets, selectionRange, type Bar } from "./histogram-data";
import type { DurationHistogram as Histogram } from "@/lib/contract";

interface Props {
  data: Histogram | undefined;
  /** Why there is nothing to draw (the query does not run), instead of a skeleton. */
  unavailable?: string;
  onSelect: (fromMs: number | null, toMs: number | null) => void;
  /** Set when the query already narrows trace:duration: offers to widen it again. */
  onClear: (() => void) | null;
  /** Set with onClear: compares the narrowed traces' spans with the rest ("What is different?"). */
  onCompare?: (() => void) | null;
}

const indexOf = (s: MouseHandlerDataParam) => (s.activeTooltipIndex == null ? null : Number(s.activeTooltipIndex));
export const bucketLabel = (b: Bar) => `${formatDuration(b.fromMs)} – ${formatDuration(b.toMs)}`;

/**
 * Trace durations of the search on a log scale. Dragging across bars (or clicking one)
 * narrows the query to that duration range; the table view does the same by keyboard.
 */
export function DurationHistogram({ data, unavailable, onSelect, onClear, onCompare }: Props) {
  const bars = useMemo(() => fillBuckets(data?.buckets ?? []).map((b) => ({ ...b, label: b.gap ? `${formatDuration(b.fromMs)}–${formatDuration(b.toMs)} (none)` : formatDuration(b.fromMs) })), [data]);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const [asTable, setAsTable] = useState(false);

  const finish = () => {
    if (!drag) return;
    const range = selectionRange(bars, drag.a, drag.b);
    setDrag(null);
    onSelect(range.fromMs, range.toMs);
  };

  return (
    <section aria-label="Trace durations" className="flex flex-col gap-1" data-testid="duration-histogram">
      <div className="flex items-center gap-3 text-xs text-muted">
        <h2 className="font-medium text-fg">Trace duration</h2>
        <span>log scale: each bar a quarter of a decade (1, 1.8, 3.2, 5.6 ms…), counts linear; drag across bars to narrow the query, then compare them with the rest</span>
        <span className="ml-auto flex gap-2">
          {onCompare && (
            <button type="button" className="font-medium text-accent hover:underline" onClick={onCompare} data-testid="compare-durations">
              What is different about these?
            </button>
          )}
          {onClear && <button type="button" className="hover:text-fg hover:underline" onClick={onClear}>Clear duration filter</button>}
          <button type="button" className="hover:text-fg hover:underline" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            {asTable ? "Show chart" : "Show as table"}
          </button>
        </span>
      </div>
      {unavailable || (data && bars.length === 0) ? (
        <p className="flex h-[116px] items-center justify-center rounded-md border border-dashed border-line text-xs text-faint">{unavailable ?? "No durations to show."}</p>
      ) : !data ? (
        <Skeleton className="h-[116px] w-full" />
      ) : asTable ? (
        <HistogramTable
          bars={bars}
          onSelect={(i) => {
            const range = selectionRange(bars, i, i);
            onSelect(range.fromMs, range.toMs);
          }}
        />
      ) : (
        <div className="h-[116px] w-full select-none [&_*:focus:not(:focus-visible)]:outline-none" onMouseLeave={() => setDrag(null)}>
          <BarChart
            responsive
            style={{ width: "100%", height: "100%" }}
            data={bars}
            margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
            barCategoryGap={1}
            onMouseDown={(s) => {
              const i = indexOf(s);
              if (i !== null) setDrag({ a: i, b: i });
            }}
            onMouseMove={(s) => {
              const i = indexOf(s);
              if (drag && i !== null && i !== drag.b) setDrag({ ...drag, b: i });
            }}
            onMouseUp={finish}
          >
            <XAxis dataKey="label" tick={{ fontSize: 10, fill: "var(--muted)" }} tickLine={false} axisLine={{ stroke: "var(--line)" }} interval="preserveStartEnd" minTickGap={24} />
            <YAxis width={40} tick={{ fontSize: 10, fill: "var(--muted)" }} tickLine={false} axisLine={false} allowDecimals={false} tickFormatter={(v: number) => formatCount(v)} label={{ value: "traces", angle: -90, position: "insideLeft", fontSize: 10, fill: "var(--faint)", dy: 18 }} />
            <Tooltip
              cursor={{ fill: "var(--hover)" }}
              isAnimationActive={false}
              content={({ active, payload }) => {
                const b = payload?.[0]?.payload as Bar | undefined;
                if (!active || !b) return null;
                return (
                  <div className="rounded-md border border-line bg-bg px-2 py-1 text-xs shadow-md">
                    <span className="font-mono">{bucketLabel(b)}</span>: <span className="font-mono">{formatCount(b.count)}</span> {b.count === 1 ? "trace" : "traces"}
                  </div>
                );
              }}
            />
            <RBar dataKey="count" isAnimationActive={false} radius={[2, 2, 0, 0]} className="cursor-crosshair">
              {bars.map((b, i) => {
                const inDrag = drag && i >= Math.min(drag.a, drag.b) && i <= Math.max(drag.a, drag.b);
                return <Cell key={i} fill="var(--accent)" fillOpacity={inDrag ? 1 : 0.55} />;
              })}
            </RBar>
            {drag && <ReferenceArea x1={bars[Math.min(drag.a, drag.b)].label} x2={bars[Math.max(drag.a, drag.b)].label} fill="var(--accent)" fillOpacity={0.08} ifOverflow="visible" />}
          </BarChart>
        </div>
      )}
    </section>
  );
}
