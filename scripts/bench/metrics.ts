// `npm run bench:metrics`: a grouped p95 over time and a 4-step funnel by user.id through
// the SpanStore, against the same questions as hand-written SQL on the raw engine, on DuckDB
// and on ClickHouse (embedded chDB). `--engine duckdb|clickhouse` runs one of them.
import os from "node:os";
import { parseMeasure } from "@/lib/metrics/measure";
import { writeBenchSection } from "./benchmarks-file";
import { clickhouseMetrics } from "./metrics-clickhouse";
import { loadBenchStore } from "./load-store";
import { machineLine, timeRuns } from "./machine";

const SPANS = Number(process.argv[process.argv.indexOf("--spans") + 1]) || 1_000_000;
const END = BigInt(Date.UTC(2026, 10, 24)) * 1_000_000n;
const START = END - 86_400_000_000_000n;
const STEP = 900_000_000_000n; // 15 min: 96 points
const STAGES = ["view", "cart", "checkout", "purchase"];
const ENGINE = process.argv.includes("--engine") ? process.argv[process.argv.indexOf("--engine") + 1] : "both";
const loadLine = () => `load average ${os.loadavg().map((l) => l.toFixed(1)).join(", ")} (1, 5, 15 min)`;

let col = (map: string, key: string) => `${map}['${key}']`;
const handP95 = () => `
  SELECT ${col("attr_str", "customer.tier")} AS tier, (start_ns - ${START}) // ${STEP} AS bucket, quantile_cont(duration_ns / 1e6, 0.95) AS v
  FROM spans WHERE project_id = 1 AND start_ns >= ${START} AND start_ns < ${END}
  GROUP BY GROUPING SETS ((tier, bucket), (tier))`;

const handFunnel = () => `
  WITH s AS (SELECT ${col("attr_str", "user.id")} AS u, ${col("attr_str", "funnel.stage")} AS st, start_ns FROM spans
             WHERE project_id = 1 AND start_ns >= ${START} AND start_ns < ${END} AND ${col("attr_str", "funnel.stage")} IN ('view','cart','checkout','purchase')),
  r0 AS (SELECT u, min(start_ns) AS t, min(start_ns) AS t0 FROM s WHERE st = 'view' GROUP BY u),
  r1 AS (SELECT a.u, a.t0, min(b.start_ns) AS t FROM r0 a JOIN s b ON b.u = a.u AND b.st = 'cart' AND b.start_ns > a.t AND b.start_ns <= a.t0 + 3600000000000 GROUP BY a.u, a.t0),
  r2 AS (SELECT a.u, a.t0, min(b.start_ns) AS t FROM r1 a JOIN s b ON b.u = a.u AND b.st = 'checkout' AND b.start_ns > a.t AND b.start_ns <= a.t0 + 3600000000000 GROUP BY a.u, a.t0),
  r3 AS (SELECT a.u, a.t0, min(b.start_ns) AS t FROM r2 a JOIN s b ON b.u = a.u AND b.st = 'purchase' AND b.start_ns > a.t AND b.start_ns <= a.t0 + 3600000000000 GROUP BY a.u, a.t0)
  SELECT (SELECT count(*) FROM r0), (SELECT count(*) FROM r1), (SELECT count(*) FROM r2), (SELECT count(*) FROM r3)`;

async function main() {
  if (ENGINE !== "clickhouse") await duckdb();
  if (ENGINE !== "duckdb") await clickhouse();
}

async function clickhouse() {
  const load = loadLine();
  const r = await clickhouseMetrics(SPANS, START, END, STEP);
  const body = `Machine: ${machineLine()}. Date: ${new Date().toISOString().slice(0, 10)}. Load: ${load} at the start, ${loadLine()} at the end.
The same ${SPANS.toLocaleString()} synthetic spans over 24 h in ClickHouse (embedded chDB), loaded by bulk INSERTs and merged. Median of 10 runs after a warm-up, in ms.
Hand-written SQL reads \`SpanAttributes['key']\` and the collector's columns directly.

| question | Spanlens ms | hand-written SQL ms | ratio |
|---|---|---|---|
| p95(duration) by customer.tier, 96 buckets of 15 min, plus range totals | ${r.p95.toFixed(1)} | ${r.p95Raw.toFixed(1)} | ${(r.p95 / r.p95Raw).toFixed(2)} |
| the same hand-written SQL over \`otel_traces FINAL\` (what Spanlens reads, so a span stored twice counts once) | | ${r.p95RawFinal.toFixed(1)} | ${(r.p95RawFinal / r.p95Raw).toFixed(2)} × without FINAL |
| 4-step funnel by user.id across traces, 1 h window | ${r.funnel === null ? "501 (not on ClickHouse yet)" : r.funnel.toFixed(1)} | ${r.funnelRaw.toFixed(1)} (\`windowFunnel\`) | ${r.funnel === null ? "" : (r.funnel / r.funnelRaw).toFixed(2)} |

windowFunnel counts per user the longest ordered chain within 1 h of any first step: ${r.funnelCounts.join(" → ")}
(DuckDB's hand-written funnel starts from each user's first view only, so the two can differ).
Percentiles are exact on both engines (\`quantileExactInclusive\` is DuckDB's \`quantile_cont\`).`;
  writeBenchSection("Metrics and funnels on ClickHouse (bench:metrics)", body);
  console.log(body);
}

async function duckdb() {
  const load = loadLine();
  const { store } = await loadBenchStore(SPANS);
  const { columns } = await store.layout();
  col = (map, key) => {
    const [prefix, type] = map.split("_");
    return columns.get(`${prefix === "attr" ? "span" : "resource"}:${type}:${key}`) ?? `${map}['${key}']`;
  };
  const p95 = await timeRuns(10, () =>
    store.queryMetrics({
      projectId: 1, filter: null, measure: parseMeasure("p95(duration)"), groupBy: [{ scope: "span", key: "customer.tier" }],
      startNs: START, endNs: END, stepNs: STEP, topN: 10,
    }),
  );
  const p95Raw = await timeRuns(10, () => store.rawRead((c) => c.runAndReadAll(handP95())));
  const funnelQuery = {
    projectId: 1, steps: STAGES.map((s) => `{ span.funnel.stage = "${s}" }`),
    by: { scope: "span" as const, key: "user.id" }, windowNs: 3_600_000_000_000n, startNs: START, endNs: END,
  };
  const counts = (await store.queryFunnel(funnelQuery)).steps.map((s) => s.count);
  const funnel = await timeRuns(10, () => store.queryFunnel(funnelQuery));
  const funnelRaw = await timeRuns(10, () => store.rawRead((c) => c.runAndReadAll(handFunnel())));
  const rawCounts = (await store.rawRead((c) => c.runAndReadAll(handFunnel()))).getRows()[0].map(Number);
  await store.close();
  const body = `Machine: ${machineLine()}. Date: ${new Date().toISOString().slice(0, 10)}. Load: ${load} at the start, ${loadLine()} at the end.
${SPANS.toLocaleString()} synthetic spans over 24 h. Median of 10 runs after a warm-up, in ms.

| question | Spanlens ms | hand-written SQL ms | ratio |
|---|---|---|---|
| p95(duration) by customer.tier, 96 buckets of 15 min, plus range totals | ${p95.toFixed(1)} | ${p95Raw.toFixed(1)} | ${(p95 / p95Raw).toFixed(2)} |
| 4-step funnel by user.id across traces, 1 h window (medians, conversions) | ${funnel.toFixed(1)} | ${funnelRaw.toFixed(1)} | ${(funnel / funnelRaw).toFixed(2)} |

Funnel counts: Spanlens ${counts.join(" → ")}; hand-written SQL ${rawCounts.join(" → ")}.
Spanlens also falls back to the trace's user.id for step spans that lack it, and computes median step times; the hand-written SQL does neither.
Percentiles are exact (\`quantile_cont\`, linear interpolation over every matching span).`;
  writeBenchSection("Metrics and funnels (bench:metrics)", body);
  console.log(body);
}

await main();
