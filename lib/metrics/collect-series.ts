import type { MetricsSeries } from "@/lib/contract";

/** One answer row of a metrics query, whatever the engine: a group, a bucket (or the whole range), a value. */
export interface SeriesRow {
  g0: unknown;
  g1: unknown;
  bucket: unknown;
  value: unknown;
  n: unknown;
}

/**
 * The rows of one chart, grouped into series: each bucket a point, the whole-range row the
 * series' total and (weighted) span count. NaN (0 / 0) and the infinities become null, as
 * JSON would make them anyway. `isTotal` says how the engine marks the whole-range row.
 */
export function collectSeries<R extends SeriesRow>(
  rows: R[],
  frame: { startMs: number; stepMs: number },
  isTotal: (r: R) => boolean,
  group: (r: R) => MetricsSeries["group"],
): Map<string, MetricsSeries> {
  const bySeries = new Map<string, MetricsSeries>();
  for (const r of rows) {
    const id = JSON.stringify([r.g0, r.g1]);
    let s = bySeries.get(id);
    if (!s) {
      s = { group: group(r), points: [], total: null, count: 0 };
      bySeries.set(id, s);
    }
    const value = r.value === null || !Number.isFinite(Number(r.value)) ? null : Number(r.value);
    if (isTotal(r)) {
      s.total = value;
      s.count = Number(r.n);
    } else {
      s.points.push({ t: frame.startMs + Number(r.bucket) * frame.stepMs, v: value });
    }
  }
  for (const s of bySeries.values()) s.points.sort((a, b) => a.t - b.t);
  return bySeries;
}

/**
 * Series biggest first by (weighted) span count; equal counts in the order of their group
 * values, so the answer, and which groups make the top N, do not depend on the order an
 * engine's parallel GROUP BY returned its rows in.
 */
export function rankSeries(series: MetricsSeries[]): MetricsSeries[] {
  const key = (s: MetricsSeries) => JSON.stringify(Object.values(s.group));
  return series.sort((a, b) => b.count - a.count || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
