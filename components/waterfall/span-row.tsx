"use client";

import { memo } from "react";
import { formatDuration } from "@/lib/format/duration";
import { serviceColor } from "@/lib/format/service-color";
import type { WaterfallModel } from "@/lib/waterfall/model";
import { STATUS_ERROR } from "@/lib/waterfall/types";
import { INDENT, MAX_INDENT, ROW_H, type ViewWindow } from "./layout";
import { MarkerLabel, RowTimeline } from "./row-timeline";

export interface SpanRowProps {
  model: WaterfallModel;
  pos: number;
  top: number;
  view: ViewWindow;
  nameWidth: number;
  selected: boolean;
  focused: boolean;
  match: boolean;
  collapsed: boolean;
  critical: boolean;
}

/**
 * One row: indented name with its service colour, then the bar on the timeline. Pure and
 * memoised: it holds no state, and clicks are handled once by the list (`data-action`).
 */
export const SpanRow = memo(function SpanRow({ model, pos, top, view, nameWidth, selected, focused, match, collapsed, critical }: SpanRowProps) {
  const { tree } = model;
  const { trace } = tree;
  const s = tree.span[pos];
  const depth = tree.depth[pos];
  const hasChildren = tree.childCount[pos] > 0;
  const error = s >= 0 && trace.status[s] === STATUS_ERROR;
  const service = s >= 0 ? trace.services[trace.service[s]] : "";
  const color = s >= 0 ? serviceColor(service) : "var(--faint)";
  const bg = selected ? "bg-selected" : match ? "bg-warn-bg" : "hover:bg-hover";
  // The match n/N stepped to: marked even while the search box has the focus.
  const current = match && focused;
  return (
    <div
      role="treeitem"
      id={`wf-row-${pos}`}
      aria-level={depth + 1}
      aria-expanded={hasChildren ? !collapsed : undefined}
      aria-selected={selected}
      data-pos={pos}
      data-testid={s >= 0 ? "span-row" : "marker-row"}
      data-match={match || undefined}
      data-current-match={current || undefined}
      data-critical={critical || undefined}
      className={`absolute inset-x-0 flex cursor-pointer border-b border-line/60 [contain:strict] ${bg} ${current ? "shadow-[inset_4px_0_0_var(--accent)] font-semibold" : ""} ${focused ? "group-focus:outline-2 group-focus:-outline-offset-2 group-focus:outline-accent" : ""}`}
      style={{ height: ROW_H, transform: `translateY(${top}px)` }}
    >
      <div className="flex shrink-0 items-center gap-1.5 overflow-hidden border-r border-line pr-2" style={{ width: nameWidth, paddingLeft: 6 + Math.min(depth, MAX_INDENT) * INDENT + (hasChildren ? 0 : 22) }}>
        {depth > MAX_INDENT && <span className="font-mono text-[10px] text-faint" title="Nesting depth">{depth}</span>}
        {hasChildren && (
          <button type="button" tabIndex={-1} data-action="toggle" aria-label={collapsed ? "Expand" : "Collapse"} className="grid size-4 shrink-0 place-items-center rounded text-[10px] text-muted hover:bg-hover hover:text-fg">
            {collapsed ? "▸" : "▾"}
          </button>
        )}
        {s >= 0 ? (
          <>
            {/* The service colour as the chip's left edge: one element, not two. */}
            <span className="max-w-[45%] shrink-0 truncate border-l-4 pl-1 text-xs" style={{ color, borderColor: color }} title={service}>{service}</span>
            <button type="button" tabIndex={-1} className={`min-w-0 truncate text-left ${critical ? "font-medium" : ""}`} title={trace.names[trace.name[s]]}>
              {trace.names[trace.name[s]] || "(unnamed span)"}
            </button>
            {error && <span className="shrink-0 text-[11px] font-medium text-error">error</span>}
          </>
        ) : (
          <MarkerLabel model={model} pos={pos} />
        )}
        {collapsed && <span className="ml-auto shrink-0 font-mono text-[11px] text-faint" title="Hidden descendants">+{tree.end[pos] - pos - 1}</span>}
      </div>
      <RowTimeline model={model} pos={pos} view={view} color={error ? "var(--error)" : color} critical={critical} duration={formatDuration((tree.finish[pos] - tree.start[pos]) / 1e6)} />
    </div>
  );
});
