import { isPinned, rangeParams, type ChartRange } from "@/lib/chart-data/range";
import type { BoardVariable, Panel } from "./types";
import { withVariables } from "./variables";

/**
 * The explorer page a panel came from, with the board's time range and variables applied,
 * so "Open in explorer" continues where the board is. Notes have none.
 */
export function explorerHref(panel: Panel, range: ChartRange, vars: BoardVariable[], project: string): string | null {
  const p = new URLSearchParams({ project });
  const chartRange = () => Object.entries(rangeParams(range)).forEach(([k, v]) => p.set(k, v));
  switch (panel.kind) {
    case "metrics":
    case "number": {
      const q = panel.query;
      p.set("q", withVariables(q.q, vars));
      p.set("measure", q.measure ?? "count");
      if (panel.kind === "metrics") {
        const m = panel.query;
        if (m.groupBy?.length) p.set("groupBy", m.groupBy.join(","));
        if (m.step) p.set("step", m.step);
        if (m.top) p.set("top", String(m.top));
        if (m.view) p.set("view", m.view);
      } else p.set("view", "totals");
      chartRange();
      return `/metrics?${p}`;
    }
    case "funnel": {
      const f = panel.query;
      if (f.funnel) p.set("funnel", f.funnel);
      else for (const s of f.steps ?? []) p.append("step", withVariables(s, vars));
      if (f.by) p.set("by", f.by);
      if (f.window) p.set("window", f.window);
      if (f.breakdown) p.set("breakdown", f.breakdown);
      chartRange();
      return `/funnels?${p}`;
    }
    case "tiers":
      if (panel.query.attr) p.set("attr", panel.query.attr);
      chartRange();
      return `/tiers?${p}`;
    case "traces": {
      const t = panel.query;
      p.set("q", withVariables(t.q, vars));
      if (t.cols?.length) p.set("cols", t.cols.join(","));
      if (t.sort) p.set("sort", t.sort);
      if (t.order) p.set("order", t.order);
      if (isPinned(range)) {
        p.set("start", new Date(range.start * 1000).toISOString());
        p.set("end", new Date(range.end * 1000).toISOString());
      } else p.set("since", range.since);
      return `/traces?${p}`;
    }
    case "note":
      return null;
  }
}
