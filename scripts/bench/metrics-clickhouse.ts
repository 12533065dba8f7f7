import { parseMeasure } from "@/lib/metrics/measure";
import { isNotSupported } from "@/lib/spans/not-supported";
import type { SpanStore } from "@/lib/spans/types";
import { loadChBenchStore } from "./load-ch-store";
import { timeRuns } from "./machine";

const T = "spanlens.otel_traces";
const STAGES = ["view", "cart", "checkout", "purchase"];

/** bench:metrics' p95 as a DBA would ask ClickHouse: the map read directly, the same exact percentile. */
const handP95 = (start: bigint, end: bigint, step: bigint, final: boolean) => `
  SELECT SpanAttributes['customer.tier'] AS tier, intDiv(toUnixTimestamp64Nano(Timestamp) - ${start}, ${step}) AS bucket,
         quantileExactInclusive(0.95)(Duration / 1e6) AS v
  FROM ${T}${final ? " FINAL" : ""}
  WHERE ProjectId = 1 AND Timestamp >= fromUnixTimestamp64Nano(${start}, 'UTC') AND Timestamp < fromUnixTimestamp64Nano(${end}, 'UTC')
  GROUP BY GROUPING SETS ((tier, bucket), (tier))`;

/**
 * The 4-step funnel by user.id with ClickHouse's own windowFunnel: per user, the longest
 * chain of steps in order within the window from a first step.
 */
const handFunnel = (start: bigint, end: bigint, window: bigint) => `
  SELECT ${STAGES.map((_, i) => `countIf(level >= ${i + 1}) AS s${i}`).join(", ")}
  FROM (
    SELECT SpanAttributes['user.id'] AS u,
           windowFunnel(${window})(toUInt64(toUnixTimestamp64Nano(Timestamp)), ${STAGES.map((s) => `stage = '${s}'`).join(", ")}) AS level
    FROM (SELECT SpanAttributes, Timestamp, SpanAttributes['funnel.stage'] AS stage FROM ${T}
          WHERE ProjectId = 1 AND Timestamp >= fromUnixTimestamp64Nano(${start}, 'UTC') AND Timestamp < fromUnixTimestamp64Nano(${end}, 'UTC')
            AND stage IN (${STAGES.map((s) => `'${s}'`).join(", ")}))
    GROUP BY u)`;

export async function clickhouseMetrics(spans: number, start: bigint, end: bigint, step: bigint) {
  const { store, raw } = await loadChBenchStore(spans);
  try {
    const p95 = await timeRuns(10, () => store.queryMetrics({
      projectId: 1, filter: null, measure: parseMeasure("p95(duration)"), groupBy: [{ scope: "span", key: "customer.tier" }],
      startNs: start, endNs: end, stepNs: step, topN: 10,
    }));
    const p95Raw = await timeRuns(10, () => raw(handP95(start, end, step, false)));
    const p95RawFinal = await timeRuns(10, () => raw(handP95(start, end, step, true)));
    const window = 3_600_000_000_000n;
    let funnel: number | null = null;
    try {
      const q = {
        projectId: 1, steps: STAGES.map((s) => `{ span.funnel.stage = "${s}" }`),
        by: { scope: "span" as const, key: "user.id" }, windowNs: window, startNs: start, endNs: end,
      };
      // Through the interface: the ClickHouse store's funnel is still a 501 stub without parameters.
      const spanStore: SpanStore = store;
      funnel = await timeRuns(10, () => spanStore.queryFunnel(q));
    } catch (err) {
      if (!isNotSupported(err)) throw err;
    }
    const funnelRaw = await timeRuns(10, () => raw(handFunnel(start, end, window)));
    const [counts] = await raw(handFunnel(start, end, window));
    return { p95, p95Raw, p95RawFinal, funnel, funnelRaw, funnelCounts: STAGES.map((_, i) => Number(counts[`s${i}`])) };
  } finally {
    await store.close();
  }
}
