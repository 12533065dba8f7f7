export interface MetricsSeries {
  /** Keyed by the group-by label (`span.customer.tier`); `{ other: true }` for the rest. */
  group: Record<string, string | number | boolean | null>;
  points: { t: number; v: number | null }[];
  total: number | null;
  /** Spans behind this series, each weighted by 1 / its sample rate (an estimate when sampled). */
  count: number;
}

export interface MetricsResult {
  series: MetricsSeries[];
  stepMs: number;
  startMs: number;
  endMs: number;
  /**
   * The lowest sample rate among the spans counted: 1 when none was sampled. Below 1,
   * counts, rates, sums and averages are estimates weighted by 1 / rate.
   */
  minSampleRate: number;
}

export interface FunnelStepResult {
  count: number;
  conversionFromPrevious: number | null;
  conversionFromFirst: number | null;
  dropOff: number;
  medianTimeFromPreviousMs: number | null;
}

export interface FunnelResult {
  /** Entities per step are weighted by 1 / the sample rate of the span that brought them there. */
  steps: FunnelStepResult[];
  breakdown?: { value: string | null; steps: FunnelStepResult[] }[];
  /** The lowest sample rate among those spans: 1 when none was sampled, else counts are estimates. */
  minSampleRate: number;
}

export interface FunnelDropOff {
  /** Entities that reached step `step` (0-based) and not the next one, with the trace of their step span:
   * the kept ones, unweighted, since each is a real trace to open. */
  entities: { entity: string; traceId: string; reachedAtUnixNano: string }[];
  total: number;
}
