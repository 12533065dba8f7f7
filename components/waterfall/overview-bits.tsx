import { formatDuration } from "@/lib/format/duration";
import { shortId } from "@/lib/format/id";
import type { ViewWindow } from "./layout";

/** Left of the minimap: what the timeline shows, and the way back from a zoom. */
export function ZoomControls({ view, full, zoomed, onReset, width }: { view: ViewWindow; full: ViewWindow; zoomed: boolean; onReset: () => void; width: number }) {
  return (
    <div className="flex shrink-0 flex-col justify-center gap-0.5 border-r border-b border-line bg-panel px-2 text-xs" style={{ width }}>
      {zoomed ? (
        <>
          <span className="font-mono text-muted" data-testid="zoom-range">
            {formatDuration(view.from / 1e6)} – {formatDuration(view.to / 1e6)}
            <span className="text-faint"> of {formatDuration(full.to / 1e6)}</span>
          </span>
          <button type="button" onClick={onReset} className="self-start text-accent hover:underline">Reset zoom</button>
        </>
      ) : (
        <span className="text-muted">Whole trace · drag on the overview or the axis to zoom</span>
      )}
    </div>
  );
}

/** Parent cycles are a data problem worth saying out loud: which spans, and where they went. */
export function CycleNote({ cycles }: { cycles: string[][] }) {
  if (cycles.length === 0) return null;
  return (
    <p role="note" data-testid="cycle-note" className="border-b border-line bg-warn-bg px-4 py-1.5 text-xs">
      {cycles.length === 1 ? "One parent cycle" : `${cycles.length} parent cycles`} in this trace:{" "}
      <span className="font-mono">{cycles.slice(0, 3).map((c) => [...c, c[0]].map((id) => shortId(id)).join(" → ")).join("; ")}</span>
      {cycles.length > 3 && ` and ${cycles.length - 3} more`}. Their spans are listed under &ldquo;parent cycle&rdquo; rows.
    </p>
  );
}
