import type { DurationHistogram, TraceSearchHit, TraceSearchPage, TraceSortKey } from "@/lib/contract";
import { isMatchAll as matchesAll } from "@/lib/traceql/match-all";
import { encodeSearchCursor } from "../cursor";
import type { TraceSearchQuery } from "../types";
import { projectFilter, rows, type ChContext, type Params } from "./context";
import { compileStoreQuery } from "./span-filter";
import { traceSummariesSql } from "./trace-summaries";
import { matchedTracesSql } from "./traceql/compile";

type HitsQuery = Pick<TraceSearchQuery, "projectId" | "q" | "startNs" | "endNs">;

/** Project and time window on span rows; {start}/{end} are inclusive, as DuckDB's BETWEEN. */
export const spanScope = (ctx: ChContext) =>
  `${projectFilter(ctx)}Timestamp BETWEEN fromUnixTimestamp64Nano({start:Int64}, 'UTC')`
  + " AND fromUnixTimestamp64Nano({end:Int64}, 'UTC')";

/**
 * Matching traces with their summaries: trace_id, start_ns, end_ns, span_count,
 * error_count, root_name, root_service, matched_spans, matched. `{}` keeps traces that
 * start in the window; a filter keeps traces with a matching span in it (as DuckDB).
 */
function hitsSql(ctx: ChContext, q: HitsQuery, params: Params): string {
  Object.assign(params, { project: q.projectId, start: q.startNs.toString(), end: q.endNs.toString() });
  if (matchesAll(q.q)) {
    // A trace starting in the window has no summary row before the window's first day.
    const summaries = traceSummariesSql(ctx, () => "day >= toDate(fromUnixTimestamp64Nano({start:Int64}, 'UTC'))");
    const base = ctx.mode === "write" ? summaries : traceSummariesSql(ctx);
    return `SELECT *, span_count AS matched_spans, CAST([], 'Array(Tuple(String, String))') AS matched
      FROM (${base}) WHERE start_ns BETWEEN {start:Int64} AND {end:Int64}`;
  }
  const compiled = compileStoreQuery(ctx, q.q, "q");
  Object.assign(params, compiled.params);
  // Named once, read twice: the compiled query can be long (hundreds of alternatives).
  const m = matchedTracesSql(compiled, ctx.names.spans, spanScope(ctx));
  const t = traceSummariesSql(ctx, (id) => `${id} IN (SELECT trace_id FROM tq_matched)`);
  const columns = ["trace_id", "start_ns", "end_ns", "span_count", "error_count", "root_name", "root_service"];
  return `WITH tq_matched AS (${m})
    SELECT ${columns.map((c) => `t.${c} AS ${c}`).join(", ")}, m.matched_spans AS matched_spans, m.matched AS matched
    FROM tq_matched m INNER JOIN (${t}) t ON t.trace_id = m.trace_id`;
}

const SORT_EXPR: Record<TraceSortKey, string> = {
  start: "start_ns",
  duration: "(end_ns - start_ns)",
  spans: "toInt64(span_count)",
  errors: "toInt64(error_count)",
};

interface HitRow {
  trace_id: string; root_name: string; root_service: string; start_text: string; duration_text: string;
  span_count: string; error_count: string; matched_spans: string; matched: [string, string][]; sort_text: string; total: string;
}

export async function searchTraces(ctx: ChContext, q: TraceSearchQuery): Promise<TraceSearchPage> {
  const params: Params = {};
  const hits = hitsSql(ctx, q, params);
  const sort = SORT_EXPR[q.sort];
  const dir = q.order === "asc" ? "ASC" : "DESC";
  const cmp = q.order === "asc" ? ">" : "<";
  params.limit = q.limit + 1;
  let where = "";
  if (q.cursor) {
    where = `WHERE (${sort} ${cmp} {cv:Int64} OR (${sort} = {cv:Int64} AND trace_id ${cmp} {ct:String}))`;
    Object.assign(params, { cv: q.cursor.value.toString(), ct: q.cursor.traceId });
  }
  const list = await rows<HitRow>(ctx,
    `SELECT trace_id, root_name, root_service, toString(start_ns) AS start_text, toString(end_ns - start_ns) AS duration_text,
            span_count, error_count, matched_spans, matched, toString(${sort}) AS sort_text, count() OVER () AS total
     FROM (${hits}) ${where}
     ORDER BY ${sort} ${dir}, trace_id ${dir} LIMIT {limit:UInt64}`, params);
  const page = list.slice(0, q.limit);
  const traces: TraceSearchHit[] = page.map((r) => ({
    traceId: r.trace_id,
    rootName: r.root_name,
    rootService: r.root_service,
    startTimeUnixNano: r.start_text,
    durationMs: Number(BigInt(r.duration_text)) / 1e6,
    spanCount: Number(r.span_count),
    errorCount: Number(r.error_count),
    matchedSpans: Number(r.matched_spans),
    matched: r.matched.map(([spanId, name]) => ({ spanId, name })),
    columns: {},
  }));
  await fillColumns(ctx, q, traces);
  const last = page[page.length - 1];
  // With a cursor, the window count covers only what is after it: count the rest separately.
  let total = Number(list[0]?.total ?? 0);
  if (q.cursor) {
    const counted = {} as Params;
    const [c] = await rows<{ n: string }>(ctx, `SELECT count() AS n FROM (${hitsSql(ctx, q, counted)})`, counted);
    total = Number(c.n);
  }
  return {
    traces,
    nextCursor: list.length > q.limit && last
      ? encodeSearchCursor({ value: BigInt(last.sort_text), traceId: last.trace_id })
      : null,
    total,
  };
}

/** Each column's value on the trace's earliest span that has the key (any type, as text). */
async function fillColumns(ctx: ChContext, q: TraceSearchQuery, hits: TraceSearchHit[]) {
  if (!q.columns.length || !hits.length) return;
  const params: Params = { project: q.projectId, traces: hits.map((h) => h.traceId) };
  const selects = q.columns.map((c, i) => {
    params[`ck${i}`] = c.key;
    const k = `{ck${i}:String}`;
    const inSpan = `mapContains(SpanAttributes, ${k})`;
    const inRes = `mapContains(ResourceAttributes, ${k})`;
    const [has, value] = c.scope === "span" ? [inSpan, `SpanAttributes[${k}]`]
      : c.scope === "resource" ? [inRes, `ResourceAttributes[${k}]`]
        : [`(${inSpan} OR ${inRes})`, `if(${inSpan}, SpanAttributes[${k}], ResourceAttributes[${k}])`];
    return `if(countIf(${has}) > 0, argMinIf(${value}, (Timestamp, SpanId), ${has}), NULL) AS c${i}`;
  });
  const found = await rows<Record<string, string | null>>(ctx,
    `SELECT TraceId AS trace_id, ${selects.join(", ")} FROM ${ctx.names.spans}
     WHERE ${projectFilter(ctx)}TraceId IN {traces:Array(String)} GROUP BY TraceId`, params);
  const byTrace = new Map(found.map((r) => [r.trace_id as string, r]));
  for (const h of hits) {
    const r = byTrace.get(h.traceId);
    q.columns.forEach((c, i) => (h.columns[`${c.scope === "any" ? "" : c.scope}.${c.key}`] = r?.[`c${i}`] ?? null));
  }
}

/** Log-scale buckets, as DuckDB draws them: durations span microseconds to minutes. */
export async function durationHistogram(ctx: ChContext, q: HitsQuery): Promise<DurationHistogram> {
  const params: Params = {};
  const list = await rows<{ b: number; n: string }>(ctx,
    `SELECT toInt32(floor(log10(greatest(end_ns - start_ns, 1000) / 1e6) * 4)) AS b, count() AS n
     FROM (${hitsSql(ctx, q, params)}) GROUP BY b ORDER BY b`, params);
  const buckets = list.map((r) => ({ fromMs: 10 ** (r.b / 4), toMs: 10 ** ((r.b + 1) / 4), count: Number(r.n) }));
  return { buckets, total: buckets.reduce((s, b) => s + b.count, 0) };
}
