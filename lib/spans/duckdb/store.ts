import fs from "node:fs";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { NormalizedSpan } from "@/lib/ingest/types";
import type { TraceSearch } from "@/lib/waterfall/search-query";
import type { AttributeKeyQuery, AttributeValueQuery, IngestResult, SpanStore, TraceSearchQuery } from "../types";
import { durationHistogram, searchTraces } from "./search-traces";
import { queryMetrics } from "./metrics";
import type { MetricsQuery } from "@/lib/metrics/types";
import type { FunnelQuery } from "@/lib/metrics/funnel-types";
import { funnelDropOff, queryFunnel } from "./funnel";
import { attributeStats } from "./attribute-stats";
import { listAttributeKeys, listAttributeValues } from "./read-catalog";
import { ingestSpans } from "./ingest";
import { getSpan, getTrace } from "./read-traces";
import { getCompactTrace } from "./read-trace-compact";
import { getCompactTraceJson } from "./read-trace-compact-json";
import { getTraceSummary } from "./read-trace-summary";
import { searchInTrace } from "./search-in-trace";
import { migrateSpanSchema, STAGING_COLUMNS_DDL } from "./schema";
import { WriteQueue } from "./write-queue";
import { loadPromoted, promoteHotKeys } from "./promotion";
import type { PromotedColumns } from "../layout";

/** Promotion is checked after ingests, at most this often, so batches stay cheap. */
const PROMOTION_CHECK_EVERY_SPANS = 20_000;

export class DuckDbSpanStore implements SpanStore {
  private readonly queue = new WriteQueue();

  private spansSinceCheck = 0;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly promoted: Map<string, string>,
  ) {}

  /** Opens (creating if needed) `<dataDir>/spans.duckdb` and migrates its schema. */
  static async open(dataDir: string): Promise<DuckDbSpanStore> {
    fs.mkdirSync(dataDir, { recursive: true });
    const instance = await DuckDBInstance.create(path.join(dataDir, "spans.duckdb"));
    const writer = await instance.connect();
    await migrateSpanSchema(writer);
    await writer.run(`CREATE TEMP TABLE IF NOT EXISTS spans_staging (${STAGING_COLUMNS_DDL})`);
    return new DuckDbSpanStore(instance, writer, await loadPromoted(writer));
  }

  ingest(projectId: number, spans: NormalizedSpan[]): Promise<IngestResult> {
    return this.queue.run(async () => {
      const result = await ingestSpans(this.writer, projectId, spans, this.promoted);
      this.spansSinceCheck += result.stored;
      if (this.spansSinceCheck >= PROMOTION_CHECK_EVERY_SPANS) {
        this.spansSinceCheck = 0;
        // After the ingest's own commit: a failed promotion must not fail the request.
        await promoteHotKeys(this.writer, this.promoted).catch((err) => console.error("[spanlens] column promotion failed", err));
      }
      return result;
    });
  }

  /** Promotes hot keys now instead of waiting for enough new spans (benchmarks, tests). */
  promoteNow(): Promise<string[]> {
    return this.queue.run(() => promoteHotKeys(this.writer, this.promoted));
  }

  /** Which attributes have dedicated columns; SQL builders read those instead of maps. */
  async layout(): Promise<{ columns: PromotedColumns }> {
    return { columns: new Map(this.promoted) };
  }

  getTrace(projectId: number, traceId: string, page?: Parameters<SpanStore["getTrace"]>[2]) {
    return this.read((c) => getTrace(c, projectId, traceId, page));
  }

  getCompactTrace(projectId: number, traceId: string) {
    return this.read((c) => getCompactTrace(c, projectId, traceId));
  }

  getCompactTraceJson(projectId: number, traceId: string) {
    return this.read((c) => getCompactTraceJson(c, projectId, traceId));
  }

  getSpan(projectId: number, traceId: string, spanId: string) {
    return this.read((c) => getSpan(c, projectId, traceId, spanId));
  }

  getTraceSummary(projectId: number, traceId: string) {
    return this.read((c) => getTraceSummary(c, projectId, traceId));
  }

  searchInTrace(projectId: number, traceId: string, search: TraceSearch, limit: number) {
    return this.read((c) => searchInTrace(c, projectId, traceId, search, limit));
  }

  searchTraces(query: TraceSearchQuery) {
    return this.read((c) => searchTraces(c, query));
  }

  durationHistogram(query: Omit<TraceSearchQuery, "limit" | "sort" | "order" | "cursor" | "columns">) {
    return this.read((c) => durationHistogram(c, query));
  }

  queryMetrics(query: MetricsQuery) {
    return this.read((c) => queryMetrics(c, query, this.promoted));
  }

  attributeStats(query: Parameters<SpanStore["attributeStats"]>[0]) {
    return this.read((c) => attributeStats(c, query, this.promoted));
  }

  queryFunnel(query: FunnelQuery) {
    return this.read((c) => queryFunnel(c, query, this.promoted));
  }

  funnelDropOff(query: FunnelQuery, step: number, limit: number) {
    return this.read((c) => funnelDropOff(c, query, step, limit, this.promoted));
  }

  countSpans(projectId: number) {
    return this.read(async (c) => {
      const r = await c.runAndReadAll("SELECT count(*) FROM spans WHERE project_id = $p", { p: projectId });
      return Number(r.getRows()[0][0]);
    });
  }

  listAttributeKeys(query: AttributeKeyQuery) {
    return this.read((c) => listAttributeKeys(c, query));
  }

  listAttributeValues(query: AttributeValueQuery) {
    return this.read((c) => listAttributeValues(c, query));
  }

  /** For benchmarks only: the same questions as hand-written SQL on the raw engine. */
  rawRead<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.read(fn);
  }

  /** Each read gets its own connection: connections are cheap, and reads then never
   * wait behind the writer's open transaction. */
  private async read<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    const conn = await this.instance.connect();
    try {
      return await fn(conn);
    } finally {
      conn.closeSync();
    }
  }

  async close() {
    await this.queue.run(async () => {
      this.writer.closeSync();
      this.instance.closeSync();
    });
  }
}
