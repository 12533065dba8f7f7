"use client";

import { IntentLink as Link } from "@/components/ui/intent-link";
import type { ChartRow, ChartSeries } from "@/lib/chart-data/series";
import { bucketTime } from "./time-format";

interface Props {
  rows: ChartRow[];
  series: ChartSeries[];
  shown: Set<string>;
  stepMs: number;
  format: (v: number | null) => string;
  /** Where a cell leads: the traces of that series in that bucket (or the whole range). */
  href: (series: ChartSeries, t: number | null) => string;
  /** "What is different?" about a cell's spans (t null: the whole range), when the page offers it. */
  onCompare?: (series: ChartSeries, t: number | null) => void;
}

/**
 * A cell's value, a link to its traces, and (on hover or focus) "What is different?". An
 * ungrouped series over the whole range is every span: nothing is left to compare it with.
 */
function Cell({ s, t, value, stepMs, format, href, onCompare }: { s: ChartSeries; t: number | null; value: number | null } & Omit<Props, "rows" | "series" | "shown">) {
  if (t !== null && (value === null || value === 0)) return <span className="text-faint">{format(value)}</span>;
  const comparable = onCompare && (t !== null || s.isOther || s.values.length > 0);
  const where = t === null ? "the whole range" : bucketTime(t, stepMs);
  return (
    <span className="inline-flex items-center gap-1">
      <Link href={href(s, t)} className="hover:underline">{format(value)}</Link>
      {comparable && (
        <button
          type="button"
          onClick={() => onCompare(s, t)}
          className="w-4 rounded text-faint opacity-0 group-hover:opacity-100 hover:bg-hover hover:text-accent focus-visible:opacity-100"
          aria-label={`What is different about ${s.label} in ${where}?`}
          title="What is different? These spans against the rest of the chart's window"
          data-testid="cell-compare"
        >
          ≠
        </button>
      )}
    </span>
  );
}

/**
 * The chart as a table, for reading exact values and for screen readers: one row per
 * bucket (newest first), the range totals on top, every value a link to its traces.
 */
export function SeriesTable({ rows, series, shown, stepMs, format, href, onCompare }: Props) {
  const cols = series.filter((s) => shown.has(s.key));
  const cell = "h-7 px-2 text-right font-mono whitespace-nowrap";
  return (
    <div className="max-h-[480px] overflow-auto rounded-md border border-line" data-testid="series-table">
      <table className="w-full border-collapse text-xs">
        <thead className="sticky top-0 z-10 bg-panel">
          <tr className="border-b border-line">
            <th scope="col" className="h-7 px-2 text-left font-medium text-muted">Time</th>
            {cols.map((s) => (
              <th key={s.key} scope="col" className="h-7 max-w-48 px-2 text-right font-medium">
                <span className="inline-flex max-w-full items-center gap-1.5">
                  <span aria-hidden className="size-2 shrink-0 rounded-sm" style={{ backgroundColor: s.color }} />
                  <span className={`truncate ${s.isOther ? "italic" : "font-mono"}`} title={s.label}>{s.label}</span>
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="group border-b border-line bg-panel/50 font-medium">
            <th scope="row" className="h-7 px-2 text-left">Whole range</th>
            {cols.map((s) => (
              <td key={s.key} className={cell}>
                <Cell s={s} t={null} value={s.total} stepMs={stepMs} format={format} href={href} onCompare={onCompare} />
              </td>
            ))}
          </tr>
          {[...rows].reverse().map((row) => (
            <tr key={row.t} className="group border-b border-line/60 hover:bg-hover">
              <th scope="row" className="h-7 px-2 text-left font-mono font-normal whitespace-nowrap text-muted">{bucketTime(row.t, stepMs)}</th>
              {cols.map((s) => (
                <td key={s.key} className={cell}>
                  <Cell s={s} t={row.t} value={row[s.key]} stepMs={stepMs} format={format} href={href} onCompare={onCompare} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
