import { formatInteger } from "@/lib/format/count";
import { formatValue, measureTitle, valueKind, type MeasureSpec } from "@/lib/chart-data/measure";
import { describeRange, stepLabel, type ChartRange } from "@/lib/chart-data/range";
import { SampledNote } from "./sampled-note";
import type { MetricsResult } from "@/lib/contract";

/**
 * One line of what was asked and what came back: `1,853 spans · last 24 h · p95 of
 * duration (exact) 812 ms · step 15m · 5 series`, and a note when sampling makes it an estimate.
 */
export function MetricsSummary({ result, range, spec, currency, grouped, heatmap }: { result?: MetricsResult; range: ChartRange; spec: MeasureSpec; currency: string | null; grouped: boolean; heatmap?: boolean }) {
  const spans = result?.series.reduce((n, s) => n + s.count, 0);
  const single = !grouped && result?.series.length === 1 ? result.series[0].total : null;
  return (
    <p className="text-muted" data-testid="metrics-summary">
      {spans !== undefined && (
        <>
          <span className="font-mono text-fg">{formatInteger(spans)}</span> {spans === 1 ? "span" : "spans"} ·{" "}
        </>
      )}
      {describeRange(range)} · {heatmap ? "duration of every matching span, by time" : measureTitle(spec, currency)}
      {single !== null && <span className="font-mono text-fg"> {formatValue(single, valueKind(spec, currency), currency)}</span>}
      {result && ` · step ${stepLabel(result.stepMs)}`}
      {result && grouped && ` · ${result.series.length} series`}
      {result && result.minSampleRate < 1 && (
        <>
          {" · "}
          <SampledNote minSampleRate={result.minSampleRate} about="metrics" />
        </>
      )}
    </p>
  );
}
