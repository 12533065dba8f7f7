import { isNotSupported } from "@/lib/spans/not-supported";
import { loadChBenchStore } from "./load-ch-store";
import { timeRuns } from "./machine";

const ALL = { startNs: 0n, endNs: (1n << 63n) - 1n };
const T = "spanlens.otel_traces";
const S = "spanlens.spanlens_trace_summaries";

/**
 * The latest 50 traces holding a matching span, with their summaries and the total, as a
 * DBA would ask ClickHouse: the collector's columns and maps read directly (no type maps),
 * the summaries table for each trace's start, root and span count.
 */
const hand = (matchSql: string) => `
  WITH m AS (${matchSql})
  SELECT t.trace_id, t.root.1 AS root_name, t.start, t.spans, m.n, count() OVER () AS total
  FROM m INNER JOIN (
    SELECT trace_id, argMinMerge(root) AS root, min(start_time) AS start, uniqExactMerge(span_ids) AS spans
    FROM ${S} WHERE project_id = 1 AND trace_id IN (SELECT trace_id FROM m) GROUP BY trace_id
  ) t ON t.trace_id = m.trace_id
  ORDER BY t.start DESC LIMIT 50`;
const where = (cond: string) => `SELECT TraceId AS trace_id, count() AS n FROM ${T} WHERE ProjectId = 1 AND ${cond} GROUP BY TraceId`;
const attr = (key: string) => `SpanAttributes['${key}']`;

/** [question, hand-written ClickHouse SQL], in bench:query's order. */
export const CLICKHOUSE_CASES: Record<string, string> = {
  "attribute equality": where(`${attr("customer.tier")} = 'enterprise'`),
  "two attributes": where(`${attr("customer.tier")} = 'enterprise' AND toInt64OrZero(${attr("http.response.status_code")}) >= 500`),
  range: where(`Duration > 1000000000 AND toInt64OrNull(${attr("db.rows_affected")}) < 10`),
  regex: where(`match(${attr("http.route")}, '^(?:/api/(cart|checkout))$')`),
  "rare key": where(`${attr("rare.tag_42")} = 'v7'`),
  "resource and status": where("ServiceName = 'payment-service' AND StatusCode = 'Error'"),
  "child (>)": `SELECT c.TraceId AS trace_id, count() AS n FROM ${T} c
    INNER JOIN (SELECT TraceId, SpanId FROM ${T} WHERE ProjectId = 1 AND SpanName = 'POST /purchase') p
      ON p.TraceId = c.TraceId AND p.SpanId = c.ParentSpanId
    WHERE c.ProjectId = 1 AND c.StatusCode = 'Error' GROUP BY c.TraceId`,
  "spanset &&": `SELECT TraceId AS trace_id, countIf(a OR b) AS n
    FROM (SELECT TraceId, ${attr("funnel.stage")} = 'purchase' AS a, StatusCode = 'Error' AS b FROM ${T} WHERE ProjectId = 1)
    GROUP BY TraceId HAVING max(a) AND max(b)`,
  "pipeline count": `${where("StatusCode = 'Error'")} HAVING count() > 1`,
  "pipeline avg": `${where(`${attr("customer.tier")} = 'free'`)} HAVING avg(Duration) > 500000000`,
};

export interface ChQueryRow { label: string; traceql: string; spanlens: number | null; raw: number; sameTotal: boolean | null }

/** Each question through ClickHouseSpanStore.searchTraces and as hand-written SQL; null where the store answers 501. */
export async function clickhouseSearches(spans: number, questions: [string, string][]) {
  const { store, raw } = await loadChBenchStore(spans);
  const rows: ChQueryRow[] = [];
  try {
    for (const [label, traceql] of questions) {
      const search = () => store.searchTraces({ projectId: 1, q: traceql, ...ALL, limit: 50, sort: "start", order: "desc", columns: [] });
      let spanlens: number | null = null;
      let sameTotal: boolean | null = null;
      try {
        spanlens = await timeRuns(10, search);
        const [first] = await raw(hand(CLICKHOUSE_CASES[label]));
        sameTotal = Number(first?.total ?? 0) === (await search()).total;
      } catch (err) {
        if (!isNotSupported(err)) throw err;
      }
      rows.push({ label, traceql, spanlens, sameTotal, raw: await timeRuns(10, () => raw(hand(CLICKHOUSE_CASES[label]))) });
      console.log("clickhouse", rows[rows.length - 1]);
    }
    const keys = await timeRuns(20, () => store.listAttributeKeys({ projectId: 1, prefix: "rare.ta", limit: 20 }));
    const values = await timeRuns(20, () => store.listAttributeValues({ projectId: 1, key: "user.id", prefix: "u-1", limit: 20 }));
    const [{ v }] = await raw("SELECT version() AS v");
    return { rows, keys, values, version: String(v) };
  } finally {
    await store.close();
  }
}
