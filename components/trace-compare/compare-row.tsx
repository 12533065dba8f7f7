"use client";

import { memo } from "react";
import { formatCount } from "@/lib/format/count";
import { formatDuration } from "@/lib/format/duration";
import { presenceOf } from "@/lib/trace-compare/align";
import { nodeAt, type NodeRow, type PackedAlignment } from "@/lib/trace-compare/packed";
import { durationDiff, measureOf, type DurationMeasure } from "@/lib/trace-compare/diff";
import { withProject } from "@/components/project/with-project";
import { ServiceChip } from "@/components/ui/service-chip";
import { DIFF_BG, DIFF_TEXT, PRESENCE_BADGE } from "./diff-style";

export const ROW_H = 28;
const INDENT = 14;
const MAX_INDENT = 20;
/** The numeric columns, shared by the header and the rows so they line up. */
export const COLS = "grid grid-cols-[4.5rem_4.5rem_5.5rem_5.5rem_9rem] items-center gap-x-2 text-right";

/** A span in its trace's waterfall, selected. */
export const spanHref = (traceId: string, spanId: string) => withProject(`/traces/${traceId}?span=${spanId}`);

interface Props {
  alignment: PackedAlignment;
  /** The node's id: its object is built here, so only the rows on screen ever become objects. */
  id: number;
  traces: { a: string; b: string };
  top: number;
  measure: DurationMeasure;
  collapsed: boolean;
  focused: boolean;
}

const ms = (ns: number) => formatDuration(ns / 1e6);

function Count({ count, errors }: { count: number; errors: number }) {
  if (count === 0) return <span className="text-faint">—</span>;
  return (
    <span>
      {formatCount(count)}
      {errors > 0 && <span className="ml-1 text-error" title={`${formatCount(errors)} with status error`}>!{formatCount(errors)}</span>}
    </span>
  );
}

/** The change from A to B: "+130 ms · 2.6×" in its tone; for a path on one side only, that side's time. */
function Difference({ node, measure }: { node: NodeRow; measure: DurationMeasure }) {
  const presence = presenceOf(node);
  if (presence !== "both") return <span className="text-faint">{presence === "a" ? "removed" : "added"}</span>;
  const d = durationDiff(measureOf(node.a, measure), measureOf(node.b, measure));
  const sign = d.deltaNs > 0 ? "+" : d.deltaNs < 0 ? "−" : "±";
  // Slower as a factor (2.6×), faster as a share saved (−40%): both read at a glance.
  const factor = d.tone === "same" || d.ratio === Infinity ? "" : d.ratio >= 1 ? ` · ${d.ratio.toFixed(d.ratio >= 10 ? 0 : 1)}×` : ` · −${Math.round((1 - d.ratio) * 100)}%`;
  return (
    <span data-testid="diff" data-tone={d.tone} data-strength={d.strength} className={`rounded px-1 ${DIFF_TEXT[d.tone]} ${DIFF_BG[d.tone][d.strength]}`}>
      {d.tone === "same" ? "same" : `${sign}${ms(Math.abs(d.deltaNs))}${factor}`}
    </span>
  );
}

/** One aligned path: where it is (A, B or both), its spans per side and how long they took. */
export const CompareRow = memo(function CompareRow({ alignment, id, traces, top, measure, collapsed, focused }: Props) {
  const node = nodeAt(alignment, id);
  const presence = presenceOf(node);
  const isTop = node.parent < 0;
  const hasChildren = node.childCount > 0;
  const depth = node.depth;
  return (
    <div
      role="treeitem"
      id={`cmp-row-${node.id}`}
      aria-level={depth + 1}
      aria-expanded={hasChildren ? !collapsed : undefined}
      aria-selected={focused}
      data-id={node.id}
      data-testid="compare-row"
      data-presence={isTop ? "trace" : presence}
      className={`group/row absolute inset-x-0 flex items-center border-b border-line/60 pr-3 font-mono text-xs tabular-nums [contain:strict] hover:bg-hover ${focused ? "group-focus:outline-2 group-focus:-outline-offset-2 group-focus:outline-accent" : ""}`}
      style={{ height: ROW_H, transform: `translateY(${top}px)` }}
    >
      <div className="flex min-w-0 flex-1 items-center gap-1.5 font-sans" style={{ paddingLeft: 6 + Math.min(depth, MAX_INDENT) * INDENT + (hasChildren ? 0 : 22) }}>
        {depth > MAX_INDENT && <span className="font-mono text-[10px] text-faint" title="Nesting depth">{depth}</span>}
        {hasChildren && (
          <button type="button" tabIndex={-1} data-action="toggle" aria-label={collapsed ? "Expand" : "Collapse"} className="grid size-4 shrink-0 place-items-center rounded text-[10px] text-muted hover:bg-hover hover:text-fg">
            {collapsed ? "▸" : "▾"}
          </button>
        )}
        {isTop ? (
          <span className="font-medium">Whole trace</span>
        ) : (
          <>
            {presence !== "both" && (
              <span data-testid="presence" className={`shrink-0 rounded px-1 text-[10px] font-semibold uppercase ${PRESENCE_BADGE[presence]}`}>
                only {presence.toUpperCase()}
              </span>
            )}
            <ServiceChip name={node.service} className="shrink-0" />
            <span className={`truncate ${presence === "a" ? "text-muted line-through decoration-faint" : ""}`} title={`${node.service}: ${node.name}`}>
              {node.name || "(unnamed span)"}
            </span>
          </>
        )}
        {collapsed && (node.a.subtree > node.a.count || node.b.subtree > node.b.count) && (
          <span className="shrink-0 text-[10px] text-faint" title="Spans below this row, in A and in B">
            +{formatCount(node.a.subtree - node.a.count)} / +{formatCount(node.b.subtree - node.b.count)} below
          </span>
        )}
        {/* Shown on hover and on the focused row; the keys `a` and `b` do the same. */}
        <span className={`ml-auto flex shrink-0 gap-1 pl-2 font-mono text-[11px] ${focused ? "" : "opacity-0 group-hover/row:opacity-100"}`}>
          {(["a", "b"] as const).map((side) => {
            const spanId = node[side].spanId;
            return spanId ? (
              <a key={side} tabIndex={-1} data-span-link href={spanHref(traces[side], spanId)} title={`Open this span in trace ${side.toUpperCase()} (${side})`} className="rounded px-1 text-muted hover:bg-hover hover:text-fg">
                {side.toUpperCase()}↗
              </a>
            ) : null;
          })}
        </span>
      </div>
      <div className={COLS}>
        <Count count={node.a.count} errors={node.a.errors} />
        <Count count={node.b.count} errors={node.b.errors} />
        <span className={node.a.count ? "" : "text-faint"}>{node.a.count ? ms(measureOf(node.a, measure)) : "—"}</span>
        <span className={node.b.count ? "" : "text-faint"}>{node.b.count ? ms(measureOf(node.b, measure)) : "—"}</span>
        <Difference node={node} measure={measure} />
      </div>
    </div>
  );
});
