import { useCurrency, useMetrics } from "@/components/charts/queries";
import { parseMeasureText } from "@/lib/chart-data/measure";
import { rangeParams, rangeSpanMs, type ChartRange } from "@/lib/chart-data/range";
import { lowestRate } from "@/lib/chart-data/sampling";
import { toChartSeries, type ChartSeries } from "@/lib/chart-data/series";
import { orderTiers, TIER_MEASURES, tierLabel, tierQueries, type TierMeasure, type TierTotals } from "@/lib/chart-data/tiers";
import type { MetricsResult } from "@/lib/contract";

export interface TierChartData {
  result: MetricsResult;
  series: ChartSeries[];
}

const MEASURES = Object.keys(TIER_MEASURES) as TierMeasure[];

/**
 * The four measures of the tier view, each per tier over time. Series are put in tier
 * order and take the colours of the requests chart, so a tier looks the same in all four.
 */
/** `extra`: TraceQL conditions ANDed into every query (a board's variables). */
export function useTierData(attr: string, range: ChartRange, extra: string[] = []) {
  const label = tierLabel(attr);
  const qs = tierQueries(attr, rangeParams(range), rangeSpanMs(range), extra);
  const live = "since" in range;
  const queries = {
    requests: useMetrics(qs.requests, { live }),
    errorRate: useMetrics(qs.errorRate, { live }),
    p95: useMetrics(qs.p95, { live }),
    revenue: useMetrics(qs.revenue, { live }),
  };
  const currency = useCurrency(parseMeasureText(TIER_MEASURES.revenue));
  const base = queries.requests.data ? toChartSeries(queries.requests.data, [label]) : [];
  const tiers = orderTiers(base.filter((s) => !s.isOther).map((s) => s.key));
  const colours = new Map(base.map((s) => [s.key, s.color]));
  const rank = (s: ChartSeries) => (s.isOther ? tiers.length : tiers.indexOf(s.key));
  const charts = {} as Partial<Record<TierMeasure, TierChartData>>;
  for (const m of MEASURES) {
    const result = queries[m].data;
    if (!result) continue;
    const series = toChartSeries(result, [label])
      .map((s) => ({ ...s, color: colours.get(s.key) ?? s.color }))
      .sort((a, b) => rank(a) - rank(b));
    charts[m] = { result, series };
  }
  const total = (m: TierMeasure, tier: string) => charts[m]?.series.find((s) => s.key === tier)?.total ?? null;
  const totals: TierTotals[] = tiers.map((tier) => ({
    tier,
    requests: total("requests", tier) ?? 0,
    errorRate: total("errorRate", tier),
    p95Ms: total("p95", tier),
    revenue: total("revenue", tier) ?? 0,
  }));
  const error = MEASURES.map((m) => queries[m].error).find(Boolean) ?? null;
  const fetching = MEASURES.some((m) => queries[m].isFetching);
  const ready = MEASURES.every((m) => charts[m]);
  // Requests, errors and revenue are weighted by 1 / sample rate; p95 is not (see measureAggregate).
  const minSampleRate = lowestRate(MEASURES.map((m) => charts[m]?.result));
  return { label, charts, totals, tiers, colours, currency, error, fetching, ready, minSampleRate };
}
