// `npm run bench:query`: TraceQL searches through SpanStore.searchTraces (compile, match,
// trace summaries, total) against the same questions as hand-written SQL on the raw engine,
// on DuckDB and on ClickHouse (embedded chDB). `--engine duckdb|clickhouse` runs one of them.
import os from "node:os";
import { writeBenchSection } from "./benchmarks-file";
import { clickhouseSearches } from "./query-clickhouse";
import { loadBenchStore } from "./load-store";
import { machineLine, timeRuns } from "./machine";

const SPANS = Number(process.argv[process.argv.indexOf("--spans") + 1]) || 1_000_000;
const ENGINE = process.argv.includes("--engine") ? process.argv[process.argv.indexOf("--engine") + 1] : "both";
const loadLine = () => `load average ${os.loadavg().map((l) => l.toFixed(1)).join(", ")} (1, 5, 15 min)`;
const ALL = { startNs: 0n, endNs: (1n << 63n) - 1n };

/** The latest 50 traces holding a span that matches, with per-trace match counts and the total. */
const hand = (matchSql: string) => `
  WITH m AS (${matchSql})
  SELECT t.trace_id, t.root_name, t.start_ns, t.span_count, m.n, count(*) OVER () AS total
  FROM m JOIN traces t ON t.project_id = 1 AND t.trace_id = m.trace_id
  ORDER BY t.start_ns DESC LIMIT 50`;
/** A hand-written lookup reads the dedicated column when the layout has one, and the sparse-attribute
 * index for a rare key, as a DBA would. */
let col = (map: string, key: string) => `${map}['${key}']`;
const where = (cond: string) => `SELECT trace_id, count(*) AS n FROM spans WHERE project_id = 1 AND ${cond} GROUP BY trace_id`;

const cases = (): [string, string, string][] => {
  const tier = col("attr_str", "customer.tier");
  const status = col("attr_int", "http.response.status_code");
  return [
    ["attribute equality", '{ span.customer.tier = "enterprise" }', where(`${tier} = 'enterprise'`)],
    ["two attributes", '{ span.customer.tier = "enterprise" && span.http.response.status_code >= 500 }',
      where(`${tier} = 'enterprise' AND ${status} >= 500`)],
    ["range", "{ duration > 1s && span.db.rows_affected < 10 }", where(`duration_ns > 1000000000 AND ${col("attr_int", "db.rows_affected")} < 10`)],
    ["regex", '{ span.http.route =~ "/api/(cart|checkout)" }', where(`regexp_full_match(${col("attr_str", "http.route")}, '/api/(cart|checkout)')`)],
    ["rare key", '{ span.rare.tag_42 = "v7" }', `SELECT trace_id, count(*) AS n FROM sparse_attributes
      WHERE project_id = 1 AND scope = 'span' AND key = 'rare.tag_42' AND str_value = 'v7' GROUP BY trace_id`],
    ["resource and status", '{ resource.service.name = "payment-service" && status = error }', where("service_name = 'payment-service' AND status_code = 2")],
    ["child (>)", '{ name = "POST /purchase" } > { status = error }',
      `SELECT c.trace_id, count(*) AS n FROM spans c JOIN spans p ON p.trace_id = c.trace_id AND p.span_id = c.parent_span_id
       WHERE c.project_id = 1 AND p.project_id = 1 AND p.name = 'POST /purchase' AND c.status_code = 2 GROUP BY c.trace_id`],
    ["spanset &&", '{ span.funnel.stage = "purchase" } && { status = error }',
      `SELECT trace_id, count(*) FILTER (WHERE a OR b) AS n
       FROM (SELECT trace_id, ${col("attr_str", "funnel.stage")} = 'purchase' AS a, status_code = 2 AS b FROM spans WHERE project_id = 1)
       GROUP BY trace_id HAVING bool_or(a) AND bool_or(b)`],
    ["pipeline count", "{ status = error } | count() > 1", `${where("status_code = 2")} HAVING count(*) > 1`],
    ["pipeline avg", '{ span.customer.tier = "free" } | avg(duration) > 500ms', `${where(`${tier} = 'free'`)} HAVING avg(duration_ns) > 500000000`],
  ];
};

async function main() {
  if (ENGINE !== "clickhouse") await duckdb();
  if (ENGINE !== "duckdb") await clickhouse();
}

async function clickhouse() {
  const load = loadLine();
  const questions = cases().map(([label, traceql]) => [label, traceql] as [string, string]);
  const { rows, keys, values, version } = await clickhouseSearches(SPANS, questions);
  const table = rows.map((r) => `| ${r.label} | \`${r.traceql.replaceAll("|", "\\|")}\` | ${r.spanlens === null ? "501 (not on ClickHouse yet)" : r.spanlens.toFixed(1)} | ${r.raw.toFixed(1)} | ${r.spanlens === null ? "" : (r.spanlens / r.raw).toFixed(2)} | ${r.sameTotal === null ? "" : r.sameTotal ? "yes" : "no"} |`);
  const body = `Machine: ${machineLine()}. Date: ${new Date().toISOString().slice(0, 10)}. Load: ${load} at the start, ${loadLine()} at the end.
The same ${SPANS.toLocaleString()} synthetic spans in ClickHouse (embedded chDB, ClickHouse ${version}, same machine), loaded by bulk INSERTs of 50,000
rows and merged (\`OPTIMIZE … FINAL\`). Median of 10 runs after a warm-up, in ms.
"Spanlens" is \`ClickHouseSpanStore.searchTraces\`: TraceQL compiled to ClickHouse SQL over the collector's \`otel_traces\` columns and
maps plus the type maps, the trace summaries table (materialized view), the latest 50 and the total.
"Hand-written SQL" is what a DBA would write: the collector's columns and \`SpanAttributes['key']\` read directly, values cast where
numeric, joined to the same summaries table. Spanlens reads the hot-key columns its store adds (\`MATERIALIZED\`, materialized on the
fixture's parts, as merges would); the hand-written SQL reads the maps, as a DBA would on the collector's table.

| question | TraceQL | Spanlens ms | hand-written SQL ms | ratio | same trace count |
|---|---|---|---|---|---|
${table.join("\n")}

Autocomplete at this size: keys by prefix ${keys.toFixed(1)} ms, values of \`user.id\` by prefix ${values.toFixed(1)} ms.`;
  writeBenchSection("TraceQL search on ClickHouse (bench:query)", body);
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
  const rows: string[] = [];
  for (const [label, traceql, sql] of cases()) {
    const spanlens = await timeRuns(10, () =>
      store.searchTraces({ projectId: 1, q: traceql, ...ALL, limit: 50, sort: "start", order: "desc", columns: [] }),
    );
    const raw = await timeRuns(10, () => store.rawRead((c) => c.runAndReadAll(hand(sql))));
    rows.push(`| ${label} | \`${traceql.replaceAll("|", "\\|")}\` | ${spanlens.toFixed(1)} | ${raw.toFixed(1)} | ${(spanlens / raw).toFixed(2)} |`);
    console.log(rows[rows.length - 1]);
  }
  const keys = await timeRuns(20, () => store.listAttributeKeys({ projectId: 1, prefix: "rare.ta", limit: 20 }));
  const values = await timeRuns(20, () => store.listAttributeValues({ projectId: 1, key: "user.id", prefix: "u-1", limit: 20 }));
  await store.close();
  const body = `Machine: ${machineLine()}. Date: ${new Date().toISOString().slice(0, 10)}. Load: ${load} at the start, ${loadLine()} at the end.
${SPANS.toLocaleString()} synthetic spans (10 per trace, 15 attributes each). Median of 10 runs after a warm-up, in ms.
"Spanlens" is the whole search: compile the TraceQL, match spans, join trace summaries, latest 50, the total count.
"Hand-written SQL" asks the same question of the raw engine, reading the same dedicated columns (${columns.size} hot attributes promoted from the maps)
and, for the rare key, the same sparse-attribute index.

| question | TraceQL | Spanlens ms | hand-written SQL ms | ratio |
|---|---|---|---|---|
${rows.join("\n")}

Autocomplete at this size: keys by prefix ${keys.toFixed(1)} ms, values of \`user.id\` (${(SPANS / 40).toLocaleString()} distinct) by prefix ${values.toFixed(1)} ms.`;
  writeBenchSection("TraceQL search (bench:query)", body);
  console.log(body);
}

await main();
