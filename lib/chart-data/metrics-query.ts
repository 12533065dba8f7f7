import { looksLikeMetrics } from "@/lib/traceql/metrics";
import { isMatchAll } from "./traceql";
import { rangeFromUrl, rangeParams } from "./range";

/** The chart builder's state as the URL holds it (see app/(dashboard)/metrics/search-params.ts). */
export interface MetricsUrlState {
  q: string;
  measure: string;
  groupBy: string[];
  since: string;
  start: number | null;
  end: number | null;
  step: string;
  top: number;
}

export const DEFAULT_TOP = 10;
export const MAX_GROUP_BY = 2;

/**
 * The `GET /api/v1/metrics` query string for a state, in a fixed order: the server prefetch
 * and the browser build the same string, so it is also the react-query key.
 */
export function metricsApiQuery(s: MetricsUrlState, overrides: Partial<Record<"q" | "measure" | "groupBy", string>> = {}): string {
  const p = new URLSearchParams();
  const q = overrides.q ?? s.q;
  if (!isMatchAll(q)) p.set("q", q.trim());
  // A TraceQL metrics query says what to measure and how to group by itself.
  if (!looksLikeMetrics(q)) {
    p.set("measure", overrides.measure ?? (s.measure || "count"));
    const groupBy = overrides.groupBy ?? s.groupBy.map((g) => g.trim()).filter(Boolean).slice(0, MAX_GROUP_BY).join(",");
    if (groupBy) p.set("groupBy", groupBy);
  }
  for (const [k, v] of Object.entries(rangeParams(rangeFromUrl(s)))) p.set(k, v);
  if (s.step) p.set("step", s.step);
  if (s.top !== DEFAULT_TOP) p.set("top", String(s.top));
  return p.toString();
}

/** The labels the API keys a series' group by, in group-by order (`service` -> `resource.service.name`). */
export function groupLabels(groupBy: string[]): string[] {
  return groupBy
    .map((g) => g.trim())
    .filter(Boolean)
    .slice(0, MAX_GROUP_BY)
    .map((g) => (g === "service" ? "resource.service.name" : g));
}
