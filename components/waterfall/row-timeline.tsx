import { formatOffset } from "@/lib/format/duration";
import { shortId } from "@/lib/format/id";
import { sectionsOf } from "@/lib/waterfall/critical-path";
import { isExceptionEvent } from "@/lib/waterfall/events";
import type { WaterfallModel } from "@/lib/waterfall/model";
import { barBox, pct, type ViewWindow } from "./layout";

/** Past this many events on one span, markers stop: they would be one smear anyway. */
const MAX_MARKERS = 60;

interface Props {
  model: WaterfallModel;
  pos: number;
  view: ViewWindow;
  color: string;
  critical: boolean;
  duration: string;
}

/** The timeline cell of a row: bar, critical-path sections, event markers, duration label. */
export function RowTimeline({ model, pos, view, color, critical, duration }: Props) {
  const { tree, events } = model;
  const s = tree.span[pos];
  const start = tree.start[pos];
  const box = barBox(start, tree.finish[pos], view);
  const marker = s < 0;
  const sections = critical && model.analysis ? sectionsOf(model.analysis.critical, pos) : undefined;
  // The label goes right of the bar when there is room, else left of it, else inside.
  const right = box ? box.left + box.width : 0;
  const label = !box ? null : right < 82 ? { left: `calc(${right}% + 4px)` } : box.left > 18 ? { right: `calc(${100 - box.left}% + 4px)` } : { right: "4px" };
  const name = s >= 0 ? model.tree.trace.names[model.tree.trace.name[s]] : "";
  return (
    <div className="relative min-w-0 flex-1 overflow-hidden" title={s >= 0 ? `${name} · ${duration} · starts at ${formatOffset(start / 1e6)}` : undefined}>
      {box && (
        <div
          className={`absolute top-[7px] h-3.5 rounded-[2px] ${marker ? "border border-dashed border-faint" : ""}`}
          style={{ left: `${box.left}%`, width: `max(1px, ${box.width}%)`, backgroundColor: marker ? undefined : color }}
        />
      )}
      {sections && <CriticalSections sections={sections} view={view} />}
      {s >= 0 && events.first[s + 1] > events.first[s] && <EventMarkers model={model} span={s} view={view} />}
      {label && (
        <span className="absolute top-[6px] rounded-sm bg-bg/70 px-0.5 font-mono text-[11px] leading-4 whitespace-nowrap text-muted tabular-nums" style={label}>
          {duration}
        </span>
      )}
    </div>
  );
}

function CriticalSections({ sections, view }: { sections: number[]; view: ViewWindow }) {
  const out = [];
  for (let i = 0; i < sections.length; i += 2) {
    const box = barBox(sections[i], sections[i + 1], view);
    if (box) out.push(<div key={i} className="absolute top-[12px] h-1 rounded-full bg-fg/85" style={{ left: `${box.left}%`, width: `max(2px, ${box.width}%)` }} />);
  }
  return <>{out}</>;
}

function EventMarkers({ model, span, view }: { model: WaterfallModel; span: number; view: ViewWindow }) {
  const { events, tree } = model;
  const names = tree.trace.names;
  const start = tree.trace.startOffsetNs[span];
  const from = events.first[span];
  const to = Math.min(events.first[span + 1], from + MAX_MARKERS);
  const out = [];
  for (let k = from; k < to; k++) {
    const x = pct(events.at[k], view);
    if (x < -1 || x > 101) continue;
    const name = names[events.name[k]];
    const exception = isExceptionEvent(name);
    out.push(
      <span
        key={k}
        data-testid="event-marker"
        title={`${name} · ${formatOffset((events.at[k] - start) / 1e6)} into the span`}
        className={`absolute top-[5px] h-[18px] w-[3px] -translate-x-1/2 rounded-[1px] ring-1 ring-bg ${exception ? "bg-error" : "bg-fg"}`}
        style={{ left: `${x}%` }}
      />,
    );
  }
  return <>{out}</>;
}

/** What a marker row says: which parent never arrived, or which spans form a cycle. */
export function MarkerLabel({ model, pos }: { model: WaterfallModel; pos: number }) {
  const m = model.tree.markers[-1 - model.tree.span[pos]];
  const count = model.tree.end[pos] - pos - 1;
  if (m.kind === "missing") {
    return (
      <span className="flex min-w-0 items-center gap-1.5 text-xs text-muted" title={`Parent span ${m.spanIds[0]} is not in this trace (not received, or dropped)`}>
        <span className="shrink-0 rounded border border-dashed border-faint px-1 text-[11px]">missing parent</span>
        <span className="truncate font-mono">{shortId(m.spanIds[0])}</span>
        <span className="shrink-0 text-faint">· {count} spans</span>
      </span>
    );
  }
  return (
    <span className="flex min-w-0 items-center gap-1.5 text-xs text-muted" title={`These spans name each other as parents: ${m.spanIds.join(" → ")} → ${m.spanIds[0]}`}>
      <span className="shrink-0 rounded border border-dashed border-faint px-1 text-[11px]">parent cycle</span>
      <span className="truncate font-mono">{m.spanIds.map((id) => shortId(id)).join(" → ")}</span>
    </span>
  );
}
