import type { ChartRange } from "@/lib/chart-data/range";

/** What a panel shows; each kind's `query` is the state of the explorer page it came from. */
export const PANEL_KINDS = ["metrics", "funnel", "tiers", "traces", "number", "note"] as const;
export type PanelKind = (typeof PANEL_KINDS)[number];

/** Grid cells: 12 columns; rows of BOARD_ROW_PX. */
export interface PanelLayout {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface MetricsPanelQuery {
  q?: string;
  measure?: string;
  groupBy?: string[];
  step?: string;
  top?: number;
  view?: "line" | "area" | "bar" | "totals" | "table" | "heatmap";
}

/** A saved funnel by id, or its definition inline (steps, by, window, breakdown). */
export interface FunnelPanelQuery {
  funnel?: string;
  steps?: string[];
  by?: string;
  window?: string;
  breakdown?: string;
}

export interface TiersPanelQuery {
  attr?: string;
}

export interface TracesPanelQuery {
  q?: string;
  cols?: string[];
  sort?: "start" | "duration" | "spans" | "errors";
  order?: "asc" | "desc";
  limit?: number;
}

/** One figure over the board's range, with its change against the period before. */
export interface NumberPanelQuery {
  q?: string;
  measure: string;
}

export interface NotePanelQuery {
  markdown: string;
}

interface PanelBase<K extends PanelKind, Q> {
  id: string;
  kind: K;
  title: string;
  query: Q;
  layout: PanelLayout;
}

export type Panel =
  | PanelBase<"metrics", MetricsPanelQuery>
  | PanelBase<"funnel", FunnelPanelQuery>
  | PanelBase<"tiers", TiersPanelQuery>
  | PanelBase<"traces", TracesPanelQuery>
  | PanelBase<"number", NumberPanelQuery>
  | PanelBase<"note", NotePanelQuery>;

/** An attribute (`span.customer.tier`) and the values chosen for it; ANDed into every panel. */
export interface BoardVariable {
  key: string;
  values: string[];
}

/** A board as the API takes and returns it (and as export/import files hold it). */
export interface BoardInput {
  name: string;
  description?: string;
  timeRange: ChartRange;
  variables: BoardVariable[];
  panels: Panel[];
}

export interface Board extends Required<BoardInput> {
  id: string;
  owner: string;
  createdAt: string;
  updatedAt: string;
}

export const BOARD_COLUMNS = 12;
export const BOARD_ROW_PX = 40;
/** Named limits, also in the README. */
export const BOARD_LIMITS = { panels: 50, variables: 10, values: 50, name: 100, description: 2000, title: 120, markdown: 20_000, maxRows: 60 } as const;
