import { useQueries, useQuery } from "@tanstack/react-query";
import { durationBands, heatmapGrid, type DurationBand, type HeatmapGrid } from "@/lib/chart-data/heatmap";
import { pinRangeOnSteps, rangeParams, type ChartRange } from "@/lib/chart-data/range";
import { lowestRate } from "@/lib/chart-data/sampling";
import { andConditions } from "@/lib/chart-data/traceql";
import { useNow } from "@/components/ui/use-now";
import { fetchMetrics, metricsKey } from "./queries";

function qs(params: Record<string, string>): string {
  return new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "")).toString();
}

/**
 * The duration heatmap from the metrics API: the fastest and slowest span set the bands,
 * then one count series per band. (A histogram-over-time endpoint would make this one call.)
 * A moving range is pinned to the end of the current minute so every band has the same
 * buckets: its start would leave out the spans of the last seconds (and a test's fresh spans).
 */
export function useDurationHeatmap(filter: string, range: ChartRange, step: string) {
  const minute = Math.ceil(useNow() / 60_000) * 60_000;
  const base = { ...rangeParams("since" in range ? pinRangeOnSteps(range, minute, step) : range), step };
  const extremes = useQuery({
    queryKey: ["heatmap-extremes", filter, base],
    queryFn: async () => {
      const [min, max] = await Promise.all(
        ["min(duration)", "max(duration)"].map((measure) => fetchMetrics(qs({ ...base, q: filter, measure }))),
      );
      return { min: min.series[0]?.total ?? null, max: max.series[0]?.total ?? null };
    },
  });
  const bands: DurationBand[] =
    extremes.data && extremes.data.min !== null && extremes.data.max !== null ? durationBands(extremes.data.min, extremes.data.max) : [];
  const perBand = useQueries({
    queries: bands.map((b) => {
      const key = qs({ ...base, q: andConditions(filter, [b.condition]), measure: "count" });
      return { queryKey: metricsKey(key), queryFn: () => fetchMetrics(key) };
    }),
  });
  const done = perBand.length > 0 && perBand.every((q) => q.isSuccess);
  const first = perBand[0]?.data;
  const grid: HeatmapGrid | null = done && first ? heatmapGrid(perBand.map((q) => q.data!), first) : null;
  const error = extremes.error ?? perBand.find((q) => q.error)?.error ?? null;
  const empty = extremes.isSuccess && bands.length === 0;
  const minSampleRate = lowestRate(perBand.map((q) => q.data));
  return { bands, grid, error, empty, loading: !error && !empty && !grid, loaded: perBand.filter((q) => q.isSuccess).length, minSampleRate };
}
