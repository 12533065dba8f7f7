// `npm run bench:compare`: "What is different?" (POST /api/v1/compare) through the SpanStore
// at 1M spans on DuckDB, sampled as the API samples and, for reference, unsampled.
import os from "node:os";
import type { CompareQuery } from "@/lib/spans/types";
import { COMPARE_SAMPLE_SPANS, COMPARE_SCAN_SPANS } from "@/lib/compare/limits";
import { writeBenchSection } from "./benchmarks-file";
import { loadBenchStore } from "./load-store";
import { machineLine, timeRuns } from "./machine";

const SPANS = Number(process.argv[process.argv.indexOf("--spans") + 1]) || 1_000_000;
const RUNS = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const END = BigInt(Date.UTC(2026, 10, 24)) * 1_000_000n;
const START = END - 86_400_000_000_000n;

const QUESTIONS: { label: string; q: Partial<CompareQuery> }[] = [
  { label: "errors vs the rest: `{ status = error }`", q: { selection: "{ status = error }" } },
  { label: "slow spans vs the rest: `{ duration > 100ms }`", q: { selection: "{ duration > 100ms }" } },
  // A chart's bucket vs the rest of the chart's window (the /metrics bar and heatmap entries).
  {
    label: "errors in the last hour vs everything else in the day",
    q: { selection: "{ status = error }", startNs: END - 3_600_000_000_000n, baselineStartNs: START, baselineEndNs: END },
  },
  {
    label: "every span of the last 5 minutes vs the rest of the day (an ungrouped chart's bar)",
    q: { selection: "{ }", startNs: END - 300_000_000_000n, baselineStartNs: START, baselineEndNs: END },
  },
  {
    label: "purchases on eu vs all purchases, weighted by business.revenue_impact",
    q: {
      selection: '{ span.funnel.stage = "purchase" && span.deployment.region = "eu" }', baseline: '{ span.funnel.stage = "purchase" }',
      weightBy: { scope: "span", key: "business.revenue_impact" },
    },
  },
];

async function main() {
  const { store } = await loadBenchStore(SPANS);
  const rows: string[] = [];
  for (const { label, q } of QUESTIONS) {
    const query: CompareQuery = { projectId: 1, selection: "", baseline: "", startNs: START, endNs: END, weightBy: null, ...q };
    const answer = await store.compareGroups(query);
    const sampled = await timeRuns(RUNS, () => store.compareGroups(query));
    const full = await timeRuns(Math.min(RUNS, 3), () => store.compareGroups({ ...query, sampleLimit: Number.MAX_SAFE_INTEGER }));
    const first = answer.attributes[0];
    const fractions = answer.sampled
      ? `${(answer.sampled.selection * 100).toFixed(1)}% / ${(answer.sampled.baseline * 100).toFixed(1)}%`
      : "none";
    rows.push(`| ${label} | ${answer.selection.spans.toLocaleString()} / ${answer.baseline.spans.toLocaleString()} | ${fractions} `
      + `| ${sampled.toFixed(0)} | ${full.toFixed(0)} | ${answer.attributes.length} | ${first ? `${first.scope}.${first.key} (${first.score.toFixed(2)})` : "-"} |`);
    console.log(rows.at(-1));
  }
  await store.close();
  const load = os.loadavg().map((l) => l.toFixed(1)).join(", ");
  const body = `Machine: ${machineLine()}. Date: ${new Date().toISOString().slice(0, 10)}. Load average at the end (1, 5, 15 min): ${load}
(the machine is shared with other jobs: figures are upper bounds).
${SPANS.toLocaleString()} synthetic spans over 24 h (15 attributes each, 3 of them from 2,000 rare keys). Median of ${RUNS} runs after a
warm-up, in ms. As the API does, past ${COMPARE_SCAN_SPANS.toLocaleString()} spans in the range whole blocks of 2,048 spans are sampled,
then each side is thinned to about ${COMPARE_SAMPLE_SPANS.toLocaleString()} spans (by span id hash); "sampled" is the share of each side read.
"unsampled" reads every span. Goal: under 1 s. Where a question has two windows, the selection is read in the first
and the baseline over the whole day, without the selected spans.

| selection vs baseline | spans (selection / baseline) | sampled (selection / baseline) | ms | unsampled ms | attributes | first |
|---|---|---|---|---|---|---|
${rows.join("\n")}`;
  writeBenchSection("What is different? (bench:compare)", body);
  console.log(body);
}

await main();
