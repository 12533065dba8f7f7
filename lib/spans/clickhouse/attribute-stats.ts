import type { AttributeStats } from "@/lib/contract";
import type { AttributeStatsQuery } from "../types";
import { rows, type ChContext, type Params } from "./context";
import { attrValue } from "./metrics-sql";
import { spanScope } from "./search";

/** Below this estimate the distinct count is recounted exactly (as on DuckDB). */
const EXACT_BELOW = 1_000;

/**
 * One key measured on the spans themselves, as DuckDB's store measures it
 * (lib/spans/duckdb/attribute-stats.ts): the values DuckDB keeps in its typed maps (strings,
 * ints, bools, finite doubles) as text for the distinct count, ints and finite doubles as
 * numbers for the summary. Span counts, the mean and the sum are weighted by 1 / sample
 * rate. `uniq` is ClickHouse's estimate (exact up to tens of thousands of values, then
 * sampled), so above 1,000 values the two engines' estimates differ by a few percent.
 * Rows are read once per (TraceId, SpanId), so a span stored twice before
 * ReplacingMergeTree merges it counts once.
 */
export async function attributeStats(ctx: ChContext, q: AttributeStatsQuery): Promise<AttributeStats> {
  const ref = { scope: q.scope === "resource" ? "resource" : "span", key: q.key } as const;
  const params: Params = { project: q.projectId, key: q.key, start: q.startNs.toString(), end: q.endNs.toString() };
  const rate = ctx.mode === "write" ? "SampleRate" : "1.0";
  const spans = `SELECT ${attrValue(ctx, ref, "{key:String}", false)} AS text, ${attrValue(ctx, ref, "{key:String}", true)} AS num,
      1.0 / ${rate} AS w
    FROM ${ctx.names.spans} WHERE ${spanScope(ctx)} AND isNotNull(text) LIMIT 1 BY TraceId, SpanId`;
  type Row = {
    spans: number; distinct_approx: string; numeric_count: string;
    min: number | null; max: number | null; avg: number | null; p50: number | null; p95: number | null; sum: number | null;
  };
  const [row] = await rows<Row>(ctx, `SELECT sum(w) AS spans, uniq(text) AS distinct_approx,
      count(num) AS numeric_count, min(num) AS min, max(num) AS max, avgWeighted(num, w) AS avg,
      quantileExactInclusive(0.5)(num) AS p50, quantileExactInclusive(0.95)(num) AS p95, sum(num * w) AS sum
    FROM (${spans})`, params);
  const numeric = Number(row.numeric_count) > 0
    ? { min: row.min!, max: row.max!, avg: row.avg!, p50: row.p50!, p95: row.p95!, sum: row.sum! }
    : null;
  let distinct = Number(row.distinct_approx);
  // Hash collisions aside, uniq is exact at low cardinality; uniqExact makes it so.
  if (distinct < EXACT_BELOW) {
    const [exact] = await rows<{ n: string }>(ctx, `SELECT uniqExact(text) AS n FROM (${spans})`, params);
    distinct = Number(exact.n);
  }
  return { key: q.key, scope: ref.scope, spanCount: Number(row.spans ?? 0), distinctApprox: distinct, numeric };
}
