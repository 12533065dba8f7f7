// `npm run bench:ingest`: spans/s over HTTP (the real server, OTLP protobuf, 4 senders of
// 512-span batches) against the raw DuckDB appender loading the same spans (the limit),
// then memory and refusals under twice the load the server sustains.
// Then the same spans into ClickHouse on embedded chDB: SpanStore.ingest against raw INSERTs
// on the same engine (scripts/bench/ingest-clickhouse.ts).
// Usage: node --import tsx scripts/bench/ingest.ts [--spans 400000] [--overload-seconds 15]
//   [--ch-spans 100000] [--only duckdb|clickhouse]
// Needs a production build (`npm run build`) for the DuckDB part.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { NormalizedSpan } from "@/lib/ingest/types";
import { SPAN_COLUMNS_DDL, STAGED_TO_SPAN, STAGING_COLUMNS_DDL, STAGING_EXTRA_DDL } from "@/lib/spans/duckdb/schema";
import { CHUNK_ROWS, spanChunk } from "@/lib/spans/duckdb/span-chunk";
import { startServer } from "@/tests/server";
import { writeBenchSection } from "./benchmarks-file";
import { ackSummary, closedLoop, openLoop, rssMb } from "./http-load";
import { clickhouseIngest } from "./ingest-clickhouse";
import { machineLine } from "./machine";
import { otlpProtoBodies, otlpProtoBodiesFrom } from "./otlp-bodies";
import { syntheticTraces } from "./synthetic";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const totalSpans = arg("spans", 400_000);
const overloadSeconds = arg("overload-seconds", 60);
const chSpans = arg("ch-spans", 100_000);
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : null;
const PER_REQUEST = 512;
const SENDERS = 4;
const RAW_TXN_SPANS = 100_000;

function spansOf(traces: number, seed: number): NormalizedSpan[] {
  return [...syntheticTraces({ traces, spansPerTrace: 10, seed })].flat();
}

/** The least any store of this layout must do: append chunks, cast the maps, insert; 100k spans a transaction. */
async function rawLimit(dir: string, spans: NormalizedSpan[]) {
  const instance = await DuckDBInstance.create(path.join(dir, "raw.duckdb"));
  const conn = await instance.connect();
  await conn.run(`CREATE TABLE spans (${SPAN_COLUMNS_DDL})`);
  await conn.run(`CREATE TEMP TABLE staging (${STAGING_COLUMNS_DDL}, ${STAGING_EXTRA_DDL})`);
  const t0 = performance.now();
  for (let start = 0; start < spans.length; start += RAW_TXN_SPANS) {
    await conn.run("BEGIN");
    const appender = await conn.createAppender("staging", "main", "temp");
    for (let i = start; i < Math.min(spans.length, start + RAW_TXN_SPANS); i += CHUNK_ROWS) {
      appender.appendDataChunk(spanChunk(1, spans.slice(i, Math.min(i + CHUNK_ROWS, start + RAW_TXN_SPANS))));
    }
    appender.flushSync();
    appender.closeSync();
    await conn.run(`INSERT INTO spans SELECT ${STAGED_TO_SPAN} FROM staging s`);
    await conn.run("DELETE FROM staging");
    await conn.run("COMMIT");
  }
  const secs = (performance.now() - t0) / 1000;
  conn.closeSync();
  instance.closeSync();
  return secs;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const statusLine = (m: Map<number, number>) =>
  [...m].sort(([a], [b]) => a - b).map(([s, n]) => `${fmt(n)} × ${s === 0 ? "connection error" : s}`).join(", ");

const loadLine = () => `load average ${os.loadavg().map((l) => l.toFixed(1)).join(", ")} (1, 5, 15 min)`;

async function clickhouseSection() {
  console.log(`ClickHouse (chDB), ${fmt(chSpans)} spans…`);
  const load = loadLine();
  const r = await clickhouseIngest(spansOf(chSpans / 10, 42), PER_REQUEST, SENDERS);
  const row = (path: string, m: { rate: number; perCpuSecond: number }) =>
    `| ${path} | ${fmt(m.rate)} | ${(m.rate / r.rawBig.rate).toFixed(2)} | ${fmt(m.perCpuSecond)} | ${(m.perCpuSecond / r.rawBig.perCpuSecond).toFixed(2)} |`;
  const body = `Machine: ${machineLine()}. Date: ${new Date().toISOString().slice(0, 10)}. Machine load (other work shares it): ${load} at the start, ${loadLine()} at the end.
${fmt(r.spans)} of the same synthetic spans into ClickHouse on embedded chDB, in the bench process (no HTTP).
CPU is the whole process's (the engine's threads and background merges included), so spans per CPU-second
holds up better than wall time on a shared machine.

| path | spans/s | ratio to raw | spans per CPU-second | ratio to raw |
|---|---|---|---|---|
${row("raw INSERT: JSONEachRow rows built beforehand, 50,000 a statement, into a bare copy of the span table (no views, no dedup) — the limit", r.rawBig)}
${row(`raw INSERT, ${PER_REQUEST} rows a statement (one request's worth), same bare table`, r.rawSmall)}
${row(`\`SpanStore.ingest\`: ${SENDERS} concurrent callers of ${PER_REQUEST}-span requests; rows built, one INSERT per request with its dedup token, views fill summaries and catalog`, r.store)}

Where the gap goes: one INSERT per request (the dedup token covers exactly one request, so an exporter's retry is a
no-op) costs the engine a pipeline and a new part in each table every ${PER_REQUEST} spans, plus the merges those parts
cause; the views add the trace summaries and one expansion of every attribute for the catalog.`;
  writeBenchSection("Ingest on ClickHouse (bench:ingest)", body);
  console.log(body);
}

async function main() {
  if (only !== "duckdb") await clickhouseSection();
  if (only === "clickhouse") return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spanlens-bench-"));
  console.log(`generating ${fmt(totalSpans)} spans…`);
  const spans = spansOf(totalSpans / 10, 42);
  const bodies = otlpProtoBodies(spans, PER_REQUEST);
  const bodyBytes = bodies.reduce((n, b) => n + b.byteLength, 0) / bodies.length;

  console.log("raw DuckDB appender…");
  const rawSecs = await rawLimit(dir, spans);
  const rawRate = totalSpans / rawSecs;

  console.log("HTTP, 4 senders…");
  const server = await startServer();
  let httpRate = 0;
  try {
    const loadStart = performance.now();
    const load = await closedLoop(server.url, server.apiKey, bodies, PER_REQUEST, SENDERS);
    httpRate = load.spans / load.seconds;
    // A 200 means landed; organising may still be behind. Wait until it has caught up.
    for (;;) {
      const res = await fetch(`${server.url}/api/v1/projects/default/retention`, { headers: { authorization: `Bearer ${server.apiKey}` } });
      const { writer } = (await res.json()) as { writer: { backlogSpans: number; queuedSpans: number } };
      if (writer.backlogSpans === 0 && writer.queuedSpans === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const organizedRate = load.spans / ((performance.now() - loadStart) / 1000);
    const ack = ackSummary(load);
    const idleRss = rssMb(server.pid);

    // Twice what the server just sustained, offered open-loop with fresh spans.
    const overloadRate = (2 * httpRate) / PER_REQUEST;
    const overloadTraces = Math.ceil((overloadRate * overloadSeconds * PER_REQUEST) / 10);
    const fresh = function* () {
      for (const trace of syntheticTraces({ traces: overloadTraces, spansPerTrace: 10, seed: 7 })) {
        yield trace.map((s) => ({ ...s, traceId: "f" + s.traceId.slice(1) }));
      }
    };
    const overloadBodies = otlpProtoBodiesFrom(fresh(), PER_REQUEST);
    console.log(`overload: ${fmt(overloadRate * PER_REQUEST)} spans/s offered for ${overloadSeconds} s…`);
    const over = await openLoop(server.url, server.apiKey, overloadBodies, overloadRate, server.pid);

    const body = `Machine: ${machineLine()}. Date: ${new Date().toISOString().slice(0, 10)}.
${fmt(totalSpans)} synthetic spans (10 per trace, 15 attributes each: 12 common keys and 3 of 2,000 rare ones, 2 resource attributes).
HTTP: the production server (\`next start\`) on this machine, ${SENDERS} concurrent senders in the bench process posting OTLP protobuf
batches of ${PER_REQUEST} spans (${fmt(bodyBytes)} bytes each), each waiting for its answer before the next, as SDK batch exporters do.
The senders share the machine's 2 cores with the server.

| path | spans/s | ratio to raw |
|---|---|---|
| raw DuckDB: appender chunks, map cast, insert into a bare table, ${fmt(RAW_TXN_SPANS)} spans a transaction, no HTTP (the limit) | ${fmt(rawRate)} | 1.00 |
| HTTP end to end, acknowledged: decode, validate, group commit into the landing table, 200 after that commit | ${fmt(httpRate)} | ${(httpRate / rawRate).toFixed(2)} |
| HTTP end to end, organised: the same until the background step has moved everything into the query layout (dedup, summaries, catalog, dedicated columns, sparse index) | ${fmt(organizedRate)} | ${(organizedRate / rawRate).toFixed(2)} |

Time to acknowledge a batch over HTTP: p50 ${ack.p50.toFixed(0)} ms, p99 ${ack.p99.toFixed(0)} ms. Answers: ${statusLine(load.statuses)}.

Overload: ${fmt(overloadRate * PER_REQUEST)} spans/s offered open-loop (2x the rate above) for ${overloadSeconds} s, ${fmt(overloadBodies.length)} requests.
Server RSS: ${fmt(idleRss)} MB after the run above, peak ${fmt(over.peakRssMb)} MB during the overload;
every 5 s: ${over.rssEvery5s.map(fmt).join(", ")} MB.
Answers: ${statusLine(over.statuses)}.${[...over.errors].map(([why, n]) => ` Connection errors: ${n} × "${why}".`).join("")}`;
    writeBenchSection("Ingest (bench:ingest)", body);
    console.log(body);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
