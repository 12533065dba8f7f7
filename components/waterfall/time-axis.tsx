"use client";

import type { Tick } from "@/lib/waterfall/ticks";
import { pct, type ViewWindow } from "./layout";
import { useRangeDrag, type Span01 } from "./use-range-drag";

interface Props {
  ticks: Tick[];
  view: ViewWindow;
  nameWidth: number;
  timelineWidth: number;
  onZoom: (range: Span01) => void;
  children?: React.ReactNode;
}

/** The ticks over the timeline column; drag across it to zoom into that time range. */
export function TimeAxis({ ticks, view, nameWidth, timelineWidth, onZoom, children }: Props) {
  const { handlers, selection } = useRangeDrag(onZoom);
  return (
    <div className="flex h-7 shrink-0 border-b border-line bg-panel text-xs select-none">
      <div className="relative flex shrink-0 items-center gap-2 border-r border-line px-2 text-muted" style={{ width: nameWidth }}>
        {children}
      </div>
      <div
        {...handlers}
        data-testid="time-axis"
        title="Drag to zoom into a time range"
        className="relative cursor-col-resize overflow-hidden"
        style={{ width: timelineWidth }}
      >
        {ticks.map((t) => {
          const x = pct(t.ns, view);
          return (
            <span key={t.ns} className="absolute top-0 flex h-full items-center" style={{ left: `${x}%` }}>
              <span className="h-full w-px bg-line" />
              <span className={`px-1 font-mono text-[11px] whitespace-nowrap text-muted ${x > 92 ? "-translate-x-[calc(100%+2px)]" : ""}`}>{t.label}</span>
            </span>
          );
        })}
        {selection && <div className="absolute inset-y-0 bg-accent/20 ring-1 ring-accent" style={{ left: `${selection[0] * 100}%`, width: `${(selection[1] - selection[0]) * 100}%` }} />}
      </div>
    </div>
  );
}

/** Faint vertical lines at the ticks, behind the rows' timeline column. */
export function Gridlines({ ticks, view, nameWidth, timelineWidth }: { ticks: Tick[]; view: ViewWindow; nameWidth: number; timelineWidth: number }) {
  return (
    <div aria-hidden className="pointer-events-none absolute inset-y-0 overflow-hidden" style={{ left: nameWidth, width: timelineWidth }}>
      {ticks.map((t) => (
        <span key={t.ns} className="absolute inset-y-0 w-px bg-line/70" style={{ left: `${pct(t.ns, view)}%` }} />
      ))}
    </div>
  );
}
