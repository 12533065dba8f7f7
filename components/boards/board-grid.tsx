"use client";

import "react-grid-layout/css/styles.css";
import { GridLayout, useContainerWidth, type Layout } from "react-grid-layout";
import { BOARD_COLUMNS, BOARD_LIMITS, BOARD_ROW_PX, type Panel, type PanelLayout } from "@/lib/boards/types";

/** Below this width panels stack in one column: a 12-column grid would squeeze charts illegible. */
const STACK_BELOW_PX = 720;

/**
 * The panels on a 12-column grid (react-grid-layout). While editing, a panel moves by its
 * title bar and resizes from its corner; every change reports the whole layout.
 */
export function BoardGrid({
  panels, editing, onLayout, children,
}: {
  panels: Panel[];
  editing: boolean;
  onLayout: (layouts: Map<string, PanelLayout>) => void;
  children: (panel: Panel) => React.ReactNode;
}) {
  const { width, containerRef, mounted } = useContainerWidth({ initialWidth: 1200 });
  const stacked = mounted && width < STACK_BELOW_PX;
  const layout: Layout = panels.map((p) => ({
    i: p.id,
    ...(stacked ? { x: 0, y: p.layout.y, w: BOARD_COLUMNS, h: p.layout.h } : p.layout),
    minW: 2,
    minH: 2,
    maxH: BOARD_LIMITS.maxRows,
  }));
  return (
    <div ref={containerRef} data-testid="board-grid">
      {mounted && (
        <GridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: BOARD_COLUMNS, rowHeight: BOARD_ROW_PX, margin: [12, 12], containerPadding: [0, 0] }}
          dragConfig={{ enabled: editing && !stacked, handle: ".panel-drag", cancel: "a,button,select,input" }}
          resizeConfig={{ enabled: editing && !stacked, handles: ["se"] }}
          onLayoutChange={(next) => {
            if (!editing || stacked) return;
            onLayout(new Map(next.map((l) => [l.i, { x: l.x, y: l.y, w: l.w, h: l.h }])));
          }}
        >
          {panels.map((p) => (
            <div key={p.id}>{children(p)}</div>
          ))}
        </GridLayout>
      )}
    </div>
  );
}
