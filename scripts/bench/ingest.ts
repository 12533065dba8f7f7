// `npm run bench:ingest`: spans/s into the real SpanStore against the raw DuckDB appender
// (the limit) on the same chunks, then the store's read paths at that size.
// Usage: node --import tsx scripts/bench/ingest.ts [--spans 1000000] [--batch 2000]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { NormalizedSpan } from "@/lib/ingest/types";
import { DuckDbSpanStore } from "@/lib/spans/duckdb/store";
import { SPAN_COLUMNS_DDL, STAGED_TO_SPAN, STAGING_COLUMNS_DDL } from "@/lib/spans/duckdb/schema";
import { CHUNK_ROWS, spanChunk } from "@/lib/spans/duckdb/span-chunk";
import { writeBenchSection } from "./benchmarks-file";
import { machineLine, timeRuns } from "./machine";
import { syntheticTraces } from "./synthetic";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const totalSpans = arg("spans", 1_000_000);
const batchSize = arg("batch", 2_000);
const spansPerTrace = 10;

function batches(): NormalizedSpan[][] {
  const out: NormalizedSpan[][] = [];
  let cur: NormalizedSpan[] = [];
  for (const trace of syntheticTraces({ traces: totalSpans / spansPerTrace, spansPerTrace })) {
    cur.push(...trace);
    if (cur.length >= batchSize) { out.push(cur); cur = []; }
  }
  if (cur.length) out.push(cur);
  return out;
}

async function rawAppend(dir: string, all: NormalizedSpan[][]) {
  const instance = await DuckDBInstance.create(path.join(dir, "raw.duckdb"));
  const conn = await instance.connect();
  await conn.run(`CREATE TABLE spans (${SPAN_COLUMNS_DDL})`);
  await conn.run(`CREATE TEMP TABLE staging (${STAGING_COLUMNS_DDL})`);
  const t0 = performance.now();
  // The least any store of this layout must do: append the chunks, cast the maps, insert.
  for (const batch of all) {
    const appender = await conn.createAppender("staging", "main", "temp");
    for (let i = 0; i < batch.length; i += CHUNK_ROWS) appender.appendDataChunk(spanChunk(1, batch.slice(i, i + CHUNK_ROWS)));
    appender.flushSync();
    appender.closeSync();
    await conn.run(`INSERT INTO spans SELECT ${STAGED_TO_SPAN} FROM staging s`);
    await conn.run("DELETE FROM staging");
  }
  const secs = (performance.now() - t0) / 1000;
  conn.closeSync();
  instance.closeSync();
  return secs;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spanlens-bench-"));
  console.log(`generating ${totalSpans.toLocaleString()} spans…`);
  const all = batches();
  console.log("raw appender…");
  const rawSecs = await rawAppend(dir, all);
  console.log("SpanStore.ingest…");
  const store = await DuckDbSpanStore.open(path.join(dir, "store"));
  const t0 = performance.now();
  for (const b of all) await store.ingest(1, b);
  const storeSecs = (performance.now() - t0) / 1000;
  const resendT0 = performance.now();
  const resend = await store.ingest(1, all[all.length - 1]);
  const resendMs = performance.now() - resendT0;

  const traceId = all[Math.floor(all.length / 2)][0].traceId;
  const reads: [string, () => Promise<unknown>][] = [
    ["latest 50 traces", () => store.searchTraces({ projectId: 1, match: null, startNs: 0n, endNs: 1n << 62n, limit: 50, sort: "start", order: "desc", columns: [] })],
    ["one trace (10 spans)", () => store.getTrace(1, traceId)],
    ["attribute keys (autocomplete)", () => store.listAttributeKeys({ projectId: 1, limit: 100 })],
    ["attribute keys by prefix", () => store.listAttributeKeys({ projectId: 1, prefix: "rare.key_1", limit: 20 })],
    ["top values of customer.id", () => store.listAttributeValues({ projectId: 1, key: "customer.id", limit: 20 })],
    ["values of customer.id by prefix", () => store.listAttributeValues({ projectId: 1, key: "customer.id", prefix: "c-12", limit: 20 })],
  ];
  const readRows: string[] = [];
  for (const [name, fn] of reads) readRows.push(`| ${name} | ${(await timeRuns(10, fn)).toFixed(1)} |`);
  await store.close();
  const disk = fs.statSync(path.join(dir, "store", "spans.duckdb")).size / 2 ** 20;
  fs.rmSync(dir, { recursive: true, force: true });

  const rate = (s: number) => Math.round(totalSpans / s).toLocaleString();
  const body = `Machine: ${machineLine()}. Date: ${new Date().toISOString().slice(0, 10)}.
${totalSpans.toLocaleString()} synthetic spans (${spansPerTrace} per trace, 15 attributes each: 12 common keys and 3 of 2,000 rare ones), in requests of ${batchSize.toLocaleString()} spans.

| path | spans/s | ratio to raw |
|---|---|---|
| raw DuckDB: append the same chunks, cast maps, insert into a bare table (the limit) | ${rate(rawSecs)} | 1.00 |
| SpanStore.ingest (staging, dedup, trace summaries, attribute catalog, one transaction) | ${rate(storeSecs)} | ${(storeSecs / rawSecs).toFixed(2)}x slower |

Resending the last request (${resend.received.toLocaleString()} spans, all already stored): ${resendMs.toFixed(0)} ms, ${resend.stored} stored. Store file: ${disk.toFixed(0)} MB.

Reads at this size (median of 10 after a warm-up, ms):

| read | ms |
|---|---|
${readRows.join("\n")}`;
  writeBenchSection("Ingest (bench:ingest)", body);
  console.log(body);
}

await main();
