"use client";

import { legendClick, type ChartSeries } from "@/lib/chart-data/series";
import { formatInteger } from "@/lib/format/count";

interface Props {
  series: ChartSeries[];
  shown: Set<string>;
  selected: string[];
  onSelect: (next: string[]) => void;
  /** Formats a series' total over the range, shown beside its name. */
  format: (v: number | null) => string;
}

/**
 * The legend is the series filter: a click isolates a series (again: shows all), a
 * shift-click adds or removes it. Buttons, so it works from the keyboard too.
 */
export function SeriesLegend({ series, shown, selected, onSelect, format }: Props) {
  if (series.length <= 1) return null;
  return (
    <div className="flex flex-col gap-1" data-testid="series-legend">
      <ul aria-label="Series: click to show only one, shift-click to add or remove" className="flex flex-wrap gap-x-1 gap-y-0.5">
        {series.map((s) => {
          const on = shown.has(s.key);
          return (
            <li key={s.key}>
              <button
                type="button"
                aria-pressed={on}
                onClick={(e) => onSelect(legendClick(selected, s.key, e.shiftKey))}
                title={`${s.label}: ${formatInteger(s.count)} spans. Click to show only this series, shift-click to add or remove it.`}
                className={`inline-flex h-6 max-w-72 items-center gap-1.5 rounded px-1.5 text-xs hover:bg-hover ${on ? "text-fg" : "text-faint line-through"}`}
                data-testid="legend-item"
              >
                <span aria-hidden className="h-2 w-3 shrink-0 rounded-sm" style={{ backgroundColor: on ? s.color : "var(--line)" }} />
                <span className={`truncate ${s.isOther ? "italic" : "font-mono"}`}>{s.label}</span>
                <span className="font-mono text-muted">{format(s.total)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <p className="text-[11px] text-faint">
        Click a name to show only it · shift-click to add or remove · {selected.length > 0 ? "click the shown one again for all" : "all shown"}
      </p>
    </div>
  );
}
