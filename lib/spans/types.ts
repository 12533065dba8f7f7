import type { NormalizedSpan } from "@/lib/ingest/types";
import type { IngestOptions } from "./ingest-options";
import type { WriterStats } from "./group-commit";
import type { PurgeResult, StorageStats } from "./storage-types";
import type { TraceSearch } from "@/lib/waterfall/search-query";
import type { MetricsQuery, MetricsResult } from "@/lib/metrics/types";
import type { FunnelDropOff, FunnelQuery, FunnelResult } from "@/lib/metrics/funnel-types";

/** A plain JSON attribute value as the read API returns it: types kept, ints past
 * 2^53 as decimal strings, bytes as base64, kvlists as objects. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type SpanKindName = "unspecified" | "internal" | "server" | "client" | "producer" | "consumer";
export type StatusName = "unset" | "ok" | "error";

export interface TraceSummary {
  traceId: string;
  rootName: string;
  rootService: string;
  /** Decimal string: nanoseconds do not fit a JS number. */
  startTimeUnixNano: string;
  durationMs: number;
  spanCount: number;
  errorCount: number;
}

export interface SpanView {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: SpanKindName;
  serviceName: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  durationMs: number;
  status: { code: StatusName; message: string };
  attributes: Record<string, JsonValue>;
  resource: Record<string, JsonValue>;
  events: { name: string; timeUnixNano: string; attributes: Record<string, JsonValue> }[];
  links: { traceId: string; spanId: string; traceState: string; attributes: Record<string, JsonValue> }[];
}

export interface TraceDetail {
  traceId: string;
  /** The requested page of spans (all of them without a page), in start order. */
  spans: SpanView[];
  /** Spans in the whole trace. */
  total: number;
}

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

export type AttributeScope = "span" | "resource" | "event" | "intrinsic";

export interface AttributeKeyInfo {
  scope: AttributeScope;
  key: string;
  /** string | int | double | bool | array | kvlist | bytes; a key can carry several. */
  types: string[];
  spanCount: number;
  firstSeenUnixNano: string;
  lastSeenUnixNano: string;
}

export interface AttributeValueInfo {
  value: string;
  type: string;
  count: number;
}

export interface AttributeStatsQuery {
  projectId: number;
  key: string;
  scope: "span" | "resource";
  startNs: bigint;
  endNs: bigint;
}

export interface AttributeStats {
  key: string;
  scope: "span" | "resource";
  spanCount: number;
  /** Exact below 1,000 distinct values; above, a HyperLogLog estimate a few percent off. */
  distinctApprox: number;
  /** For keys with numeric values: over those values. */
  numeric: { min: number; max: number; avg: number; p50: number; p95: number; sum: number } | null;
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

export type TraceSortKey = "start" | "duration" | "spans" | "errors";

export interface TraceSearchQuery {
  projectId: number;
  /** SQL yielding (trace_id, matched_spans, matched) from lib/traceql; null = every trace. */
  match: { sql: string; params: Record<string, string | number | bigint | boolean> } | null;
  startNs: bigint;
  endNs: bigint;
  limit: number;
  sort: TraceSortKey;
  order: "asc" | "desc";
  cursor?: SearchCursor;
  /** Attribute columns to fill per trace (first span that has the key, earliest first). */
  columns: { scope: "span" | "resource" | "any"; key: string }[];
}

export interface SearchCursor {
  value: bigint;
  traceId: string;
}

export interface TraceSearchHit extends TraceSummary {
  matchedSpans: number;
  matched: { spanId: string; name: string }[];
  /** Keyed by the requested column spec (e.g. "span.customer.tier"). */
  columns: Record<string, string | null>;
}

export interface TraceSearchPage {
  traces: TraceSearchHit[];
  nextCursor: string | null;
  /** Every matching trace in the range, not just this page. */
  total: number;
}

export interface SamplingPreviewCounts {
  byRule: { traces: number; spans: number }[];
  /** Traces no rule matches: they take the default rate. */
  unmatched: { traces: number; spans: number };
}

export interface DurationHistogram {
  /** Bucket lower bounds in ms (log scale); the last bucket is open-ended. */
  buckets: { fromMs: number; toMs: number; count: number }[];
  total: number;
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
  samplingPreview(projectId: number, matches: NonNullable<TraceSearchQuery["match"]>[], startNs: bigint, endNs: bigint): Promise<SamplingPreviewCounts>;
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
  /** The storage layout SQL builders need: which attributes have dedicated columns. */
  layout(): Promise<{ columns: import("./layout").PromotedColumns }>;
  queryMetrics(query: MetricsQuery): Promise<MetricsResult>;
  attributeStats(query: AttributeStatsQuery): Promise<AttributeStats>;
  queryFunnel(query: FunnelQuery): Promise<FunnelResult>;
  funnelDropOff(query: FunnelQuery, step: number, limit: number): Promise<FunnelDropOff>;
  searchTraces(query: TraceSearchQuery): Promise<TraceSearchPage>;
  /** Trace durations of the same search, bucketed for the histogram. */
  durationHistogram(query: Omit<TraceSearchQuery, "limit" | "sort" | "order" | "cursor" | "columns">): Promise<DurationHistogram>;
  /** Keys from the attribute catalog (kept at ingest), most used first. */
  listAttributeKeys(query: AttributeKeyQuery): Promise<AttributeKeyInfo[]>;
  /** Top values of one key, with the number of distinct values the catalog holds. */
  listAttributeValues(query: AttributeValueQuery): Promise<{ values: AttributeValueInfo[]; distinctValues: number }>;
  close(): Promise<void>;
}

/**
 * A whole trace in columns, for the waterfall: one array per field, indexes shared, names
 * and services interned. A 100,000-span trace is a few MB of JSON instead of the full
 * span objects; details of one span come from `getSpan`.
 */
export interface CompactTrace {
  traceId: string;
  startTimeUnixNano: string;
  spanCount: number;
  /** Interned strings: `name[i]` indexes `names`, `service[i]` indexes `services`. */
  names: string[];
  services: string[];
  spanId: string[];
  /** Parent span id, or null for a root. The client resolves it (and finds missing parents). */
  parentSpanId: (string | null)[];
  name: number[];
  service: number[];
  /** Offsets from the trace start and durations, in nanoseconds (exact below 2^53 ns, ~104 days). */
  startOffsetNs: number[];
  durationNs: number[];
  /** 0 unset, 1 ok, 2 error. */
  status: number[];
  kind: number[];
  /** Events as flat triples: span index, offset from trace start in ns, index into `names`. */
  events: number[];
}
