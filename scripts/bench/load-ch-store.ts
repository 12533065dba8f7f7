import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type { ClickHouseEnv } from "@/lib/env";
import type { NormalizedSpan } from "@/lib/ingest/types";
import { requestBody } from "@/lib/spans/clickhouse/rows";
import { ClickHouseSpanStore } from "@/lib/spans/clickhouse/store";
import { syntheticTraces } from "./synthetic";

const BULK_ROWS = 50_000;

/**
 * A ClickHouse store (embedded chDB) holding the same synthetic spans as loadBenchStore's
 * DuckDB file. Loaded by bulk INSERTs of 50,000 generated rows straight into the span table
 * (the views fill summaries and catalog from each), not through a million spans of requests,
 * then merged (OPTIMIZE … FINAL), the state a server reaches once background merges catch up.
 * Kept under bench-data/ (git-ignored) between runs. One chDB directory per process.
 */
export async function loadChBenchStore(spans: number, spansPerTrace = 10) {
  const dir = path.resolve(import.meta.dirname, "../../bench-data", `chdb-${spans}`);
  const ready = path.join(dir, "loaded");
  const config: ClickHouseEnv = {
    url: `chdb://${dir}`, kind: "chdb", chdbPath: dir, user: undefined, password: undefined,
    database: "spanlens", mode: "write", table: "otel_traces", cluster: undefined, ttlDays: undefined,
  };
  const fresh = !fs.existsSync(ready);
  if (fresh) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const store = await ClickHouseSpanStore.open(config);
  if (fresh) {
    const t0 = performance.now();
    const insert = (batch: NormalizedSpan[]) => store.rawRead(async (c) => {
      const res = await c.exec({
        query: "INSERT INTO spanlens.otel_traces FORMAT JSONEachRow",
        values: Readable.from([requestBody(1, batch).body], { objectMode: false }),
        clickhouse_settings: { insert_deduplicate: 0, insert_deduplication_token: "" },
      });
      for await (const chunk of res.stream) void chunk;
    });
    let batch: NormalizedSpan[] = [];
    for (const trace of syntheticTraces({ traces: spans / spansPerTrace, spansPerTrace, endNs: BigInt(Date.UTC(2026, 10, 24)) * 1_000_000n })) {
      batch.push(...trace);
      if (batch.length >= BULK_ROWS) {
        await insert(batch);
        batch = [];
      }
    }
    if (batch.length) await insert(batch);
    for (const t of ["otel_traces", "spanlens_trace_summaries", "spanlens_attribute_values", "spanlens_attribute_keys"]) {
      await store.rawRead((c) => c.command({ query: `OPTIMIZE TABLE spanlens.${t} FINAL` }));
    }
    fs.writeFileSync(ready, String(Math.round(performance.now() - t0)));
    console.log(`loaded ${spans.toLocaleString()} spans into chDB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  // The store adds hot-key columns at open (lib/spans/clickhouse/hot-columns.ts); parts written
  // before that compute them from the maps on every read. Rewrite them once, the state a
  // server's parts reach as they merge, so the bench measures what the columns buy.
  const materialized = path.join(dir, "hot-columns-materialized");
  if (!fs.existsSync(materialized)) {
    const t0 = performance.now();
    const hot = await store.rawRead(async (c) => (await c.query({
      query: "SELECT name FROM system.columns WHERE database = 'spanlens' AND table = 'otel_traces' AND comment LIKE 'spanlens hot%'",
      format: "JSONEachRow",
    })).json<{ name: string }>());
    for (const { name } of hot) {
      await store.rawRead((c) => c.command({ query: `ALTER TABLE spanlens.otel_traces MATERIALIZE COLUMN ${name}`, clickhouse_settings: { mutations_sync: "2" } }));
    }
    fs.writeFileSync(materialized, hot.map((h) => h.name).join("\n"));
    console.log(`materialized ${hot.length} hot-key columns in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  /** Hand-written SQL, read to the end. */
  const raw = (sql: string) => store.rawRead(async (c) => (await c.query({ query: sql, format: "JSONEachRow" })).json<Record<string, unknown>>());
  return { store, raw, dir };
}
