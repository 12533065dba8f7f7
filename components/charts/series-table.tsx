"use client";

import Link from "next/link";
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
}

/**
 * The chart as a table, for reading exact values and for screen readers: one row per
 * bucket (newest first), the range totals on top, every value a link to its traces.
 */
export function SeriesTable({ rows, series, shown, stepMs, format, href }: Props) {
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
          <tr className="border-b border-line bg-panel/50 font-medium">
            <th scope="row" className="h-7 px-2 text-left">Whole range</th>
            {cols.map((s) => (
              <td key={s.key} className={cell}>
                <Link href={href(s, null)} className="hover:underline">{format(s.total)}</Link>
              </td>
            ))}
          </tr>
          {[...rows].reverse().map((row) => (
            <tr key={row.t} className="border-b border-line/60 hover:bg-hover">
              <th scope="row" className="h-7 px-2 text-left font-mono font-normal whitespace-nowrap text-muted">{bucketTime(row.t, stepMs)}</th>
              {cols.map((s) => (
                <td key={s.key} className={cell}>
                  {row[s.key] === null || row[s.key] === 0 ? (
                    <span className="text-faint">{format(row[s.key])}</span>
                  ) : (
                    <Link href={href(s, row.t)} className="hover:underline">{format(row[s.key])}</Link>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
