import fs from "node:fs";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { NormalizedSpan } from "@/lib/ingest/types";
import type { AttributeKeyQuery, AttributeValueQuery, CompareQuery, IngestResult, SpanStore, TraceSearchQuery } from "../types";
import { durationHistogram, searchTraces } from "./search-traces";
import { queryMetrics } from "./metrics";
import type { MetricsQuery } from "@/lib/metrics/types";
import type { FunnelQuery } from "@/lib/metrics/funnel-types";
import { funnelDropOff, queryFunnel } from "./funnel";
import { attributeStats } from "./attribute-stats";
import { compareGroups } from "./compare";
import { listAttributeKeys, listAttributeValues } from "./read-catalog";
import { landBatch, type StagedRequest } from "./land";
import { Organizer } from "./organizer";
import { GroupCommitWriter, type PendingWrite } from "../group-commit";
import type { IngestOptions } from "../ingest-options";
import type { WriteQueueLimits } from "../write-limits";
import type { PurgeResult } from "../storage-types";
import { samplingPreview } from "./sampling-preview";
import { compileCompareQuery, compileFunnelQuery, compileMetricsQuery, compileRules, compileSearch, type CompiledMetricsQuery, type CompiledSearch } from "./compiled-queries";
import { deleteSlice, expireCatalog, oldestStart, PURGE_SLICE_NS, usedBytes } from "./purge";
import { AUTO_CHECKPOINT_THRESHOLD, DEFAULT_MEMORY_LIMIT, fileSize, mergePendingCatalog, walBytes } from "./maintenance";
import { CHUNK_ROWS, spanChunk } from "./span-chunk";
import { getSpan, getTrace } from "./read-traces";
import { getCompactTrace } from "./read-trace-compact";
import { getCompactTraceJson } from "./read-trace-compact-json";
import { getTraceSummary } from "./read-trace-summary";
import { searchInTrace } from "./search-in-trace";
import { migrateSpanSchema } from "./schema";
import { loadPromoted, promoteHotKeys } from "./promotion";
import type { PromotedColumns } from "../layout";
import type { StorageStats, TraceSearch } from "@/lib/contract";

/**
 * Spans in one DuckDB file. Ingest is split in two (see land.ts and organizer.ts): a
 * request is acknowledged once its group's landing transaction commits, and the
 * organiser moves landed spans into the query layout in the background; reads wait for it
 * to catch up with what was acknowledged before them.
 */
export class DuckDbSpanStore implements SpanStore {
  private readonly writerQueue: GroupCommitWriter<StagedRequest, IngestResult>;

  private readonly organizer: Organizer;

  private seq = 0;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly lander: DuckDBConnection,
    private readonly writer: DuckDBConnection,
    private readonly promoted: Map<string, string>,
    private readonly file: string,
    limits?: WriteQueueLimits,
  ) {
    this.writerQueue = new GroupCommitWriter((batch) => this.commitBatch(batch), limits);
    this.organizer = new Organizer(writer, promoted, file, (task) => this.writerQueue.exclusive(task));
  }

  /** Opens (creating if needed) `<dataDir>/spans.duckdb`, migrates it, and organises what a crash left landed. */
  static async open(dataDir: string, options: { writeLimits?: WriteQueueLimits } = {}): Promise<DuckDbSpanStore> {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, "spans.duckdb");
    const instance = await DuckDBInstance.create(file, {
      checkpoint_threshold: AUTO_CHECKPOINT_THRESHOLD,
      // DuckDB's default is 80% of RAM, which it fills with cached blocks on a busy
      // server; the web server and decoding need their share too.
      memory_limit: process.env.SPANLENS_DUCKDB_MEMORY ?? DEFAULT_MEMORY_LIMIT,
    });
    const writer = await instance.connect();
    await migrateSpanSchema(writer);
    const store = new DuckDbSpanStore(instance, await instance.connect(), writer, await loadPromoted(writer), file, options.writeLimits);
    // What a crash left landed: organise it first, and number new requests after it.
    const [left, lastReq] = (await writer.runAndReadAll("SELECT count(*), coalesce(max(req_seq), 0) FROM spans_landing")).getRows()[0];
    store.seq = Number(lastReq);
    store.organizer.landed(Number(left), BigInt(lastReq as bigint));
    return store;
  }

  reserve(bytes: number) {
    this.writerQueue.reserve(bytes, this.organizer.pending());
  }

  release(bytes: number) {
    this.writerQueue.release(bytes);
  }

  writerStats() {
    return { ...this.writerQueue.snapshot(), backlogSpans: this.organizer.pending().spans };
  }

  ingest(projectId: number, spans: NormalizedSpan[], options: IngestOptions = {}): Promise<IngestResult> {
    const bytes = options.bytes ?? spans.length * 500;
    // Bytes were counted when the request was reserved (or are counted now for callers
    // that did not reserve); spans are checked now that they are known.
    this.writerQueue.admit(spans.length, options.reserved ? 0 : bytes, this.organizer.pending());
    // Chunks are built now, on the request's turn, so that this JS work overlaps with
    // the commit running in DuckDB's threads instead of lengthening it.
    const seq = ++this.seq;
    const chunks = [];
    for (let i = 0; i < spans.length; i += CHUNK_ROWS) {
      const rates = options.sampleRates ? Array.prototype.slice.call(options.sampleRates, i, i + CHUNK_ROWS) : undefined;
      chunks.push(spanChunk(projectId, spans.slice(i, i + CHUNK_ROWS), seq, rates));
    }
    return this.writerQueue.submit({ payload: { seq, chunks, received: spans.length }, spans: spans.length, bytes });
  }

  private async commitBatch(batch: PendingWrite<StagedRequest>[]) {
    const results = await landBatch(this.lander, batch);
    this.organizer.landed(batch.reduce((n, w) => n + w.spans, 0), BigInt(batch[batch.length - 1].payload.seq));
    return results;
  }

  /**
   * Deletes a project's spans that started before `cutoffNs`, an hour of span time per
   * transaction (ingest runs in between), then its expired trace summaries and catalog
   * entries, and checkpoints so the space is reused.
   */
  async purgeBefore(projectId: number | null, cutoffNs: bigint): Promise<PurgeResult> {
    let spans = 0;
    for (;;) {
      const deleted = await this.organizer.exclusive(async () => {
        const oldest = await oldestStart(this.writer, projectId);
        if (oldest === null || oldest >= cutoffNs) return null;
        const to = oldest + PURGE_SLICE_NS < cutoffNs ? oldest + PURGE_SLICE_NS : cutoffNs;
        return deleteSlice(this.writer, projectId, oldest, to);
      });
      if (deleted === null) break;
      spans += deleted;
    }
    await this.organizer.exclusive(() => expireCatalog(this.writer, projectId, cutoffNs));
    if (spans > 0) await this.organizer.checkpoint();
    return { spans };
  }

  /**
   * Keeps the store under `maxBytes` of used blocks by purging the oldest spans of every
   * project: it estimates the share to drop, purges up to that span start, and measures
   * again: blocks free up less than in proportion (partly deleted row groups, the catalog),
   * so it takes a few rounds.
   */
  async purgeToSize(maxBytes: number): Promise<PurgeResult & { usedBytes: number }> {
    let spans = 0;
    for (let round = 0; round < 8; round++) {
      await this.organizer.checkpoint();
      const used = await this.organizer.exclusive(() => usedBytes(this.writer));
      if (used <= maxBytes) return { spans, usedBytes: used };
      // Aim a tenth under the budget, so the next purge is not due at once.
      const share = Math.min(1, (used - 0.9 * maxBytes) / used);
      const cutoff = await this.read(async (c) => {
        const v = (await c.runAndReadAll("SELECT quantile_disc(start_ns, $q) FROM spans", { q: share })).getRows()[0][0];
        return v === null ? null : BigInt(v as bigint) + 1n;
      });
      if (cutoff === null) return { spans, usedBytes: used };
      spans += (await this.purgeBefore(null, cutoff)).spans;
    }
    return { spans, usedBytes: await this.read((c) => usedBytes(c)) };
  }

  samplingPreview(projectId: number, rules: string[], startNs: bigint, endNs: bigint) {
    return this.read((c) => samplingPreview(c, projectId, compileRules(rules, this.promoted), startNs, endNs));
  }

  /** Sizes and time span of what is stored, for Settings. */
  async storageStats(projectId: number): Promise<StorageStats> {
    return this.read(async (c) => {
      const row = (await c.runAndReadAll(
        "SELECT count(*) AS n, min(start_ns) AS oldest, max(start_ns) AS newest FROM spans WHERE project_id = $p",
        { p: projectId },
      )).getRowObjectsJS()[0] as { n: bigint; oldest: bigint | null; newest: bigint | null };
      return {
        engine: "duckdb",
        usedBytes: await usedBytes(c),
        fileBytes: fileSize(this.file),
        walBytes: walBytes(this.file),
        spans: Number(row.n),
        oldestStartNs: row.oldest === null ? null : String(row.oldest),
        newestStartNs: row.newest === null ? null : String(row.newest),
      };
    });
  }

  /** Promotes hot keys now instead of waiting for enough new spans (benchmarks, tests). */
  async promoteNow(): Promise<string[]> {
    await this.settled();
    return this.organizer.exclusive(() => promoteHotKeys(this.writer, this.promoted));
  }

  /** Which attributes have dedicated columns (tests and benchmarks; callers never need it). */
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
    return this.searchCompiled(compileSearch(query, this.promoted));
  }

  /** A search already compiled (tests compare compilations against one another). */
  searchCompiled(query: CompiledSearch) {
    return this.read((c) => searchTraces(c, query));
  }

  durationHistogram(query: Omit<TraceSearchQuery, "limit" | "sort" | "order" | "cursor" | "columns">) {
    return this.read((c) => durationHistogram(c, compileSearch(query, this.promoted)));
  }

  queryMetrics(query: MetricsQuery) {
    return this.queryMetricsCompiled(compileMetricsQuery(query, this.promoted));
  }

  /** Metrics over an already compiled filter (tests). */
  queryMetricsCompiled(query: CompiledMetricsQuery) {
    return this.read((c) => queryMetrics(c, query, this.promoted));
  }

  compareGroups(query: CompareQuery) {
    return this.read((c) => compareGroups(c, compileCompareQuery(query, this.promoted), this.promoted));
  }

  attributeStats(query: Parameters<SpanStore["attributeStats"]>[0]) {
    return this.read((c) => attributeStats(c, query, this.promoted));
  }

  queryFunnel(query: FunnelQuery) {
    return this.read((c) => queryFunnel(c, compileFunnelQuery(query, this.promoted), this.promoted));
  }

  funnelDropOff(query: FunnelQuery, step: number, limit: number) {
    return this.read((c) => funnelDropOff(c, compileFunnelQuery(query, this.promoted), step, limit, this.promoted));
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
   * wait behind the writer's open transaction. It starts once what was acknowledged
   * before it is organised. */
  private async read<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    await this.organizer.caughtUp();
    const conn = await this.instance.connect();
    try {
      return await fn(conn);
    } finally {
      conn.closeSync();
    }
  }

  /** Resolves once everything submitted so far is landed and organised (loaders, tests). */
  async settled(): Promise<void> {
    await this.writerQueue.exclusive(async () => undefined);
    await this.organizer.caughtUp();
  }

  /** Lands what is queued, organises it, merges the catalog, then closes the file. */
  async close() {
    await this.settled();
    this.organizer.stop();
    await this.organizer.exclusive(async () => {
      await mergePendingCatalog(this.writer).catch((err) => console.error("[spanlens] catalog merge at close failed", err));
      this.lander.closeSync();
      this.writer.closeSync();
      this.instance.closeSync();
    });
  }
}
