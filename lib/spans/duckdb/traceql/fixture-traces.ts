import type { DuckDBConnection } from "@duckdb/node-api";
import { sparseRowsSql } from "../sparse-attributes";

/**
 * Hand-built traces for the compiler tests. Letters name traces (A..H); every span id
 * is "<letter><n>" so expectations can be written as span names or letters.
 * Times are offsets in ms from T0; the query window is [T0, T0 + 60s].
 */
export const T0 = 1_700_000_000_000_000_000n;
export const WINDOW = { start: T0, end: T0 + 60_000_000_000n };
const MS = 1_000_000n;

interface Event { name: string; attrs?: Record<string, { stringValue: string } | { intValue: string } | { doubleValue: number } | { boolValue: boolean }> }
interface SpanSpec {
  id: string;
  parent?: string;
  name: string;
  kind?: number;
  service?: string;
  start: number;
  dur: number;
  status?: number;
  message?: string;
  project?: number;
  str?: Record<string, string>;
  int?: Record<string, bigint>;
  dbl?: Record<string, number>;
  bool?: Record<string, boolean>;
  json?: Record<string, string>;
  res?: Record<string, string>;
  scope?: [string, string];
  events?: Event[];
}

const TRACE_NUMBERS: Record<string, number> = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8 };
export const traceId = (letter: string) => TRACE_NUMBERS[letter].toString(16).padStart(32, "0");
export const spanId = (id: string) => `000000000000ab${id.toLowerCase()}`;
export const letterOf = (tid: string) => Object.keys(TRACE_NUMBERS).find((l) => traceId(l) === tid) ?? tid;

const checkout = { "service.name": "frontend", "deployment.environment": "prod" };
const SPANS: SpanSpec[] = [
  { id: "A1", name: "GET /checkout", kind: 2, service: "frontend", start: 1000, dur: 1500, res: checkout,
    str: { "customer.tier": "enterprise", "http.method": "GET" }, int: { "http.response.status_code": 500n } },
  { id: "A2", parent: "A1", name: "charge", kind: 3, service: "frontend", start: 1100, dur: 300, status: 2, message: "card declined",
    res: checkout, str: { "customer.tier": "enterprise" }, int: { "http.response.status_code": 502n }, dbl: { "retry.ratio": 0.5 },
    bool: { "cache.hit": false },
    events: [{ name: "exception", attrs: { "exception.type": { stringValue: "CardError" }, attempt: { intValue: "3" } } }] },
  { id: "A3", parent: "A2", name: "SELECT payments", kind: 3, service: "db", start: 1150, dur: 50, res: { "service.name": "db" },
    str: { "db.system": "postgresql" } },
  { id: "A4", parent: "A3", name: "fetch row", kind: 1, service: "db", start: 1160, dur: 5, res: { "service.name": "db" } },

  { id: "B1", name: "GET /home", kind: 2, service: "frontend", start: 2000, dur: 80, status: 1, res: { "service.name": "frontend" },
    str: { "customer.tier": "free", "http.method": "GET" }, int: { "http.response.status_code": 200n } },
  { id: "B2", parent: "B1", name: "render", kind: 1, service: "frontend", start: 2010, dur: 20, res: { "service.name": "frontend" },
    bool: { "cache.hit": true }, dbl: { "load.factor": 0.75 } },
  { id: "B3", parent: "B1", name: "log", kind: 1, service: "frontend", start: 2050, dur: 1, res: { "service.name": "frontend" },
    str: { "key with spaces": "yes" } },

  { id: "C1", name: "POST /orders", kind: 2, service: "orders", start: 3000, dur: 2000, status: 2,
    res: { "service.name": "orders", "k8s.pod.name": "orders-1" },
    str: { "customer.tier": "pro", "http.method": "POST" }, int: { "http.response.status_code": 503n } },
  { id: "C2", parent: "C1", name: "publish", kind: 4, service: "orders", start: 3100, dur: 10, res: { "service.name": "orders" },
    int: { "big.id": 9007199254740993n } },
  { id: "C3", parent: "C2", name: "consume", kind: 5, service: "worker", start: 3200, dur: 400, res: { "service.name": "worker" },
    json: { payload: '{"arrayValue":{"values":[{"intValue":"1"}]}}' } },

  { id: "D1", name: "cron", kind: 0, service: "batch", start: 4000, dur: 10_000, scope: ["cron-lib", "1.2.0"],
    str: { "customer.tier": "ent", region: "us" }, res: { "service.name": "batch", team: "ent", region: "eu" } },

  { id: "E1", name: "e-root", kind: 2, service: "gateway", start: 5000, dur: 900 },
  { id: "E2", parent: "E1", name: "hop-1", kind: 3, service: "gateway", start: 5100, dur: 700 },
  { id: "E3", parent: "E2", name: "hop-2", kind: 1, service: "gateway", start: 5200, dur: 500,
    events: [
      { name: "retry", attrs: { attempt: { intValue: "2" }, backoff: { doubleValue: 1.5 }, final: { boolValue: true } } },
      { name: "cache.miss" },
    ] },
  { id: "E4", parent: "E3", name: "hop-3", kind: 1, service: "gateway", start: 5300, dur: 300 },
  { id: "E5", parent: "E4", name: "leaf", kind: 3, service: "gateway", start: 5400, dur: 100, status: 2, message: "timeout" },

  // F's root starts before the window, so only its child is in scope.
  { id: "F1", name: "early root", kind: 2, service: "frontend", start: -5000, dur: 8000, res: { "service.name": "frontend" },
    str: { "customer.tier": "enterprise" } },
  { id: "F2", parent: "F1", name: "late child", kind: 1, service: "frontend", start: 500, dur: 10, res: { "service.name": "frontend" },
    str: { "customer.tier": "free" } },

  // Another project: looks like A but must never match.
  { id: "G1", project: 2, name: "GET /checkout", kind: 2, service: "frontend", start: 1000, dur: 1500, status: 2,
    str: { "customer.tier": "enterprise" }, int: { "http.response.status_code": 500n } },

  { id: "H1", name: "batch job", kind: 1, service: "batch", start: 6000, dur: 1200 },
  { id: "H2", parent: "H1", name: "task", kind: 1, service: "batch", start: 6100, dur: 100, int: { items: 1n } },
  { id: "H3", parent: "H1", name: "task", kind: 1, service: "batch", start: 6200, dur: 200, int: { items: 2n } },
  { id: "H4", parent: "H1", name: "task", kind: 1, service: "batch", start: 6300, dur: 300, int: { items: 3n } },
  { id: "H5", parent: "H1", name: "task", kind: 1, service: "batch", start: 6400, dur: 400, dbl: { items: 4.5 } },
];

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
function mapLiteral<T>(m: Record<string, T> | undefined, render: (v: T) => string): string {
  const entries = Object.entries(m ?? {});
  return entries.length ? `MAP {${entries.map(([k, v]) => `${lit(k)}: ${render(v)}`).join(", ")}}` : "NULL";
}

function row(s: SpanSpec): string {
  const start = T0 + BigInt(s.start) * MS;
  const dur = BigInt(s.dur) * MS;
  const events = s.events?.length
    ? JSON.stringify(s.events.map((e) => ({
        name: e.name, timeUnixNano: start.toString(), droppedAttributesCount: 0,
        attributes: Object.entries(e.attrs ?? {}).map(([key, value]) => ({ key, value })),
      })))
    : null;
  return `(${[
    s.project ?? 1, lit(traceId(s.id[0])), lit(spanId(s.id)), s.parent ? lit(spanId(s.parent)) : "NULL", lit(s.name), s.kind ?? 1,
    lit(s.service ?? "unknown_service"), start, start + dur, dur, s.status ?? 0, s.message ? lit(s.message) : "NULL",
    s.scope ? lit(s.scope[0]) : "NULL", s.scope ? lit(s.scope[1]) : "NULL",
    mapLiteral(s.str, lit), mapLiteral(s.int, String), mapLiteral(s.dbl, (v) => `${v}::DOUBLE`), mapLiteral(s.bool, String),
    mapLiteral(s.json, lit), mapLiteral(s.res, lit),
    events ? `[${s.events!.map((e) => lit(e.name)).join(", ")}]` : "NULL", events ? lit(events) : "NULL", 0, 0, 0,
  ].join(", ")})`;
}

export async function insertFixture(conn: DuckDBConnection): Promise<void> {
  await conn.run(`INSERT INTO spans (project_id, trace_id, span_id, parent_span_id, name, kind, service_name, start_ns, end_ns,
    duration_ns, status_code, status_message, scope_name, scope_version, attr_str, attr_int, attr_dbl, attr_bool, attr_json,
    res_str, event_names, events, dropped_attributes_count, dropped_events_count, dropped_links_count)
    VALUES ${SPANS.map(row).join(",\n")}`);
  await conn.run(`INSERT INTO traces
    SELECT project_id, trace_id, min(start_ns), max(end_ns), count(*), count(*) FILTER (WHERE status_code = 2),
      coalesce(any_value(name) FILTER (WHERE parent_span_id IS NULL), ''),
      coalesce(any_value(service_name) FILTER (WHERE parent_span_id IS NULL), ''),
      bool_or(parent_span_id IS NULL), list(DISTINCT service_name),
      min(start_ns) FILTER (WHERE parent_span_id IS NULL)
    FROM spans GROUP BY project_id, trace_id`);
  // What the organiser writes beside the spans: the index of attributes without a dedicated column.
  await conn.run(sparseRowsSql("spans", "table"));
}
