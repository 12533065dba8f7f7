"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { WaterfallModel } from "@/lib/waterfall/model";
import { stepTo } from "@/lib/waterfall/search";
import { timeTicks } from "@/lib/waterfall/ticks";
import { DEFAULT_NAME_WIDTH } from "./layout";
import { Minimap } from "./minimap";
import { ColumnResizer } from "./column-resizer";
import { CycleNote, ZoomControls } from "./overview-bits";
import { SpanPanel } from "./span-panel";
import { SpanRows, type RowsHandle, type ScrollAlign } from "./span-rows";
import { StatsTable } from "./stats-table";
import { Gridlines, TimeAxis } from "./time-axis";
import { Toolbar } from "./toolbar";
import { TraceSummary } from "./trace-summary";
import { useReadyMark } from "./use-ready-mark";
import { shownAncestor, useWaterfallKeys } from "./use-waterfall-keys";
import { useWaterfallState } from "./use-waterfall-state";

/** The trace page under the top bar: header, toolbar, minimap, axis, rows and the span panel. */
export function WaterfallView({ model, traceId }: { model: WaterfallModel; traceId: string }) {
  const st = useWaterfallState(model, traceId);
  const { url, setUrl, rows, indexOf, collapsed, search, view, selectedPos, focus, setFocus, reveal, select, toggle } = st;
  const rowsRef = useRef<RowsHandle>(null);
  const [statsOpen, setStatsOpen] = useState(false);
  const [listWidth, setListWidth] = useState(0);
  const [chosenWidth, setChosenWidth] = useState<number | null>(null);
  const maxName = Math.max(200, Math.round(listWidth * 0.7));
  const nameWidth = Math.min(maxName, chosenWidth ?? Math.min(DEFAULT_NAME_WIDTH, Math.max(220, Math.round(listWidth * 0.4))));
  const timelineWidth = Math.max(0, listWidth - nameWidth);
  // A tick per ~80 px, and at least 4: with the span panel open the timeline is narrow, and
  // 2 or 3 ticks cannot be read as a scale.
  const ticks = useMemo(() => timeTicks(view.from, view.to, Math.max(4, Math.floor(timelineWidth / 80))), [view, timelineWidth]);

  // Moving to a row that a collapse hides opens its ancestors first; the scroll waits for the new rows.
  // A row already on screen is scrolled to at once: nothing may re-render for it (a ?span=
  // link starts with the focus on that row), so waiting for a render could wait forever.
  const pendingScroll = useRef<{ pos: number; align: ScrollAlign }>({ pos: -1, align: "auto" });
  const goTo = useCallback((p: number, alsoSelect: boolean, align: ScrollAlign = "auto") => {
    if (p < 0) return;
    reveal(p);
    setFocus(p);
    if (alsoSelect) select(p);
    if (indexOf[p] >= 0) {
      pendingScroll.current = { pos: -1, align };
      rowsRef.current?.scrollToIndex(indexOf[p], align);
    } else pendingScroll.current = { pos: p, align };
  }, [reveal, setFocus, select, indexOf]);
  useEffect(() => {
    const { pos, align } = pendingScroll.current;
    if (pos >= 0 && indexOf[pos] >= 0) {
      pendingScroll.current = { pos: -1, align };
      rowsRef.current?.scrollToIndex(indexOf[pos], align);
    }
  }, [indexOf]);
  // A link with ?span= opens on that span, shown and scrolled to the middle of the list.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    if (selectedPos >= 0) goTo(selectedPos, false, "center");
  }, [selectedPos, goTo]);

  const stepMatch = useCallback((dir: 1 | -1) => goTo(stepTo(search.positions, focus, dir), false), [goTo, search.positions, focus]);
  const nextError = useCallback(() => goTo(stepTo(model.errorRows, focus, 1), true), [goTo, model.errorRows, focus]);
  const onKeyDown = useWaterfallKeys(model, st, rowsRef, { stepMatch, nextError });
  const onRowClick = useCallback((p: number, action: "select" | "toggle") => {
    setFocus(p);
    if (action === "toggle" || model.tree.span[p] < 0) toggle(p);
    else select(p);
  }, [model, setFocus, toggle, select]);

  useEffect(() => {
    if (selectedPos < 0) return;
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (e.key !== "Escape" || document.querySelector("dialog[open]") || (el && ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName))) return;
      select(null);
      rowsRef.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selectedPos, select]);

  useReadyMark(rows.length > 0 && listWidth > 0, model.analysis !== null, traceId);
  const matchIndex = search.matches[focus] ? search.positions.indexOf(focus) + 1 : 0;
  const focusShown = shownAncestor(model, indexOf, focus);

  return (
    <div className="flex min-h-0 flex-1 flex-col" data-analysis={model.analysis ? "ready" : "pending"}>
      <TraceSummary model={model} statsOpen={statsOpen} onToggleStats={() => setStatsOpen((o) => !o)} />
      {statsOpen && <StatsTable model={model} />}
      <Toolbar
        q={url.q} onQuery={(q) => void setUrl({ q: q || null })}
        matchCount={search.positions.length} matchIndex={matchIndex} searchPending={search.pending} searchError={search.error?.message ?? null}
        onStepMatch={stepMatch} onlyMatches={url.only} onOnlyMatches={(only) => void setUrl({ only: only || null })}
        maxDepth={model.tree.maxDepth} collapseDepth={url.depth} anyCollapsed={url.depth !== null || url.flip.length > 0} onExpandAll={st.expandAll} onCollapseTo={st.collapseTo}
        critical={url.cp} onCritical={(cp) => void setUrl({ cp: cp ? null : false })} criticalCount={model.analysis?.critical.rows.length ?? null}
        errorCount={model.errors} onNextError={nextError}
      />
      <CycleNote cycles={model.tree.cycles} />
      <div className={`grid min-h-0 flex-1 ${selectedPos >= 0 ? "grid-cols-[minmax(0,1fr)_minmax(340px,34%)]" : "grid-cols-1"}`}>
        <div className="flex min-h-0 min-w-0 flex-col">
          <div className="flex shrink-0">
            <ZoomControls view={view} full={st.full} zoomed={st.zoomed} onReset={st.resetZoom} width={nameWidth} />
            <div className="min-w-0" style={{ width: timelineWidth }}>
              <Minimap model={model} view={view} onZoom={(r) => st.zoomWithin(st.full, r)} />
            </div>
          </div>
          <TimeAxis ticks={ticks} view={view} nameWidth={nameWidth} timelineWidth={timelineWidth} onZoom={(r) => st.zoomWithin(view, r)}>
            <span>Span</span>
            <ColumnResizer width={nameWidth} min={160} max={maxName} onWidth={setChosenWidth} />
            <span className="ml-auto font-mono text-[11px] text-faint">{rows.length === model.tree.size ? "" : `${rows.length.toLocaleString("en-US")} shown`}</span>
          </TimeAxis>
          <div className="relative flex min-h-0 flex-1 flex-col">
            <Gridlines ticks={ticks} view={view} nameWidth={nameWidth} timelineWidth={timelineWidth} />
            {rows.length === 0 && <p className="p-4 text-muted">No span matches &ldquo;{url.q}&rdquo;. Clear the search or turn off &ldquo;Only matches&rdquo;.</p>}
            <SpanRows
              handle={rowsRef} model={model} rows={rows} view={view} nameWidth={nameWidth}
              selectedPos={selectedPos} focusPos={focusShown} matches={search.matches} collapsed={collapsed} showCritical={url.cp}
              onRowClick={onRowClick} onKeyDown={onKeyDown} onWidth={setListWidth}
            />
          </div>
        </div>
        {selectedPos >= 0 && <SpanPanel key={selectedPos} model={model} pos={selectedPos} traceId={traceId} onClose={() => select(null)} />}
      </div>
    </div>
  );
}
