import type { NormalizedSpan } from "@/lib/ingest/types";
import type { IngestOptions } from "./ingest-options";
import type { PurgeResult } from "./storage-types";
import type { MetricsQuery } from "@/lib/metrics/types";
import type { FunnelQuery } from "@/lib/metrics/funnel-types";
import type { AttrRef } from "@/lib/metrics/measure";
import type {
  AttributeKeyInfo, AttributeScope, CompareResult, AttributeStats, AttributeValueInfo, CompactTrace, DurationHistogram, FunnelDropOff,
  FunnelResult, MetricsResult, SpanView, StorageStats, TraceDetail, TraceSearch, TraceSearchPage, TraceSortKey,
  TraceSummary, WriterStats,
} from "@/lib/contract";

/** Which spans of a trace to build: full span objects cost a few KB each. */
export interface TracePage {
  offset: number;
  limit: number;
}

export interface IngestResult {
  /** Spans in the request. */
  received: number;
  /** Spans accepted and durably written. A span already stored is dropped when the
   * store organises the batch, so it is never stored twice, but it counts here. */
  stored: number;
}

export interface AttributeStatsQuery {
  projectId: number;
  key: string;
  scope: "span" | "resource";
  startNs: bigint;
  endNs: bigint;
}

export interface AttributeKeyQuery {
  projectId: number;
  scope?: AttributeScope;
  prefix?: string;
  limit: number;
}

export interface AttributeValueQuery {
  projectId: number;
  key: string;
  scope?: AttributeScope;
  prefix?: string;
  limit: number;
}

export interface TraceSearchQuery {
  projectId: number;
  /** TraceQL, already validated by the caller; empty or `{}` for every trace. Each store compiles it. */
  q: string;
  startNs: bigint;
  endNs: bigint;
  limit: number;
  sort: TraceSortKey;
  order: "asc" | "desc";
  cursor?: SearchCursor;
  /** Attribute columns to fill per trace (first span that has the key, earliest first). */
  columns: { scope: "span" | "resource" | "any"; key: string }[];
}

/** "What is different?": the selection against the baseline's other spans, on every attribute. */
export interface CompareQuery {
  projectId: number;
  /** TraceQL, already validated: the spans selected. */
  selection: string;
  /** TraceQL, already validated; empty or `{}` for every span. Its spans outside the selection are the baseline. */
  baseline: string;
  /** The selection's window, [startNs, endNs). */
  startNs: bigint;
  endNs: bigint;
  /**
   * The baseline's window, [baselineStartNs, baselineEndNs); the selection's when absent. The
   * windows may overlap: a selected span (selection query, selection window) never counts in
   * the baseline, while a span the selection query matches outside its window may.
   * Structure (`>`, `&&` between spansets, pipelines such as `| count() > 1`) is matched among
   * the spans of both windows together, from the earlier start to the later end, as a chart
   * counted its bar over the chart's window; each side then keeps the matched spans that start
   * in its own window. Both engines must agree on this (lib/spans/compare-groups.test.ts).
   */
  baselineStartNs?: bigint;
  baselineEndNs?: bigint;
  /** A numeric attribute each span counts as much as (spans without it count 0); null counts spans. */
  weightBy: AttrRef | null;
  /** Spans per side past which that side is sampled (DuckDB's vector scan limit scales with it);
   * COMPARE_SAMPLE_SPANS unless a test or benchmark says otherwise. */
  sampleLimit?: number;
}

export interface SearchCursor {
  value: bigint;
  traceId: string;
}

export interface SamplingPreviewCounts {
  byRule: { traces: number; spans: number }[];
  /** Traces no rule matches: they take the default rate. */
  unmatched: { traces: number; spans: number };
}

/**
 * Everything the app asks of span storage. Only `lib/spans` knows the engine behind it
 * (DuckDB today), so a ClickHouse store can implement the same interface.
 */
export interface SpanStore {
  /**
   * Stores the spans atomically: all of them or, on any error, none. Resolves once the
   * transaction holding them has committed (a 200 means durable); many requests share
   * one transaction (group commit). Throws OverloadedError when the write queue is full.
   */
  ingest(projectId: number, spans: NormalizedSpan[], options?: IngestOptions): Promise<IngestResult>;
  /** Counts a request of `bytes` against the write queue's bounds before its body is read;
   * throws OverloadedError when it would pass them. Pair with `release` once it is queued or failed. */
  reserve(bytes: number): void;
  release(bytes: number): void;
  /** The write queue now, for health and settings. */
  writerStats(): WriterStats;
  /** Deletes spans (of one project, or all when null) that started before `cutoffNs`, with
   * their trace summaries and catalog entries, in small transactions; reclaims the space. */
  purgeBefore(projectId: number | null, cutoffNs: bigint): Promise<PurgeResult>;
  /** Purges the oldest spans of all projects until the store uses at most `maxBytes`. */
  purgeToSize(maxBytes: number): Promise<PurgeResult & { usedBytes: number }>;
  storageStats(projectId: number): Promise<StorageStats>;
  /** Traces of a range counted under the first matching rule (compiled TraceQL), for sampling previews. */
  samplingPreview(projectId: number, rules: string[], startNs: bigint, endNs: bigint): Promise<SamplingPreviewCounts>;
  /** Accepts a 32-hex id or a 16-hex (64-bit) id, which is matched left-padded. */
  getTrace(projectId: number, traceId: string, page?: TracePage): Promise<TraceDetail | null>;
  getCompactTrace(projectId: number, traceId: string): Promise<CompactTrace | null>;
  /** The same CompactTrace, already serialised to JSON by the engine (the fast path for big traces). */
  getCompactTraceJson(projectId: number, traceId: string): Promise<string | null>;
  getSpan(projectId: number, traceId: string, spanId: string): Promise<SpanView | null>;
  /** The trace's summary row, or null: a cheap existence check that reads no spans. */
  getTraceSummary(projectId: number, traceId: string): Promise<TraceSummary | null>;
  /** Span ids of one trace matching a search (attribute values, `key = value`), in start order. */
  searchInTrace(projectId: number, traceId: string, search: TraceSearch, limit: number): Promise<string[] | null>;
  countSpans(projectId: number): Promise<number>;
  queryMetrics(query: MetricsQuery): Promise<MetricsResult>;
  attributeStats(query: AttributeStatsQuery): Promise<AttributeStats>;
  queryFunnel(query: FunnelQuery): Promise<FunnelResult>;
  funnelDropOff(query: FunnelQuery, step: number, limit: number): Promise<FunnelDropOff>;
  searchTraces(query: TraceSearchQuery): Promise<TraceSearchPage>;
  /** Compares the selection's spans with the baseline's on every span, resource and intrinsic attribute. */
  compareGroups(query: CompareQuery): Promise<CompareResult>;
  /** Trace durations of the same search, bucketed for the histogram. */
  durationHistogram(query: Omit<TraceSearchQuery, "limit" | "sort" | "order" | "cursor" | "columns">): Promise<DurationHistogram>;
  /** Keys from the attribute catalog (kept at ingest), most used first. */
  listAttributeKeys(query: AttributeKeyQuery): Promise<AttributeKeyInfo[]>;
  /** Top values of one key, with the number of distinct values the catalog holds. */
  listAttributeValues(query: AttributeValueQuery): Promise<{ values: AttributeValueInfo[]; distinctValues: number }>;
  close(): Promise<void>;
}
