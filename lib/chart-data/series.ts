import { valueColor } from "@/lib/format/service-color";
import type { MetricsResult, MetricsSeries } from "@/lib/contract";

export type GroupValue = string | number | boolean | null;

/** One series as the charts draw it. `key` is also what the URL's legend selection holds. */
export interface ChartSeries {
  key: string;
  label: string;
  /** Group-by label -> value, in group-by order; empty for "other" and ungrouped charts. */
  values: [string, GroupValue][];
  isOther: boolean;
  color: string;
  total: number | null;
  count: number;
}

export const OTHER_KEY = "(other)";
export const NO_VALUE = "(no value)";

export function seriesLabel(values: [string, GroupValue][]): string {
  if (values.length === 0) return "all spans";
  return values.map(([, v]) => (v === null ? NO_VALUE : String(v))).join(" · ");
}

function colorFor(values: [string, GroupValue][], label: string): string {
  // Status colours never change meaning.
  if (values.length === 1 && values[0][0] === "status") {
    const v = values[0][1];
    return v === "error" ? "var(--error)" : v === "ok" ? "var(--muted)" : "var(--faint)";
  }
  return valueColor(label);
}

/** The API's series in its order (busiest first, "other" last), labelled and coloured. */
export function toChartSeries(result: Pick<MetricsResult, "series">, groupBy: string[]): ChartSeries[] {
  const base = result.series.map((s: MetricsSeries) => {
    const isOther = "other" in s.group && s.group.other === true;
    const values: [string, GroupValue][] = isOther ? [] : groupBy.map((g) => [g, s.group[g] ?? null]);
    const label = isOther ? "other" : seriesLabel(values);
    return { s, isOther, values, label };
  });
  return base.map(({ s, isOther, values, label }) => ({
    key: isOther ? OTHER_KEY : label,
    label,
    values,
    isOther,
    color: isOther ? "var(--faint)" : colorFor(values, label),
    total: s.total,
    count: s.count,
  }));
}

export type ChartRow = { t: number } & Record<string, number | null>;

/**
 * One row per bucket over the whole range (so the axis spans it and empty stretches show),
 * each series' value under its key. The API omits empty buckets: they read as zero for
 * counts and sums, and as a gap (null) for averages, percentiles and rates of errors.
 */
export function toRows(result: MetricsResult, series: ChartSeries[], emptyIsZero: boolean): ChartRow[] {
  const { startMs, endMs, stepMs } = result;
  const rows: ChartRow[] = [];
  const index = new Map<number, ChartRow>();
  if (stepMs > 0) {
    for (let t = startMs; t < endMs; t += stepMs) {
      const row = { t } as ChartRow;
      for (const s of series) row[s.key] = emptyIsZero ? 0 : null;
      rows.push(row);
      index.set(t, row);
    }
  }
  result.series.forEach((s, i) => {
    const key = series[i]?.key;
    if (!key) return;
    for (const p of s.points) {
      const row = index.get(p.t);
      // A sum over spans that all lack the attribute comes back null; for an additive measure that is 0.
      if (row) row[key] = p.v === null && emptyIsZero ? 0 : p.v;
    }
  });
  return rows;
}

/** Keys drawn: the selection when it names series that exist, else every series. */
export function visibleKeys(series: ChartSeries[], selected: string[]): Set<string> {
  const existing = selected.filter((k) => series.some((s) => s.key === k));
  return new Set(existing.length > 0 ? existing : series.map((s) => s.key));
}

/**
 * The legend as a filter. A click isolates a series (or, on the one already isolated,
 * shows them all again); a shift-click adds it to or removes it from what is shown.
 */
export function legendClick(selected: string[], key: string, shift: boolean): string[] {
  if (!shift) return selected.length === 1 && selected[0] === key ? [] : [key];
  return selected.includes(key) ? selected.filter((k) => k !== key) : [...selected, key];
}

/** Every shown series' value at one bucket, largest first, missing values last. */
export function valuesAt(row: ChartRow | undefined, series: ChartSeries[], shown: Set<string>) {
  return series
    .filter((s) => shown.has(s.key))
    .map((s) => ({ series: s, value: row ? row[s.key] ?? null : null }))
    .sort((a, b) => (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || (b.value ?? 0) - (a.value ?? 0));
}
