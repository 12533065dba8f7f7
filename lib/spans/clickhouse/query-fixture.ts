import type { AnyValue, Attr, NormalizedSpan, SpanKindCode, StatusCodeNum } from "@/lib/ingest/types";

/**
 * Traces for the TraceQL and metrics parity tests (contract.test.ts), after DuckDB's
 * compiler fixture: letters name traces, span ids are "<letter><n>", times are ms offsets
 * from T0 and queries look at [T0, T0 + 60s]. F's root starts before the window; G is
 * another project's; H's spans were kept at a 50% sample rate.
 */
export const QT0 = 1_700_000_000_000_000_000n;
export const QWINDOW = { startNs: QT0, endNs: QT0 + 60_000_000_000n };
export const QPROJECT = 3;
const MS = 1_000_000n;

const TRACE_NUMBERS: Record<string, number> = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8 };
export const qTraceId = (letter: string) => TRACE_NUMBERS[letter].toString(16).padStart(32, "0");
export const qSpanId = (id: string) => `000000000000ab${id.toLowerCase()}`;
export const qLetterOf = (tid: string) => Object.keys(TRACE_NUMBERS).find((l) => qTraceId(l) === tid) ?? tid;

type Value = string | bigint | number | boolean;
interface Spec {
  id: string; parent?: string; name: string; kind?: number; start: number; dur: number; status?: number; message?: string;
  attrs?: Record<string, Value>; dbl?: Record<string, number>; res?: Record<string, Value>; scope?: [string, string];
  events?: { name: string; attrs?: Record<string, Value> }[];
}

const value = (v: Value): AnyValue =>
  typeof v === "string" ? { t: "str", v } : typeof v === "bigint" ? { t: "int", v } : typeof v === "boolean" ? { t: "bool", v } : { t: "dbl", v };
const attrs = (m: Record<string, Value> = {}, dbl: Record<string, number> = {}): Attr[] => [
  ...Object.entries(m).map(([key, v]) => ({ key, value: value(v) })),
  // Whole doubles (1.0) would read as JS numbers either way: `dbl` forces the double type.
  ...Object.entries(dbl).map(([key, v]) => ({ key, value: { t: "dbl", v } as AnyValue })),
];

const checkout = { "service.name": "frontend", "deployment.environment": "prod" };
const SPECS: Spec[] = [
  { id: "A1", name: "GET /checkout", kind: 2, start: 1000, dur: 1500, res: checkout,
    attrs: { "customer.tier": "enterprise", "http.method": "GET", "http.response.status_code": 500n } },
  { id: "A2", parent: "A1", name: "charge", kind: 3, start: 1100, dur: 300, status: 2, message: "card declined", res: checkout,
    attrs: { "customer.tier": "enterprise", "http.response.status_code": 502n, "retry.ratio": 0.5, "cache.hit": false },
    events: [{ name: "exception", attrs: { "exception.type": "CardError", attempt: 3n } }] },
  { id: "A3", parent: "A2", name: "SELECT payments", kind: 3, start: 1150, dur: 50, res: { "service.name": "db" },
    attrs: { "db.system": "postgresql" } },
  { id: "A4", parent: "A3", name: "fetch row", kind: 1, start: 1160, dur: 5, res: { "service.name": "db" } },
  { id: "B1", name: "GET /home", kind: 2, start: 2000, dur: 80, status: 1, res: { "service.name": "frontend" },
    attrs: { "customer.tier": "free", "http.method": "GET", "http.response.status_code": 200n } },
  { id: "B2", parent: "B1", name: "render", kind: 1, start: 2010, dur: 20, res: { "service.name": "frontend" },
    attrs: { "cache.hit": true, "load.factor": 0.75 } },
  { id: "B3", parent: "B1", name: "log", kind: 1, start: 2050, dur: 1, res: { "service.name": "frontend" },
    attrs: { "key with spaces": "yes" } },
  { id: "C1", name: "POST /orders", kind: 2, start: 3000, dur: 2000, status: 2, res: { "service.name": "orders", "k8s.pod.name": "orders-1" },
    attrs: { "customer.tier": "pro", "http.method": "POST", "http.response.status_code": 503n } },
  { id: "C2", parent: "C1", name: "publish", kind: 4, start: 3100, dur: 10, res: { "service.name": "orders" },
    attrs: { "big.id": 9007199254740993n } },
  { id: "C3", parent: "C2", name: "consume", kind: 5, start: 3200, dur: 400, res: { "service.name": "worker" } },
  { id: "D1", name: "cron", kind: 0, start: 4000, dur: 10_000, scope: ["cron-lib", "1.2.0"],
    attrs: { "customer.tier": "ent", region: "us" }, res: { "service.name": "batch", team: "ent", region: "eu" } },
  { id: "E1", name: "e-root", kind: 2, start: 5000, dur: 900, res: { "service.name": "gateway" } },
  { id: "E2", parent: "E1", name: "hop-1", kind: 3, start: 5100, dur: 700, res: { "service.name": "gateway" } },
  { id: "E3", parent: "E2", name: "hop-2", kind: 1, start: 5200, dur: 500, res: { "service.name": "gateway" },
    events: [{ name: "retry", attrs: { attempt: 2n, backoff: 1.5, final: true } }, { name: "cache.miss" }] },
  { id: "E4", parent: "E3", name: "hop-3", kind: 1, start: 5300, dur: 300, res: { "service.name": "gateway" } },
  { id: "E5", parent: "E4", name: "leaf", kind: 3, start: 5400, dur: 100, status: 2, message: "timeout", res: { "service.name": "gateway" } },
  { id: "F1", name: "early root", kind: 2, start: -5000, dur: 8000, res: { "service.name": "frontend" }, attrs: { "customer.tier": "enterprise" } },
  { id: "F2", parent: "F1", name: "late child", kind: 1, start: 500, dur: 10, res: { "service.name": "frontend" }, attrs: { "customer.tier": "free" } },
  { id: "G1", name: "GET /checkout", kind: 2, start: 1000, dur: 1500, status: 2, res: { "service.name": "frontend" },
    attrs: { "customer.tier": "enterprise", "http.response.status_code": 500n } },
  { id: "H1", name: "batch job", kind: 1, start: 6000, dur: 1200, res: { "service.name": "batch" } },
  { id: "H2", parent: "H1", name: "task", kind: 1, start: 6100, dur: 100, res: { "service.name": "batch" }, attrs: { items: 1n } },
  { id: "H3", parent: "H1", name: "task", kind: 1, start: 6200, dur: 200, res: { "service.name": "batch" }, attrs: { items: 2n } },
  { id: "H4", parent: "H1", name: "task", kind: 1, start: 6300, dur: 300, res: { "service.name": "batch" }, attrs: { items: 3n } },
  { id: "H5", parent: "H1", name: "task", kind: 1, start: 6400, dur: 400, res: { "service.name": "batch" }, dbl: { items: 4.5 } },
];

function toSpan(s: Spec): NormalizedSpan {
  const startNs = QT0 + BigInt(s.start) * MS;
  return {
    traceId: qTraceId(s.id[0]), spanId: qSpanId(s.id), parentSpanId: s.parent ? qSpanId(s.parent) : null, traceState: "",
    name: s.name, kind: (s.kind ?? 1) as SpanKindCode, startNs, endNs: startNs + BigInt(s.dur) * MS,
    statusCode: (s.status ?? 0) as StatusCodeNum, statusMessage: s.message ?? "",
    attributes: attrs(s.attrs, s.dbl), resource: attrs(s.res), scopeName: s.scope?.[0] ?? "", scopeVersion: s.scope?.[1] ?? "",
    events: (s.events ?? []).map((e) => ({ name: e.name, timeNs: startNs, attributes: attrs(e.attrs), droppedAttributesCount: 0 })),
    links: [], droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0,
  };
}

/** What each store ingests: project, spans and their sample rates. */
export function queryFixtureBatches(): { projectId: number; spans: NormalizedSpan[]; rates: number[] }[] {
  const of = (pred: (s: Spec) => boolean) => SPECS.filter(pred).map(toSpan);
  const sampled = of((s) => s.id.startsWith("H"));
  return [
    { projectId: QPROJECT, spans: of((s) => !"GH".includes(s.id[0])), rates: [] },
    { projectId: QPROJECT, spans: sampled, rates: sampled.map(() => 0.5) },
    { projectId: QPROJECT + 1, spans: of((s) => s.id.startsWith("G")), rates: [] },
  ];
}
