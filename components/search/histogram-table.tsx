import { formatCount } from "@/lib/format/count";
import { formatDuration } from "@/lib/format/duration";
import type { Bar } from "./histogram-data";

/** The histogram as a table: the chart's keyboard and screen-reader view. */
export function HistogramTable({ bars, onSelect }: { bars: Bar[]; onSelect: (index: number) => void }) {
  return (
    <div className="max-h-[116px] overflow-y-auto rounded-md border border-line">
      <table className="w-full text-xs">
        <thead className="sticky top-0 bg-panel text-left text-muted">
          <tr>
            <th scope="col" className="px-2 py-1 font-medium">Trace duration</th>
            <th scope="col" className="px-2 py-1 text-right font-medium">Traces</th>
            <th scope="col" className="px-2 py-1"><span className="sr-only">Filter</span></th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b, i) => (
            <tr key={i} className="border-t border-line">
              <td className="px-2 py-0.5 font-mono">{formatDuration(b.fromMs)} – {formatDuration(b.toMs)}</td>
              <td className="px-2 py-0.5 text-right font-mono tabular-nums">{formatCount(b.count)}</td>
              <td className="px-2 py-0.5 text-right">
                {b.count > 0 && (
                  <button type="button" className="text-accent hover:underline" onClick={() => onSelect(i)}>
                    Only these
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
