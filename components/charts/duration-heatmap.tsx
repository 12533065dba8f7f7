"use client";

import { useState } from "react";
import { cellShade, type DurationBand, type HeatmapGrid } from "@/lib/chart-data/heatmap";
import { formatCount } from "@/lib/format/count";
import { axisTime, bucketTime, roundTimeTicks } from "./time-format";

interface Props {
  grid: HeatmapGrid;
  bands: DurationBand[];
  stepMs: number;
  onDrill: (band: DurationBand, t: number) => void;
  /** A region dragged across cells (band and bucket indexes, inclusive): "What is different?" about its spans. */
  onRegion?: (region: { bands: [number, number]; buckets: [number, number] }) => void;
}

type Cell = { band: number; bucket: number };

const ROW = 20;
/** Points of the colour legend, evenly spaced on the log scale the cells use. */
const LEGEND_STEPS = [0, 1 / 7, 2 / 7, 3 / 7, 4 / 7, 5 / 7, 6 / 7, 1];

/**
 * Span durations over time: a column per bucket, a row per duration band (slowest on top),
 * darker where more spans fell. A click opens the traces of that cell.
 */
export function DurationHeatmap({ grid, bands, stepMs, onDrill, onRegion }: Props) {
  const [hover, setHover] = useState<Cell | null>(null);
  const [drag, setDrag] = useState<{ from: Cell; to: Cell } | null>(null);
  const cols = grid.buckets.length;
  const spanMs = cols * stepMs;
  // Round times (as the line charts tick) when the buckets fall on them, else quarters of the range.
  const round = roundTimeTicks(grid.buckets, 6);
  const ticks = round
    ? round.map((t) => grid.buckets.indexOf(t))
    : [0, 0.25, 0.5, 0.75].map((f) => Math.floor(f * cols)).filter((i, k, a) => a.indexOf(i) === k);
  /** The cell under the pointer, from its position (empty cells have no element of their own). */
  const cellAt = (e: React.MouseEvent<SVGSVGElement>): Cell | null => {
    const box = e.currentTarget.getBoundingClientRect();
    const bucket = Math.floor(((e.clientX - box.left) / box.width) * cols);
    const band = bands.length - 1 - Math.floor(((e.clientY - box.top) / box.height) * bands.length);
    return bucket >= 0 && bucket < cols && band >= 0 && band < bands.length ? { band, bucket } : null;
  };
  const h = hover ? { band: bands[hover.band], t: grid.buckets[hover.bucket], n: grid.counts[hover.band][hover.bucket] } : null;
  return (
    <div className="flex flex-col gap-1" data-testid="duration-heatmap">
      <p className="h-4 font-mono text-xs text-muted" aria-live="polite">
        {h ? `${bucketTime(h.t, stepMs)} · ${h.band.label} · ${formatCount(h.n)} spans` : `Hover a cell for its count; click it to open its traces${onRegion ? "; drag across cells to see what is different about them" : ""}.`}
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
          onMouseDown={(e) => {
            const c = cellAt(e);
            if (c) setDrag({ from: c, to: c });
          }}
          onMouseMove={(e) => {
            const c = cellAt(e);
            if (drag && c && (c.band !== drag.to.band || c.bucket !== drag.to.bucket)) setDrag({ ...drag, to: c });
          }}
          onMouseUp={() => {
            if (!drag) return;
            setDrag(null);
            const r = regionOf(drag);
            if (r.bands[0] === r.bands[1] && r.buckets[0] === r.buckets[1]) {
              if (grid.counts[r.bands[0]][r.buckets[0]] > 0) onDrill(bands[r.bands[0]], grid.buckets[r.buckets[0]]);
            } else onRegion?.(r);
          }}
          data-testid="heatmap-cells"
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
                />
              ) : null,
            ),
          )}
          {drag && (() => {
            const r = regionOf(drag);
            return (
              <rect
                x={r.buckets[0]} y={bands.length - 1 - r.bands[1]} width={r.buckets[1] - r.buckets[0] + 1} height={r.bands[1] - r.bands[0] + 1}
                fill="var(--accent)" fillOpacity={0.12} stroke="var(--accent)" strokeWidth={0.05} pointerEvents="none" data-testid="heatmap-region"
              />
            );
          })()}
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

function regionOf({ from, to }: { from: Cell; to: Cell }) {
  return {
    bands: [Math.min(from.band, to.band), Math.max(from.band, to.band)] as [number, number],
    buckets: [Math.min(from.bucket, to.bucket), Math.max(from.bucket, to.bucket)] as [number, number],
  };
}
