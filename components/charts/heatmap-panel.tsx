"use client";

import type { ChartWindow } from "@/lib/chart-data/drill";
import { regionSpan, type DurationBand } from "@/lib/chart-data/heatmap";
import type { ChartRange } from "@/lib/chart-data/range";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartSkeleton, QueryErrorNote } from "./chart-states";
import { DurationHeatmap } from "./duration-heatmap";
import { useDurationHeatmap } from "./heatmap-data";
import { QueryProgress } from "./progress";
import { SampledNote } from "./sampled-note";

interface Props {
  filter: string;
  range: ChartRange;
  step: string;
  onDrill: (band: DurationBand, t: number, stepMs: number) => void;
  /**
   * A dragged region: its duration bounds (null where open), its time span (inside the heatmap's
   * window) and that window, the one the counts were computed for, for "What is different?".
   */
  onRegion?: (region: { fromMs: number | null; toMs: number | null; startMs: number; endMs: number; window: ChartWindow }) => void;
}

/** The duration heatmap view: its own queries (one per band), states and drill-down. */
export function HeatmapPanel({ filter, range, step, onDrill, onRegion }: Props) {
  const { bands, grid, error, empty, loading, loaded, minSampleRate } = useDurationHeatmap(filter, range, step);
  if (error) return <QueryErrorNote title="The heatmap could not be drawn" message={error.message} hint="Check the filter and the step, then run again." />;
  if (empty) {
    return (
      <EmptyState title="No spans to place on the heatmap">
        Nothing matches <code className="font-mono">{filter || "{}"}</code> in this range. Widen the time range or loosen the filter.
      </EmptyState>
    );
  }
  if (loading || !grid) {
    return (
      <div className="flex flex-col gap-2">
        <QueryProgress busy what="Counting spans per duration band" detail={bands.length ? `${loaded} of ${bands.length} bands` : undefined} />
        <ChartSkeleton />
      </div>
    );
  }
  const { stepMs } = grid;
  return (
    <div className="flex flex-col gap-1">
      {minSampleRate < 1 && <p><SampledNote minSampleRate={minSampleRate} about="metrics" /></p>}
      <DurationHeatmap
        grid={grid}
        bands={bands}
        stepMs={stepMs}
        onDrill={(b, t) => onDrill(b, t, stepMs)}
        onRegion={onRegion && ((r) => {
          const span = regionSpan(grid, r.buckets[0], r.buckets[1]);
          onRegion({
            fromMs: bands[r.bands[0]].fromMs, toMs: bands[r.bands[1]].toMs, startMs: span.fromMs, endMs: span.toMs, window: grid.window,
          });
        })}
      />
    </div>
  );
}
