/**
 * The note a chart carries when sampling kept only some traces. Results report the lowest
 * sample rate among the spans they counted; 1 (or a result from before sampling existed)
 * means every figure is exact.
 */
export interface SampledNote {
  label: string;
  detail: string;
}

const rateFormat = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });

/** `0.1` -> `10%`, `0.125` -> `12.5%`, `0.005` -> `0.5%`. */
export function formatRate(rate: number): string {
  return `${rateFormat.format(rate * 100)}%`;
}

export function isSampled(minSampleRate: number | undefined): minSampleRate is number {
  return typeof minSampleRate === "number" && minSampleRate > 0 && minSampleRate < 1;
}

/** What is weighted and what is not, in the words of the page showing it. */
const DETAIL = {
  metrics:
    "Some matching spans were kept by sampling, each with the rate it was kept at. Counts, rates, error rates, sums and " +
    "averages weight every kept span by 1/rate (a span kept at 10% stands for 10), so they estimate what happened. " +
    "Percentiles, min, max and distinct counts are computed from the kept spans as they are, unweighted.",
  funnel:
    "Some step spans were kept by sampling, each with the rate it was kept at. Each step counts an entity 1/rate times, " +
    "using the rate of the span that brought it to the step, so counts and conversions are estimates. Median step " +
    "times are computed from the kept entities as they are, unweighted; drop-off lists show the kept traces.",
  tiers:
    "Some requests were kept by sampling, each with the rate it was kept at. Requests, error rates and revenue weight " +
    "every kept request by 1/rate (a request kept at 10% stands for 10), so they estimate what happened. The p95 " +
    "latency is computed from the kept requests as they are, unweighted.",
} as const;

export function sampledNote(minSampleRate: number | undefined, about: keyof typeof DETAIL): SampledNote | null {
  if (!isSampled(minSampleRate)) return null;
  return { label: `estimated from sampled traces (rates down to ${formatRate(minSampleRate)})`, detail: DETAIL[about] };
}

/** The lowest rate over several results (a page drawn from more than one query). */
export function lowestRate(results: ({ minSampleRate?: number } | undefined)[]): number {
  return results.reduce((m, r) => (isSampled(r?.minSampleRate) ? Math.min(m, r.minSampleRate) : m), 1);
}
