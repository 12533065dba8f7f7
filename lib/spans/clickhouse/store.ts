import { Readable } from "node:stream";
import type { ClickHouseClient } from "@clickhouse/client";
import type { ClickHouseEnv } from "@/lib/env";
import type { NormalizedSpan } from "@/lib/ingest/types";
import { GroupCommitWriter, type PendingWrite } from "../group-commit";
import type { IngestOptions } from "../ingest-options";
import type { StorageStats, TraceSearch } from "@/lib/contract";
import type {
  AttributeKeyQuery, AttributeStatsQuery, AttributeValueQuery, CompareQuery, IngestResult, SpanStore, TracePage, TraceSearchQuery,
} from "../types";
import type { WriteQueueLimits } from "../write-limits";
import { openClickHouseClient } from "./client";
import type { ChContext } from "./context";
import { NotSupportedError } from "../not-supported";
import { purgeBefore, purgeToSize, spanRange, usedBytes } from "./purge";
import { listAttributeKeys, listAttributeValues } from "./read-catalog";
import { getCompactTrace, getSpan, getTrace, getTraceSummary } from "./read-traces";
import { requestBody } from "./rows";
import { durationHistogram, searchTraces } from "./search";
import { queryMetrics } from "./metrics";
import { compareGroups } from "./compare";
import type { MetricsQuery } from "@/lib/metrics/types";
import type { FunnelQuery } from "@/lib/metrics/funnel-types";
import { funnelDropOff, queryFunnel } from "./funnel";
import { attributeStats } from "./attribute-stats";
import { searchInTrace } from "./search-in-trace";
import { samplingPreview } from "./sampling-preview";
import { schemaStatements, tableNames, textIndexStatements } from "./schema";
import { DEFAULT_HOT_KEYS, chooseHotKeys, hotColumnStatements, loadHotColumns, type HotColumns, type HotKey } from "./hot-columns";

/** Reads a reply to its end, so the HTTP socket goes back to the pool. */
async function drain(stream: Readable) {
  for await (const chunk of stream) void chunk;
}

interface QueuedRequest {
  body: string;
  token: string;
  received: number;
}

/**
 * Spans in ClickHouse (a server or cluster, or embedded chDB for tests). Each request is
 * its own INSERT with a deduplication token, so a 200 means: every span of the request
 * is in the table (and the summaries and catalog, which materialized views fill in the
 * same insert). An insert that failed may have written some day partitions but not
 * others; the exporter's retry carries the same token, and the engine skips the parts it
 * already has. Requests are queued through the same bounded writer as DuckDB's, for the
 * same 429s under overload.
 */
export class ClickHouseSpanStore implements SpanStore {
  private readonly writerQueue: GroupCommitWriter<QueuedRequest, IngestResult>;

  private readonly ctx: ChContext;

  private warnedReadOnlyPurge = false;

  private constructor(
    private readonly client: ClickHouseClient,
    private readonly config: ClickHouseEnv,
    limits?: WriteQueueLimits,
    hot?: HotColumns,
  ) {
    this.ctx = { client, names: tableNames(config), mode: config.mode, hot };
    this.writerQueue = new GroupCommitWriter((batch) => this.commitBatch(batch), limits);
  }

  /** Connects, and in write mode creates the tables (IF NOT EXISTS); read mode checks the table is there. */
  static async open(
    config: ClickHouseEnv, options: { writeLimits?: WriteQueueLimits; hotKeys?: readonly HotKey[] } = {},
  ): Promise<ClickHouseSpanStore> {
    const client = await openClickHouseClient(config);
    let hot: HotColumns;
    try {
      if (config.mode === "write") {
        for (const sql of schemaStatements(config)) await client.command({ query: sql });
        for (const sql of textIndexStatements(config)) {
          await client.command({ query: sql }).catch((err: Error) =>
            console.warn(`[spanlens] ClickHouse text index skipped (the server has none; bloom filters remain): ${err.message.split("\n")[0]}`));
        }
      } else {
        const names = tableNames(config);
        await client.query({ query: `SELECT TraceId FROM ${names.spans} LIMIT 0`, format: "JSONEachRow" }).then((r) => r.json());
      }
      if (config.mode === "write") {
        const keys = await chooseHotKeys(client, config, options.hotKeys ?? DEFAULT_HOT_KEYS);
        for (const sql of hotColumnStatements(config, keys)) await client.command({ query: sql });
      }
      hot = await loadHotColumns(client, config);
    } catch (err) {
      await client.close().catch(() => undefined);
      throw new Error(`opening the ClickHouse span store (${config.database}.${config.table}) failed`, { cause: err });
    }
    return new ClickHouseSpanStore(client, config, options.writeLimits, hot);
  }

  reserve(bytes: number) {
    this.writerQueue.reserve(bytes);
  }

  release(bytes: number) {
    this.writerQueue.release(bytes);
  }

  writerStats() {
    return this.writerQueue.snapshot();
  }

  async ingest(projectId: number, spans: NormalizedSpan[], options: IngestOptions = {}): Promise<IngestResult> {
    if (this.config.mode === "read") {
      throw new NotSupportedError("Ingest", "in ClickHouse read mode (the OpenTelemetry Collector writes this table)");
    }
    const bytes = options.bytes ?? spans.length * 500;
    this.writerQueue.admit(spans.length, options.reserved ? 0 : bytes);
    const { body, token } = requestBody(projectId, spans, options.sampleRates);
    return this.writerQueue.submit({ payload: { body, token, received: spans.length }, spans: spans.length, bytes });
  }

  /** One INSERT per request, in queue order: the token must cover exactly one request to make its retry a no-op. */
  private async commitBatch(batch: PendingWrite<QueuedRequest>[]): Promise<IngestResult[]> {
    const out: IngestResult[] = [];
    for (const w of batch) {
      if (w.payload.received > 0) {
        // exec, not insert: the body is already JSONEachRow text (it is what the token hashes).
        const res = await this.client.exec({
          query: `INSERT INTO ${this.ctx.names.spans} FORMAT JSONEachRow`,
          values: Readable.from([w.payload.body], { objectMode: false }),
          clickhouse_settings: { insert_deduplication_token: w.payload.token, insert_deduplicate: 1 },
        });
        await drain(res.stream);
      }
      out.push({ received: w.payload.received, stored: w.payload.received });
    }
    return out;
  }

  async purgeBefore(projectId: number | null, cutoffNs: bigint) {
    if (this.readOnlyPurge()) return { spans: 0 };
    return this.writerQueue.exclusive(() => purgeBefore(this.ctx, this.config.cluster, projectId, cutoffNs));
  }

  async purgeToSize(maxBytes: number) {
    if (this.readOnlyPurge()) return { spans: 0, usedBytes: await usedBytes(this.ctx, this.config.database) };
    return this.writerQueue.exclusive(() => purgeToSize(this.ctx, this.config.cluster, this.config.database, maxBytes));
  }

  /** In read mode the collector owns the table and its TTL: Spanlens deletes nothing. */
  private readOnlyPurge(): boolean {
    if (this.config.mode === "write") return false;
    if (!this.warnedReadOnlyPurge) {
      console.warn("[spanlens] ClickHouse read mode: retention is the collector table's TTL; Spanlens purges nothing");
      this.warnedReadOnlyPurge = true;
    }
    return true;
  }

  async storageStats(projectId: number): Promise<StorageStats> {
    const used = await usedBytes(this.ctx, this.config.database);
    return { engine: "clickhouse", usedBytes: used, fileBytes: used, walBytes: 0, ...(await spanRange(this.ctx, projectId)) };
  }

  getTrace(projectId: number, traceId: string, page?: TracePage) {
    return getTrace(this.ctx, projectId, traceId, page);
  }

  getCompactTrace(projectId: number, traceId: string) {
    return getCompactTrace(this.ctx, projectId, traceId);
  }

  /** Serialised here, not by the engine (DuckDB's fast path): same JSON, built from the same object. */
  async getCompactTraceJson(projectId: number, traceId: string) {
    const trace = await getCompactTrace(this.ctx, projectId, traceId);
    return trace ? JSON.stringify(trace) : null;
  }

  getSpan(projectId: number, traceId: string, spanId: string) {
    return getSpan(this.ctx, projectId, traceId, spanId);
  }

  getTraceSummary(projectId: number, traceId: string) {
    return getTraceSummary(this.ctx, projectId, traceId);
  }

  async countSpans(projectId: number) {
    return (await spanRange(this.ctx, projectId)).spans;
  }

  listAttributeKeys(query: AttributeKeyQuery) {
    return listAttributeKeys(this.ctx, query);
  }

  listAttributeValues(query: AttributeValueQuery) {
    return listAttributeValues(this.ctx, query);
  }

  /** TraceQL's common subset (see traceql/compile.ts); the rest throws NotSupportedError (501). */
  searchTraces(query: TraceSearchQuery) {
    return searchTraces(this.ctx, query);
  }

  durationHistogram(query: Omit<TraceSearchQuery, "limit" | "sort" | "order" | "cursor" | "columns">) {
    return durationHistogram(this.ctx, query);
  }

  compareGroups(query: CompareQuery) {
    return compareGroups(this.ctx, query);
  }

  queryMetrics(query: MetricsQuery) {
    return queryMetrics(this.ctx, query);
  }

  queryFunnel(query: FunnelQuery) {
    return queryFunnel(this.ctx, query);
  }

  funnelDropOff(query: FunnelQuery, step: number, limit: number) {
    return funnelDropOff(this.ctx, query, step, limit);
  }

  attributeStats(query: AttributeStatsQuery) {
    return attributeStats(this.ctx, query);
  }

  searchInTrace(projectId: number, traceId: string, search: TraceSearch, limit: number) {
    return searchInTrace(this.ctx, projectId, traceId, search, limit);
  }

  samplingPreview(projectId: number, rules: string[], startNs: bigint, endNs: bigint) {
    return samplingPreview(this.ctx, projectId, rules, startNs, endNs);
  }

  /**
   * The engine's client, for tests and benchmarks only (bulk fixture loads, hand-written SQL
   * to compare against), as DuckDbSpanStore.rawRead; not part of SpanStore.
   */
  rawRead<T>(fn: (client: ClickHouseClient) => Promise<T>): Promise<T> {
    return fn(this.client);
  }

  /** Resolves once every queued request is inserted (tests, loaders). */
  async settled(): Promise<void> {
    await this.writerQueue.exclusive(async () => undefined);
  }

  async close() {
    await this.settled();
    await this.client.close();
  }
}
