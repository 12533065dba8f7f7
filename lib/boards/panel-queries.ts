import { isPinned, rangeParams, rangeSpanMs, resolveRange, type ChartRange } from "@/lib/chart-data/range";
import { moneyKey, parseMeasureText } from "@/lib/chart-data/measure";
import { DEFAULT_TOP, metricsApiQuery } from "@/lib/chart-data/metrics-query";
import type { FunnelDefinition } from "@/lib/chart-data/funnel";
import { TIER_MEASURES, tierQueries } from "@/lib/chart-data/tiers";
import type { BoardVariable, MetricsPanelQuery, Panel, TracesPanelQuery } from "./types";
import { variableConditions, withVariables } from "./variables";

/*
 * What each panel asks the API for, as pure functions: the panels' hooks use them for their
 * requests and react-query keys, and a snapshot runs the same requests on the server and
 * hands the page the answers under the same keys. One definition, so the two cannot drift.
 */

export const metricsKey = (qs: string) => ["metrics", qs] as const;
export const funnelKey = (def: FunnelDefinition) => ["funnel", JSON.stringify(def)] as const;
export const savedFunnelKey = (id: string) => ["saved-funnels", id] as const;
export const currencyKey = (key: string | null) => ["attributes", "currency", key] as const;
export const boardTracesKey = (qs: string) => ["board-traces", qs] as const;

/** The metrics API query of a chart panel: its state, the board's range, the variables ANDed in. */
export function metricsPanelQs(q: MetricsPanelQuery, range: ChartRange, variables: BoardVariable[]): string {
  const pinned = isPinned(range);
  return metricsApiQuery({
    q: withVariables(q.q, variables),
    measure: q.measure ?? "count",
    groupBy: q.groupBy ?? [],
    since: pinned ? "" : range.since,
    start: pinned ? range.start : null,
    end: pinned ? range.end : null,
    step: q.step ?? "",
    top: q.top ?? DEFAULT_TOP,
  });
}

/** The same length of time just before `range`, pinned, so both figures cover fixed spans. */
export function previousPeriod(range: ChartRange, nowMs: number): ChartRange {
  const { startMs, endMs } = resolveRange(range, nowMs);
  const len = endMs - startMs;
  return { start: Math.floor((startMs - len) / 1000), end: Math.floor(startMs / 1000) };
}

/** A funnel on a board: its steps with the variables ANDed into each, over the board's range. */
export function boardFunnel(f: { steps: string[]; by?: string; window?: string; breakdown?: string | null }, range: ChartRange, variables: BoardVariable[]): FunnelDefinition {
  const def: FunnelDefinition = { steps: f.steps.map((s) => withVariables(s, variables)), by: f.by || "trace", window: f.window || "1d" };
  if (isPinned(range)) Object.assign(def, { start: range.start, end: range.end });
  else def.since = range.since;
  if (f.breakdown) def.breakdown = f.breakdown;
  return def;
}

export function tracesPanelQs(query: TracesPanelQuery, range: ChartRange, variables: BoardVariable[]): string {
  const p = new URLSearchParams({ q: withVariables(query.q, variables), limit: String(query.limit ?? 10), ...rangeParams(range) });
  if (query.sort) p.set("sort", query.sort);
  if (query.order) p.set("order", query.order);
  if (query.cols?.length) p.set("columns", query.cols.join(","));
  return p.toString();
}

/** The tier view's queries, as useTierData makes them for the panel (same keys). */
export function tierPanelQueries(attr: string | undefined, range: ChartRange, variables: BoardVariable[]) {
  return tierQueries(attr ?? "customer.tier", rangeParams(range), rangeSpanMs(range), variableConditions(variables));
}

/** A request a panel makes, by what it is: the server's freezer runs these. */
export type PanelRead =
  | { key: readonly unknown[]; kind: "metrics"; qs: string }
  | { key: readonly unknown[]; kind: "currency"; money: string }
  | { key: readonly unknown[]; kind: "traces"; qs: string }
  | { key: readonly unknown[]; kind: "savedFunnel"; id: string }
  | { key: readonly unknown[]; kind: "funnel"; def: FunnelDefinition };

function currencyRead(measure: string): PanelRead[] {
  const money = moneyKey(parseMeasureText(measure));
  return money ? [{ key: currencyKey(money), kind: "currency", money }] : [];
}

/**
 * Every request a panel makes over a pinned range (a snapshot's). A funnel from a saved
 * definition needs that definition first, so it is passed in once read.
 */
export function panelReads(panel: Panel, range: { start: number; end: number }, variables: BoardVariable[], saved?: FunnelDefinition): PanelRead[] {
  switch (panel.kind) {
    case "metrics": {
      const qs = metricsPanelQs(panel.query, range, variables);
      return [{ key: metricsKey(qs), kind: "metrics", qs }, ...currencyRead(panel.query.measure ?? "count")];
    }
    case "number": {
      const q = { q: panel.query.q, measure: panel.query.measure };
      const now = metricsPanelQs(q, range, variables);
      const before = metricsPanelQs(q, previousPeriod(range, 0), variables);
      return [{ key: metricsKey(now), kind: "metrics", qs: now }, { key: metricsKey(before), kind: "metrics", qs: before }, ...currencyRead(panel.query.measure)];
    }
    case "tiers": {
      const qs = tierPanelQueries(panel.query.attr, range, variables);
      return [...Object.values(qs).map((s): PanelRead => ({ key: metricsKey(s), kind: "metrics", qs: s })), ...currencyRead(TIER_MEASURES.revenue)];
    }
    case "traces": {
      const qs = tracesPanelQs(panel.query, range, variables);
      return [{ key: boardTracesKey(qs), kind: "traces", qs }];
    }
    case "funnel": {
      const source = panel.query.funnel ? saved : (panel.query as FunnelDefinition);
      const reads: PanelRead[] = panel.query.funnel ? [{ key: savedFunnelKey(panel.query.funnel), kind: "savedFunnel", id: panel.query.funnel }] : [];
      if (source?.steps) {
        const def = boardFunnel({ ...source, breakdown: null }, range, variables);
        reads.push({ key: funnelKey(def), kind: "funnel", def });
      }
      return reads;
    }
    case "note":
      return [];
  }
}
