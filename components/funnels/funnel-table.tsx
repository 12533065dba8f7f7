"use client";

import { IntentLink as Link } from "@/components/ui/intent-link";
import { formatDuration } from "@/lib/format/duration";
import { formatInteger, formatPercent } from "@/lib/format/count";
import type { FunnelRow } from "@/lib/chart-data/funnel";

interface Props {
  rows: FunnelRow[];
  steps: string[];
  stepHref: (index: number) => string;
  openDrop: number | null;
  onDropOff: (step: number) => void;
}

/** Per step: entities, conversion from the previous and the first step, drop-off, median time. */
export function FunnelTable({ rows, steps, stepHref, openDrop, onDropOff }: Props) {
  const th = "h-7 px-2 font-medium text-muted";
  const num = "px-2 text-right font-mono";
  return (
    <table className="w-full border-collapse text-[13px]" data-testid="funnel-table">
      <thead className="bg-panel">
        <tr className="border-b border-line text-left">
          <th className={`${th} w-8`}>#</th>
          <th className={th}>Step</th>
          <th className={`${th} text-right`}>Entities</th>
          <th className={`${th} text-right`}>From previous</th>
          <th className={`${th} text-right`}>From first</th>
          <th className={`${th} text-right`}>Dropped off after</th>
          <th className={`${th} text-right`} title="Median time between reaching the previous step and this one">Median time from previous</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const last = r.index === rows.length - 1;
          return (
            <tr key={r.index} className="h-7 border-b border-line/60" data-testid="funnel-row">
              <td className="px-2 font-mono text-muted">{r.index + 1}</td>
              <td className="max-w-md truncate px-2 font-mono" title={steps[r.index]}>
                <Link href={stepHref(r.index)} className="hover:underline">{r.name}</Link>
              </td>
              <td className={num} data-testid="step-count">{formatInteger(r.count)}</td>
              <td className={num}>{r.conversionFromPrevious === null ? "" : formatPercent(r.conversionFromPrevious)}</td>
              <td className={num}>{r.conversionFromFirst === null ? "" : formatPercent(r.conversionFromFirst)}</td>
              <td className={num}>
                {last ? (
                  ""
                ) : (
                  <button
                    type="button"
                    onClick={() => onDropOff(r.index)}
                    aria-expanded={openDrop === r.index}
                    disabled={r.dropOff === 0}
                    className="rounded px-1 hover:bg-hover hover:underline disabled:no-underline disabled:opacity-60"
                    title={`Who reached step ${r.index + 1} and did not reach step ${r.index + 2}`}
                    data-testid="drop-off"
                  >
                    {formatInteger(r.dropOff)} {r.count > 0 && <span className="text-muted">({formatPercent(r.dropOff / r.count)})</span>} →
                  </button>
                )}
              </td>
              <td className={num}>{r.medianTimeFromPreviousMs === null ? "" : formatDuration(r.medianTimeFromPreviousMs)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
