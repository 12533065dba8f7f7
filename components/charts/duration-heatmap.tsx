"use client";

import { useState } from "react";
import { cellShade, type DurationBand, type HeatmapGrid } from "@/lib/chart-data/heatmap";
import { formatCount } from "@/lib/format/count";
import { axisTime, bucketTime } from "./time-format";

interface Props {
  grid: HeatmapGrid;
  bands: DurationBand[];
  stepMs: number;
  onDrill: (band: DurationBand, t: number) => void;
}

const ROW = 20;
/** Points of the colour legend, evenly spaced on the log scale the cells use. */
const LEGEND_STEPS = [0, 1 / 7, 2 / 7, 3 / 7, 4 / 7, 5 / 7, 6 / 7, 1];

/**
 * Span durations over time: a column per bucket, a row per duration band (slowest on top),
 * darker where more spans fell. A click opens the traces of that cell.
 */
export function DurationHeatmap({ grid, bands, stepMs, onDrill }: Props) {
  const [hover, setHover] = useState<{ band: number; bucket: number } | null>(null);
  const cols = grid.buckets.length;
  const spanMs = cols * stepMs;
  const ticks = [0, 0.25, 0.5, 0.75].map((f) => Math.floor(f * cols)).filter((i, k, a) => a.indexOf(i) === k);
  const h = hover ? { band: bands[hover.band], t: grid.buckets[hover.bucket], n: grid.counts[hover.band][hover.bucket] } : null;
  return (
    <div className="flex flex-col gap-1" data-testid="duration-heatmap">
      <p className="h-4 font-mono text-xs text-muted" aria-live="polite">
        {h ? `${bucketTime(h.t, stepMs)} · ${h.band.label} · ${formatCount(h.n)} spans` : "Hover a cell for its count; click it to open its traces."}
      </p>
      <div className="flex">
        <ol className="flex w-32 shrink-0 flex-col-reverse pr-2 text-right font-mono text-[11px] text-muted" aria-label="Duration bands">
          {bands.map((b) => (
            <li key={b.label} style={{ height: ROW }} className="truncate leading-5">{b.label}</li>
          ))}
        </ol>
        <svg
          role="img"
          aria-label={`Duration heatmap: ${formatCount(grid.total)} spans in ${bands.length} duration bands over ${cols} buckets`}
          className="min-w-0 flex-1"
          height={bands.length * ROW}
          viewBox={`0 0 ${cols} ${bands.length}`}
          preserveAspectRatio="none"
          onMouseLeave={() => setHover(null)}
        >
          {grid.counts.map((row, b) =>
            row.map((n, i) =>
              n > 0 ? (
                <rect
                  key={`${b}-${i}`}
                  x={i + 0.04}
                  y={bands.length - 1 - b + 0.06}
                  width={0.92}
                  height={0.88}
                  fill="var(--accent)"
                  fillOpacity={cellShade(n, grid.max)}
                  className="cursor-pointer"
                  onMouseEnter={() => setHover({ band: b, bucket: i })}
                  onClick={() => onDrill(bands[b], grid.buckets[i])}
                />
              ) : null,
            ),
          )}
        </svg>
      </div>
      <div className="relative ml-32 h-4 font-mono text-[11px] text-muted" aria-hidden>
        {ticks.map((i) => (
          <span key={i} className="absolute" style={{ left: `${(i / cols) * 100}%` }}>{axisTime(grid.buckets[i], spanMs)}</span>
        ))}
      </div>
      <div className="ml-32 flex items-center gap-2 text-[11px] text-muted" data-testid="heatmap-legend" aria-label={`Colour: 1 to ${formatCount(grid.max)} spans per cell, on a log scale`}>
        <span>1</span>
        <span className="flex h-2.5 w-40 overflow-hidden rounded-sm border border-line" aria-hidden>
          {LEGEND_STEPS.map((f) => (
            <span key={f} className="h-full flex-1" style={{ background: "var(--accent)", opacity: cellShade(Math.max(1, Math.round(grid.max ** f)), grid.max) }} />
          ))}
        </span>
        <span>{formatCount(grid.max)} spans per cell</span>
      </div>
      <p className="ml-32 text-[11px] text-faint">Duration of each matching span (exact, not sampled) · colour on a log scale of the span count</p>
    </div>
  );
}
