"use client";

import { valuesAt, type ChartRow, type ChartSeries } from "@/lib/chart-data/series";
import { bucketTime } from "./time-format";

interface Props {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
  series: ChartSeries[];
  shown: Set<string>;
  stepMs: number;
  format: (v: number | null) => string;
  hint: string;
}

/** Every shown series at the hovered bucket, largest first: the whole picture at that time. */
export function SeriesTooltip({ active, payload, series, shown, stepMs, format, hint }: Props) {
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  const values = valuesAt(row, series, shown);
  return (
    <div className="min-w-48 rounded-md border border-line bg-bg px-2.5 py-2 text-xs shadow-lg" data-testid="chart-tooltip">
      <p className="mb-1 font-mono text-muted">{bucketTime(row.t, stepMs)}</p>
      <table className="w-full">
        <tbody>
          {values.map(({ series: s, value }) => (
            <tr key={s.key}>
              <td className="pr-3">
                <span className="inline-flex max-w-64 items-center gap-1.5">
                  <span aria-hidden className="size-2 shrink-0 rounded-sm" style={{ backgroundColor: s.color }} />
                  <span className={`truncate ${s.isOther ? "italic" : "font-mono"}`}>{s.label}</span>
                </span>
              </td>
              <td className="text-right font-mono whitespace-nowrap">{format(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-1 text-faint">{hint}</p>
    </div>
  );
}
