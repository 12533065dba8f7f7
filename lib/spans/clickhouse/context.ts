import type { ClickHouseClient } from "@clickhouse/client";
import type { HotColumns } from "./hot-columns";
import type { TableNames } from "./schema";

/** What every read needs: the client, the table names, and whether Spanlens owns the tables. */
export interface ChContext {
  client: ClickHouseClient;
  names: TableNames;
  /**
   * read: an otel_traces table filled by the collector; it has no ProjectId, no type maps
   * and no Spanlens tables, so every project sees all of it and values read as strings.
   */
  mode: "write" | "read";
  /** Dedicated columns of hot keys the span table has (hot-columns.ts). */
  hot?: HotColumns;
}

/** How compiled TraceQL reads attributes here: typed maps in write mode, hot columns where they exist. */
export const attrMaps = (ctx: ChContext) => ({ typed: ctx.mode === "write", hot: ctx.hot });

export type Params = Record<string, string | number | boolean | string[]>;

/**
 * Compiled TraceQL grows with the query: a few hundred alternatives pass the server's
 * default 256 KiB, and a structural query nests one subquery per operator level
 * (traceql/spanset.ts), up to MAX_QUERY_DEPTH. DuckDB has no such limits; these are far
 * past what a URL can carry.
 */
export const MAX_QUERY_BYTES = 16 * 1024 * 1024;
const QUERY_SETTINGS = {
  max_query_size: String(MAX_QUERY_BYTES),
  max_parser_depth: "10000",
  max_ast_depth: "10000",
  max_subquery_depth: "1000",
  max_ast_elements: "10000000",
  max_expanded_ast_elements: "10000000",
};

export async function rows<T>(ctx: ChContext, query: string, params: Params = {}): Promise<T[]> {
  const rs = await ctx.client.query({
    query, query_params: params, format: "JSONEachRow", clickhouse_settings: QUERY_SETTINGS,
  });
  return rs.json<T>();
}

/** `ProjectId = {project:UInt32} AND ` in write mode, nothing in read mode. */
export const projectFilter = (ctx: ChContext, column = "ProjectId") =>
  ctx.mode === "write" ? `${column} = {project:UInt32} AND ` : "";

/** Span-table expressions that differ between the modes (collector rows lack Spanlens' columns). */
export function spanColumns(ctx: ChContext) {
  const typed = ctx.mode === "write";
  const emptyMap = "CAST(map(), 'Map(String, String)')";
  return {
    spanTypes: typed ? "SpanAttributeTypes" : emptyMap,
    resourceTypes: typed ? "ResourceAttributeTypes" : emptyMap,
    eventTypes: typed ? "EventAttributeTypes" : `CAST([], 'Array(Map(String, String))')`,
    linkTypes: typed ? "LinkAttributeTypes" : `CAST([], 'Array(Map(String, String))')`,
    // The DuckDB store names a span without service.name like the OTel SDKs do; the collector writes ''.
    service: "if(ServiceName = '', 'unknown_service', toString(ServiceName))",
  };
}

/**
 * The span table for reads that aggregate span rows (metrics): FINAL in write mode, so a
 * span re-sent in another request (two rows until ReplacingMergeTree merges them) is one
 * row. Reads that name spans (traces, search) dedup by span id themselves and skip it.
 * The collector's plain MergeTree has no FINAL: a span the collector writes twice stays twice.
 */
export const dedupedSpans = (ctx: ChContext) => (ctx.mode === "write" ? `${ctx.names.spans} FINAL` : ctx.names.spans);

export const nsOf = (col: string) => `toString(toUnixTimestamp64Nano(${col}))`;
