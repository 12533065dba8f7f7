import type { DuckDBConnection } from "@duckdb/node-api";
import { encodeSearchCursor } from "../cursor";
import type { CompiledSearch } from "./compiled-queries";
import type { DurationHistogram, TraceSearchHit, TraceSearchPage, TraceSortKey } from "@/lib/contract";

type Params = Record<string, string | number | bigint | boolean>;

const SORT_EXPR: Record<TraceSortKey, string> = {
  start: "t.start_ns",
  duration: "(t.end_ns - t.start_ns)",
  spans: "t.span_count::BIGINT",
  errors: "t.error_count::BIGINT",
};

/** Matching traces: the TraceQL CTE joined to trace summaries, or every trace for `{}`. */
function matchedTraces(q: Pick<CompiledSearch, "match">, params: Params) {
  if (!q.match) {
    return `SELECT t.*, t.span_count::BIGINT AS matched_spans, NULL::STRUCT(span_id VARCHAR, name VARCHAR)[] AS matched
            FROM traces t WHERE t.project_id = $project::INTEGER AND t.start_ns BETWEEN $start::BIGINT AND $end::BIGINT`;
  }
  Object.assign(params, q.match.params);
  // `matched` is not selected here: DuckDB then skips its top-3 aggregate, which costs more
  // than the whole match; matchedSpansOf computes it for the page's traces only.
  return `WITH m AS (${q.match.sql})
          SELECT t.*, m.matched_spans, NULL::STRUCT(span_id VARCHAR, name VARCHAR)[] AS matched
          FROM m JOIN traces t ON t.project_id = $project::INTEGER AND t.trace_id = m.trace_id`;
}

/** Up to 3 matched spans of each page trace. Spans of these traces start between the
 * page's earliest trace start and latest trace end, so the window narrows to that. */
async function matchedSpansOf(conn: DuckDBConnection, q: CompiledSearch, page: { trace_id: string; start_ns: bigint; duration_ns: bigint }[]) {
  if (!q.match || !page.length) return new Map<string, { span_id: string; name: string }[]>();
  let lo = page[0].start_ns;
  let hi = page[0].start_ns + page[0].duration_ns;
  for (const r of page) {
    if (r.start_ns < lo) lo = r.start_ns;
    if (r.start_ns + r.duration_ns > hi) hi = r.start_ns + r.duration_ns;
  }
  const params: Params = {
    ...q.match.params, project: q.projectId, ids: page.map((r) => r.trace_id).join(","),
    start: lo > q.startNs ? lo : q.startNs, end: hi < q.endNs ? hi : q.endNs,
  };
  const rows = (await conn.runAndReadAll(
    `WITH m AS (${q.match.sql}) SELECT trace_id, matched FROM m WHERE list_contains(string_split($ids, ','), trace_id)`,
    params,
  )).getRowObjectsJS() as { trace_id: string; matched: { span_id: string; name: string }[] }[];
  return new Map(rows.map((r) => [r.trace_id, r.matched]));
}

function columnExpr(scope: "span" | "resource" | "any", param: string) {
  const typed = (p: string) =>
    `coalesce(${p}_str[${param}], ${p}_int[${param}]::VARCHAR, ${p}_dbl[${param}]::VARCHAR, ${p}_bool[${param}]::VARCHAR, ${p}_json[${param}])`;
  const expr = scope === "span" ? typed("attr") : scope === "resource" ? typed("res") : `coalesce(${typed("attr")}, ${typed("res")})`;
  return `arg_min(${expr}, start_ns) FILTER (WHERE ${expr} IS NOT NULL)`;
}

async function fillColumns(conn: DuckDBConnection, q: CompiledSearch, hits: TraceSearchHit[]) {
  if (!q.columns.length || !hits.length) return;
  const params: Params = { project: q.projectId, traces: "" };
  const selects = q.columns.map((c, i) => {
    params[`ck${i}`] = c.key;
    return `${columnExpr(c.scope, `$ck${i}`)} AS c${i}`;
  });
  params.traces = hits.map((h) => h.traceId).join(",");
  const rows = (await conn.runAndReadAll(
    `SELECT trace_id, ${selects.join(", ")} FROM spans
     WHERE project_id = $project::INTEGER AND trace_id IN (SELECT unnest(string_split($traces, ',')))
     GROUP BY trace_id`,
    params,
  )).getRowObjectsJS() as Record<string, string | null>[];
  const byTrace = new Map(rows.map((r) => [r.trace_id as string, r]));
  for (const h of hits) {
    const r = byTrace.get(h.traceId);
    q.columns.forEach((c, i) => (h.columns[`${c.scope === "any" ? "" : c.scope}.${c.key}`] = r?.[`c${i}`] ?? null));
  }
}

export async function searchTraces(conn: DuckDBConnection, q: CompiledSearch): Promise<TraceSearchPage> {
  const params: Params = { project: q.projectId, start: q.startNs, end: q.endNs, limit: q.limit + 1 };
  const sort = SORT_EXPR[q.sort];
  const dir = q.order === "asc" ? "ASC" : "DESC";
  const cmp = q.order === "asc" ? ">" : "<";
  const where: string[] = [];
  if (q.cursor) {
    where.push(`(${sort} ${cmp} $cv::BIGINT OR (${sort} = $cv::BIGINT AND t.trace_id ${cmp} $ct))`);
    params.cv = q.cursor.value;
    params.ct = q.cursor.traceId;
  }
  const rows = (await conn.runAndReadAll(
    `WITH hits AS (${matchedTraces(q, params)})
     SELECT t.trace_id, t.root_name, t.root_service, t.start_ns, t.end_ns - t.start_ns AS duration_ns, t.span_count, t.error_count,
            t.matched_spans, t.matched, ${sort} AS sort_value, count(*) OVER () AS total
     FROM hits t ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY sort_value ${dir}, t.trace_id ${dir} LIMIT $limit`,
    params,
  )).getRowObjectsJS() as {
    trace_id: string; root_name: string; root_service: string; start_ns: bigint; duration_ns: bigint; span_count: number; error_count: number;
    matched_spans: bigint; matched: { span_id: string; name: string }[] | null; sort_value: bigint; total: bigint;
  }[];
  const page = rows.slice(0, q.limit);
  const matched = await matchedSpansOf(conn, q, page);
  const hits: TraceSearchHit[] = page.map((r) => ({
    traceId: r.trace_id,
    rootName: r.root_name,
    rootService: r.root_service,
    startTimeUnixNano: r.start_ns.toString(),
    durationMs: Number(r.duration_ns) / 1e6,
    spanCount: r.span_count,
    errorCount: r.error_count,
    matchedSpans: Number(r.matched_spans),
    matched: (matched.get(r.trace_id) ?? []).map((m) => ({ spanId: m.span_id, name: m.name })),
    columns: {},
  }));
  await fillColumns(conn, q, hits);
  const last = page[page.length - 1];
  // With a cursor, the window count covers only what is after it: count the rest separately.
  const total = q.cursor ? await countMatches(conn, q) : Number(rows[0]?.total ?? 0);
  return {
    traces: hits,
    nextCursor: rows.length > q.limit && last ? encodeSearchCursor({ value: BigInt(last.sort_value), traceId: last.trace_id }) : null,
    total,
  };
}

async function countMatches(conn: DuckDBConnection, q: CompiledSearch) {
  const params: Params = { project: q.projectId, start: q.startNs, end: q.endNs };
  const r = await conn.runAndReadAll(`WITH hits AS (${matchedTraces(q, params)}) SELECT count(*) FROM hits`, params);
  return Number(r.getRows()[0][0]);
}

/** Log-scale buckets: durations span microseconds to minutes. */
export async function durationHistogram(conn: DuckDBConnection, q: Pick<CompiledSearch, "projectId" | "match" | "startNs" | "endNs">): Promise<DurationHistogram> {
  const params: Params = { project: q.projectId, start: q.startNs, end: q.endNs };
  const rows = (await conn.runAndReadAll(
    `WITH hits AS (${matchedTraces(q, params)})
     SELECT floor(log10(greatest(t.end_ns - t.start_ns, 1000) / 1e6) * 4)::INTEGER AS b, count(*) AS n
     FROM hits t GROUP BY b ORDER BY b`,
    params,
  )).getRowObjectsJS() as { b: number; n: bigint }[];
  const buckets = rows.map((r) => ({ fromMs: 10 ** (r.b / 4), toMs: 10 ** ((r.b + 1) / 4), count: Number(r.n) }));
  return { buckets, total: buckets.reduce((s, b) => s + b.count, 0) };
}
