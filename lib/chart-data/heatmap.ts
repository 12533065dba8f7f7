import { formatDuration } from "@/lib/format/duration";
import type { MetricsResult } from "@/lib/contract";
import { clipToWindow, type ChartWindow } from "./drill";

/** One row of the duration heatmap: spans with from <= duration < to (open at the ends). */
export interface DurationBand {
  fromMs: number | null;
  toMs: number | null;
  label: string;
  /** The TraceQL condition that selects the band's spans. */
  condition: string;
}

const LADDERS = [[1, 2, 5], [1, 3], [1]];
const FIRST_EDGE_MS = 0.001;
const LAST_EDGE_MS = 86_400_000;

/** A duration as a TraceQL literal: whole microseconds below a millisecond, else milliseconds. */
export function durationLiteral(ms: number): string {
  if (ms < 1) return `${Math.round(ms * 1000)}us`;
  return `${Number(ms.toPrecision(6))}ms`;
}

function ladder(steps: number[]): number[] {
  const edges: number[] = [];
  for (let decade = FIRST_EDGE_MS; decade <= LAST_EDGE_MS; decade *= 10) {
    for (const s of steps) edges.push(Number((decade * s).toPrecision(6)));
  }
  return edges;
}

/**
 * Log-spaced bands on round edges (1-2-5, else 1-3, else decades) covering [min, max],
 * at most `maxBands` rows. The first and last bands are open so no span falls outside.
 */
export function durationBands(minMs: number, maxMs: number, maxBands = 14): DurationBand[] {
  let edges: number[] = [];
  for (const steps of LADDERS) {
    const all = ladder(steps);
    let lo = 0;
    while (lo + 1 < all.length && all[lo + 1] <= minMs) lo++;
    let hi = all.findIndex((e) => e > maxMs);
    if (hi === -1) hi = all.length - 1;
    edges = all.slice(lo, hi + 1);
    if (edges.length - 1 <= maxBands) break;
  }
  if (edges.length < 2) edges = [FIRST_EDGE_MS, LAST_EDGE_MS];
  return edges.slice(0, -1).map((from, i) => {
    const to = edges[i + 1];
    const first = i === 0;
    const last = i === edges.length - 2;
    const conds = [first ? null : `duration >= ${durationLiteral(from)}`, last ? null : `duration < ${durationLiteral(to)}`].filter(Boolean);
    return {
      fromMs: first ? null : from,
      toMs: last ? null : to,
      label: first ? `< ${formatDuration(to)}` : last ? `≥ ${formatDuration(from)}` : `${formatDuration(from)} – ${formatDuration(to)}`,
      condition: conds.length ? conds.join(" && ") : "duration >= 0ms",
    };
  });
}

export interface HeatmapGrid {
  /** Bucket start times, epoch ms. */
  buckets: number[];
  stepMs: number;
  /** The window the counts were computed for: the last bucket may reach past its end. */
  window: ChartWindow;
  /** counts[band][bucket]; bands from shortest to longest. */
  counts: number[][];
  max: number;
  total: number;
}

/** Lines up each band's count series on the shared buckets. */
export function heatmapGrid(perBand: Pick<MetricsResult, "series">[], range: { startMs: number; endMs: number; stepMs: number }): HeatmapGrid {
  const buckets: number[] = [];
  for (let t = range.startMs; t < range.endMs && range.stepMs > 0; t += range.stepMs) buckets.push(t);
  const at = new Map(buckets.map((t, i) => [t, i]));
  let max = 0;
  let total = 0;
  const counts = perBand.map((r) => {
    const row = buckets.map(() => 0);
    for (const s of r.series) {
      for (const p of s.points) {
        const i = at.get(p.t);
        if (i === undefined || p.v === null) continue;
        row[i] += p.v;
      }
    }
    for (const v of row) {
      max = Math.max(max, v);
      total += v;
    }
    return row;
  });
  return { buckets, stepMs: range.stepMs, window: { startMs: range.startMs, endMs: range.endMs }, counts, max, total };
}

/** The time span of buckets `first`..`last`, cut at the window's end as the counts were. */
export function regionSpan(grid: HeatmapGrid, first: number, last: number): { fromMs: number; toMs: number } {
  return clipToWindow(grid.window, { fromMs: grid.buckets[first], toMs: grid.buckets[last] + grid.stepMs });
}

/** Cell intensity in [0, 1] on a log scale, so a few slow spans still show beside thousands of fast ones. */
export function cellShade(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return 0.15 + (0.85 * Math.log1p(count)) / Math.log1p(max);
}
