import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { NormalizedSpan } from "@/lib/ingest/types";
import { openClickHouseClient } from "@/lib/spans/clickhouse/client";
import { requestBody } from "@/lib/spans/clickhouse/rows";
import { COLLECTOR_COLUMNS, SPANLENS_COLUMNS } from "@/lib/spans/clickhouse/schema";
import { ClickHouseSpanStore } from "@/lib/spans/clickhouse/store";
import type { ClickHouseEnv } from "@/lib/env";

/**
 * Ingest on ClickHouse, embedded (chDB), in this process: `SpanStore.ingest` with
 * `perRequest`-span requests from `senders` concurrent callers (the store's writer makes
 * them one INSERT each, with its dedup token, and the materialized views fill summaries
 * and catalog), against raw INSERTs of the same JSONEachRow rows into a bare copy of the
 * span table (no views, no token), in big INSERTs (the engine's limit) and in
 * request-sized ones (what one INSERT per request costs by itself).
 */
export async function clickhouseIngest(spans: NormalizedSpan[], perRequest: number, senders: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spanlens-bench-chdb-"));
  const config: ClickHouseEnv = {
    url: `chdb://${dir}`, kind: "chdb", chdbPath: dir, user: undefined, password: undefined,
    database: "spanlens", mode: "write", table: "otel_traces", cluster: undefined, ttlDays: undefined,
  };
  const requests: NormalizedSpan[][] = [];
  for (let i = 0; i < spans.length; i += perRequest) requests.push(spans.slice(i, i + perRequest));
  try {
    const store = await ClickHouseSpanStore.open(config);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: senders }, async () => {
      while (next < requests.length) await store.ingest(1, requests[next++]);
    }));
    const storeSecs = (performance.now() - t0) / 1000;
    const storeCpu = cpuSeconds(cpu0);
    await store.close();

    const client = await openClickHouseClient({ ...config, database: "raw" });
    await client.command({ query: "CREATE DATABASE IF NOT EXISTS raw" });
    const raw = async (table: string, rowsPerInsert: number) => {
      await client.command({ query: `CREATE TABLE raw.${table} (${COLLECTOR_COLUMNS},${SPANLENS_COLUMNS})
        ENGINE = MergeTree PARTITION BY toDate(Timestamp)
        ORDER BY (ProjectId, ServiceName, SpanName, toDateTime(Timestamp), TraceId, SpanId)` });
      const bodies: string[] = [];
      for (let i = 0; i < spans.length; i += rowsPerInsert) bodies.push(requestBody(1, spans.slice(i, i + rowsPerInsert)).body);
      const c0 = process.cpuUsage();
      const start = performance.now();
      for (const body of bodies) {
        const res = await client.exec({
          query: `INSERT INTO raw.${table} FORMAT JSONEachRow`,
          values: Readable.from([body], { objectMode: false }),
          clickhouse_settings: { insert_deduplicate: 0, insert_deduplication_token: "" },
        });
        for await (const chunk of res.stream) void chunk;
      }
      return { secs: (performance.now() - start) / 1000, cpu: cpuSeconds(c0) };
    };
    const big = await raw("big", 50_000);
    const small = await raw("small", perRequest);
    await client.close();
    return {
      spans: spans.length,
      store: { rate: spans.length / storeSecs, perCpuSecond: spans.length / storeCpu },
      rawBig: { rate: spans.length / big.secs, perCpuSecond: spans.length / big.cpu },
      rawSmall: { rate: spans.length / small.secs, perCpuSecond: spans.length / small.cpu },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function cpuSeconds(since: NodeJS.CpuUsage) {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1e6;
}
