/**
 * The same SpanStore behaviour on DuckDB and on ClickHouse (embedded chDB, through the
 * same @clickhouse/client code a server gets): each ClickHouse answer must equal
 * DuckDB's for the same spans. All chDB tests live in this one file: chDB allows one data
 * directory per process. Run with TZ=UTC (vitest.config.ts sets it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Attr, NormalizedSpan } from "@/lib/ingest/types";
import { badRequestResponse } from "@/lib/http/errors";
import { openTempStore } from "../duckdb/test-store";
import type { SpanStore } from "../types";
import { chdbTestConfig, openTempChStore, removeChdbTestDir } from "./test-store";
import { isNotSupported } from "../not-supported";
import { ClickHouseSpanStore } from "./store";
import { QPROJECT, QWINDOW, qLetterOf, qSpanId, queryFixtureBatches } from "./query-fixture";
import type { MetricsResult, TraceSearchPage } from "@/lib/contract";
import type { MetricsQuery } from "@/lib/metrics/types";

const T0 = 1_764_000_000_123_456_789n; // 2025-11-24, every digit significant
const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const SHORT_TRACE = "0000000000000000a3ce929d0e0e4736"; // found by its 16-hex form too
const id = (n: number) => n.toString(16).padStart(16, "0");
const str = (key: string, v: string): Attr => ({ key, value: { t: "str", v } });

// Every OTel value type, including what JSON numbers cannot carry.
const RICH: Attr[] = [
  str("http.method", "GET"),
  { key: "http.status_code", value: { t: "int", v: 503n } },
  { key: "big.int", value: { t: "int", v: 2n ** 63n - 1n } },
  { key: "neg.int", value: { t: "int", v: -(2n ** 60n) } },
  { key: "ratio", value: { t: "dbl", v: 0.1 } },
  { key: "whole.double", value: { t: "dbl", v: 3 } },
  { key: "not.a.number", value: { t: "dbl", v: Number.NaN } },
  { key: "inf", value: { t: "dbl", v: Number.NEGATIVE_INFINITY } },
  { key: "cache.hit", value: { t: "bool", v: false } },
  { key: "payload", value: { t: "bytes", v: new Uint8Array([0, 1, 2, 250, 255]) } },
  { key: "tags", value: { t: "arr", v: [{ t: "str", v: "a" }, { t: "int", v: 9_007_199_254_740_993n }, { t: "dbl", v: 1.5 }, { t: "bool", v: true }] } },
  { key: "nested", value: { t: "kv", v: [str("k", "v"), { key: "n", value: { t: "arr", v: [{ t: "int", v: 1n }] } }] } },
  { key: "nothing", value: { t: "empty" } },
  str("unicode", "naïve ☕ 𝄞"),
  str("dup", "first"),
  str("dup", "last"),
];

const RESOURCE: Attr[] = [
  str("service.name", "checkout"),
  { key: "process.pid", value: { t: "int", v: 4242n } },
  str("deployment.environment", "prod"),
];
const OTHER_RESOURCE: Attr[] = [str("service.name", "payments"), { key: "host.cores", value: { t: "dbl", v: 2.5 } }];

function span(p: Partial<NormalizedSpan> & { n: number }): NormalizedSpan {
  const start = p.startNs ?? T0 + BigInt(p.n) * 1_000_003n;
  return {
    traceId: TRACE, spanId: id(p.n), parentSpanId: null, traceState: "", name: `op-${p.n}`, kind: 1,
    startNs: start, endNs: start + 2_500_001n, statusCode: 0, statusMessage: "", attributes: [], resource: RESOURCE,
    scopeName: "spanlens-test", scopeVersion: "1.0.0", events: [], links: [],
    droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0, ...p,
  };
}

const FIXTURE: NormalizedSpan[] = [
  span({ n: 1, name: "GET /checkout", kind: 2, attributes: RICH, traceState: "vendor=a",
    events: [
      { name: "exception", timeNs: T0 + 7n, attributes: [str("exception.type", "Timeout"), { key: "attempt", value: { t: "int", v: 3n } }], droppedAttributesCount: 0 },
      { name: "retry", timeNs: T0 + 999_999_999n, attributes: [], droppedAttributesCount: 0 },
    ] }),
  span({ n: 2, parentSpanId: id(1), name: "SELECT orders", kind: 3, statusCode: 2, statusMessage: "deadlock",
    attributes: [str("db.system", "postgresql"), { key: "db.rows", value: { t: "int", v: 12n } }] }),
  span({ n: 3, parentSpanId: id(1), name: "charge", kind: 4, resource: OTHER_RESOURCE, statusCode: 1,
    links: [{ traceId: "ab".repeat(16), spanId: "cd".repeat(8), traceState: "x=1", attributes: [{ key: "link.weight", value: { t: "dbl", v: 0.25 } }], droppedAttributesCount: 0 }] }),
  span({ n: 4, parentSpanId: id(3), name: "charge", kind: 5, resource: OTHER_RESOURCE, attributes: [str("customer.tier", "enterprise")] }),
  // Same start as span 4: the span id breaks the tie, on both engines.
  span({ n: 5, parentSpanId: id(3), name: "refund", kind: 0, resource: OTHER_RESOURCE, startNs: T0 + 4n * 1_000_003n }),
  span({ n: 6, traceId: SHORT_TRACE, name: "legacy", kind: 2, attributes: [str("customer.tier", "free")],
    startNs: T0 + 86_400_000_000_000n }), // the next day: another partition
];

interface Engines { duck: SpanStore; ch: SpanStore }
const engines = {} as Engines;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const duck = await openTempStore();
  const ch = await openTempChStore();
  cleanups.push(duck.cleanup, ch.cleanup);
  engines.duck = duck.store;
  engines.ch = ch.store;
  for (const store of [engines.duck, engines.ch]) {
    await store.ingest(1, FIXTURE.slice(0, 3));
    await store.ingest(1, FIXTURE.slice(3));
    // Another project's spans never show in project 1's answers.
    await store.ingest(2, [span({ n: 9, name: "other project" })]);
    for (const b of queryFixtureBatches()) await store.ingest(b.projectId, b.spans, b.rates.length ? { sampleRates: b.rates } : {});
  }
});

afterAll(async () => {
  for (const c of cleanups) await c();
  removeChdbTestDir();
});

/** Both engines' answers to the same call. */
async function both<T>(fn: (s: SpanStore) => Promise<T>): Promise<{ duck: T; ch: T }> {
  return { duck: await fn(engines.duck), ch: await fn(engines.ch) };
}

describe("ClickHouse answers as DuckDB does", () => {
  it("getTrace: every attribute type, resource vs span attributes, events, links, status, kinds, nanoseconds", async () => {
    const { duck, ch } = await both((s) => s.getTrace(1, TRACE));
    expect(ch).toEqual(duck);
    expect(JSON.stringify(ch)).toBe(JSON.stringify(duck));
    const root = ch!.spans[0];
    expect(root.attributes).toMatchObject({
      "big.int": "9223372036854775807", "neg.int": "-1152921504606846976", "http.status_code": 503,
      "whole.double": 3, "not.a.number": "NaN", inf: "-Infinity", "cache.hit": false, payload: "AAEC+v8=",
      tags: ["a", "9007199254740993", 1.5, true], nested: { k: "v", n: [1] }, nothing: null, dup: "last",
    });
    expect(root.resource).toEqual({ "deployment.environment": "prod", "process.pid": 4242, "service.name": "checkout" });
    expect(root.startTimeUnixNano).toBe((T0 + 1_000_003n).toString());
    expect(root.events[1].timeUnixNano).toBe((T0 + 999_999_999n).toString());
    expect(ch!.spans.map((s) => s.kind)).toEqual(["server", "client", "producer", "consumer", "unspecified"]);
    expect(ch!.spans[1].status).toEqual({ code: "error", message: "deadlock" });
    expect(ch!.spans[2].links[0]).toEqual({ traceId: "ab".repeat(16), spanId: "cd".repeat(8), traceState: "x=1", attributes: { "link.weight": 0.25 } });
  });

  it("getTrace pages, and finds a 64-bit id by its 16-hex form", async () => {
    const page = await both((s) => s.getTrace(1, TRACE, { offset: 1, limit: 2 }));
    expect(page.ch).toEqual(page.duck);
    expect(page.ch!.total).toBe(5);
    const short = await both((s) => s.getTrace(1, SHORT_TRACE.slice(16)));
    expect(short.ch).toEqual(short.duck);
    expect(short.ch!.spans).toHaveLength(1);
    expect(await both((s) => s.getTrace(2, SHORT_TRACE))).toEqual({ duck: null, ch: null });
  });

  it("getCompactTrace and getCompactTraceJson", async () => {
    const compact = await both((s) => s.getCompactTrace(1, TRACE));
    expect(compact.ch).toEqual(compact.duck);
    const json = await both((s) => s.getCompactTraceJson(1, TRACE));
    expect(JSON.parse(json.ch!)).toEqual(JSON.parse(json.duck!));
    expect(JSON.parse(json.ch!)).toEqual(compact.ch);
    expect(await both((s) => s.getCompactTraceJson(1, "ff".repeat(16)))).toEqual({ duck: null, ch: null });
  });

  it("getSpan and getTraceSummary", async () => {
    const one = await both((s) => s.getSpan(1, TRACE, id(3)));
    expect(one.ch).toEqual(one.duck);
    expect(one.ch!.resource).toEqual({ "host.cores": 2.5, "service.name": "payments" });
    expect(await both((s) => s.getSpan(1, TRACE, id(77)))).toEqual({ duck: null, ch: null });
    const summary = await both((s) => s.getTraceSummary(1, TRACE));
    expect(summary.ch).toEqual(summary.duck);
    expect(summary.ch).toMatchObject({ rootName: "GET /checkout", rootService: "checkout", spanCount: 5, errorCount: 1 });
  });

  it("countSpans and the attribute catalog", async () => {
    expect(await both((s) => s.countSpans(1))).toEqual({ duck: 6, ch: 6 });
    const keys = await both((s) => s.listAttributeKeys({ projectId: 1, limit: 100 }));
    // Where the engines differ: DuckDB's catalog types a key by the map its value sits in,
    // and an empty value, NaN and the infinities sit in its JSON map, which the catalog
    // files under `bytes`. ClickHouse's type map says what they are.
    const typesOf = (k: typeof keys.ch, key: string) => k.find((x) => x.key === key)!.types;
    const quirks = { nothing: "empty", "not.a.number": "double", inf: "double" };
    for (const [key, type] of Object.entries(quirks)) {
      expect(typesOf(keys.duck, key)).toEqual(["bytes"]);
      expect(typesOf(keys.ch, key)).toEqual([type]);
    }
    const rest = (k: typeof keys.ch) => k.filter((x) => !(x.key in quirks));
    expect(rest(keys.ch)).toEqual(rest(keys.duck));
    const prefixed = await both((s) => s.listAttributeKeys({ projectId: 1, scope: "span", prefix: "http.", limit: 10 }));
    expect(prefixed.ch).toEqual(prefixed.duck);
    expect(prefixed.ch.map((k) => k.key).sort()).toEqual(["http.method", "http.status_code"]);
    for (const q of [
      { key: "customer.tier" }, { key: "http.status_code", scope: "span" as const }, { key: "event:name", scope: "event" as const },
      { key: "name", scope: "intrinsic" as const, prefix: "ch" }, { key: "cache.hit" }, { key: "ratio" },
    ]) {
      const values = await both((s) => s.listAttributeValues({ projectId: 1, limit: 10, ...q }));
      expect(values.ch, q.key).toEqual(values.duck);
    }
  });

  it("a resent batch is stored once", async () => {
    const before = await both((s) => Promise.all([s.getTrace(1, TRACE), s.getTraceSummary(1, TRACE), s.listAttributeKeys({ projectId: 1, limit: 100 })]));
    for (const store of [engines.duck, engines.ch]) {
      expect(await store.ingest(1, FIXTURE.slice(0, 3))).toEqual({ received: 3, stored: 3 });
    }
    expect(await both((s) => s.countSpans(1))).toEqual({ duck: 6, ch: 6 });
    const after = await both((s) => Promise.all([s.getTrace(1, TRACE), s.getTraceSummary(1, TRACE), s.listAttributeKeys({ projectId: 1, limit: 100 })]));
    expect(after.ch).toEqual(before.ch);
    expect(after.duck).toEqual(before.duck);
  });

  it("purgeBefore deletes the older spans, their summaries and catalog entries", async () => {
    const cutoff = T0 + 86_400_000_000_000n - 1n; // everything but the next day's span
    expect(await both((s) => s.purgeBefore(1, cutoff))).toEqual({ duck: { spans: 5 }, ch: { spans: 5 } });
    expect(await both((s) => s.countSpans(1))).toEqual({ duck: 1, ch: 1 });
    expect(await both((s) => s.countSpans(2))).toEqual({ duck: 1, ch: 1 });
    expect(await both((s) => s.getTrace(1, TRACE))).toEqual({ duck: null, ch: null });
    expect(await both((s) => s.getTraceSummary(1, TRACE))).toEqual({ duck: null, ch: null });
    const short = await both((s) => s.getTrace(1, SHORT_TRACE));
    expect(short.ch).toEqual(short.duck);
    const stats = await both((s) => s.storageStats(1));
    expect({ ...stats.ch, usedBytes: 0, fileBytes: 0, walBytes: 0, engine: "" })
      .toEqual({ ...stats.duck, usedBytes: 0, fileBytes: 0, walBytes: 0, engine: "" });
  });
});

/**
 * The TraceQL subset ClickHouse compiles (lib/spans/clickhouse/traceql), query by query
 * against DuckDB on the same spans: same traces, same matched spans, same page.
 */
describe("TraceQL search on ClickHouse answers as DuckDB does", () => {
  const search = (q: string, extra: Partial<Parameters<SpanStore["searchTraces"]>[0]> = {}) =>
    both((s) => s.searchTraces({ projectId: QPROJECT, q, ...QWINDOW, limit: 20, sort: "start", order: "asc", columns: [], ...extra }));
  const letters = (p: TraceSearchPage) => p.traces.map((t) => `${qLetterOf(t.traceId)}:${t.matchedSpans}`).join(" ");

  // [query, traces:matched spans]. F's root is outside the window, G is another project's.
  const CASES: [string, string][] = [
    ["{}", "A:4 B:3 C:3 D:1 E:5 H:5"],
    ["{ true }", "F:1 A:4 B:3 C:3 D:1 E:5 H:5"],
    ["{ false }", ""],
    ['{ span.customer.tier = "enterprise" }', "A:2"],
    ['{ span.customer.tier != "enterprise" }', "F:1 B:1 C:1 D:1"],
    ['{ span.customer.tier =~ "ent.*" }', "A:2 D:1"],
    ['{ span.customer.tier !~ "ent.*" }', "F:1 B:1 C:1"],
    ['{ span.customer.tier > "free" }', "C:1"],
    ["{ span.http.response.status_code >= 500 }", "A:2 C:1"],
    ["{ span.http.response.status_code != 200 }", "A:2 C:1"],
    ["{ span.http.response.status_code > 501.5 }", "A:1 C:1"],
    ["{ span.retry.ratio = 0.5 }", "A:1"],
    ["{ span.load.factor < 1 }", "B:1"],
    ["{ span.items >= 2 }", "H:3"],
    ["{ span.items > 4 }", "H:1"],
    ["{ span.big.id = 9007199254740993 }", "C:1"],
    ["{ span.big.id = 9007199254740992 }", ""],
    ["{ span.cache.hit = true }", "B:1"],
    ["{ span.cache.hit != true }", "A:1"],
    ['{ span."key with spaces" = "yes" }', "B:1"],
    ["{ span.cache.hit != nil }", "A:1 B:1"],
    ["{ span.customer.tier = nil && kind = server }", "E:1"],
    ['{ span.http.method = "1" }', ""],
    // Values are parameters, never spliced: quotes and SQL in them are just text.
    [`{ span.customer.tier = "x' OR 1=1 --" || span."it's" != nil }`, ""],
    ['{ .team = "ent" }', "D:1"],
    ['{ .region = "us" }', "D:1"],
    ['{ resource.region = "eu" }', "D:1"],
    ['{ resource.service.name = "db" }', "A:2"],
    ['{ resource.service.name =~ "front.*" }', "F:1 A:2 B:3"],
    ["{ resource.k8s.pod.name != nil }", "C:1"],
    ['{ name = "charge" }', "A:1"],
    ["{ status = error }", "A:1 C:1 E:1"],
    ["{ status != unset }", "A:1 B:1 C:1 E:1"],
    ["{ status = unset && kind = consumer }", "C:1"],
    ['{ statusMessage =~ "time.*" }', "E:1"],
    ["{ statusMessage != nil }", "A:1 E:1"],
    ["{ kind != internal && kind != server }", "A:2 C:2 D:1 E:2"],
    ["{ duration > 1s }", "A:1 C:1 D:1 H:1"],
    ["{ duration = 100ms }", "E:1 H:1"],
    ["{ duration <= 10ms }", "F:1 A:1 B:1 C:1"],
    ['{ event:name = "exception" }', "A:1"],
    ['{ event:name =~ "cache.*" }', "E:1"],
    ["{ event:name != nil }", "A:1 E:1"],
    ['{ trace:rootName = "GET /checkout" }', "A:4"],
    ['{ rootServiceName = "orders" }', "C:3"],
    ["{ trace:duration > 5s }", "F:1 D:1"],
    ["{ span:parentID = nil }", "A:1 B:1 C:1 D:1 E:1 H:1"],
    [`{ span:id = "${qSpanId("A2").toUpperCase()}" }`, "A:1"],
    ['{ instrumentation:name = "cron-lib" && instrumentation:version = "1.2.0" }', "D:1"],
    ['{ (name = "charge" || name = "log") && status = error }', "A:1"],
    ['{ !(span.customer.tier = "enterprise") && kind = server }', "B:1 C:1 E:1"],
    ['{ name = "charge" } && { name = "fetch row" }', "A:2"],
    ['{ name = "charge" } && { name = "render" }', ""],
    ['{ name = "charge" } || { name = "render" }', "A:1 B:1"],
    ["{ kind = server } && { status = error }", "A:2 C:1 E:2"],
    ['({ name = "charge" } && { name = "fetch row" }) || { name = "render" }', "A:2 B:1"],
    ['{ name = "task" } | { span.items > 1 }', "H:3"],
  ];

  it.each(CASES)("%s", async (q, expected) => {
    const { duck, ch } = await search(q);
    expect(letters(duck), "DuckDB").toBe(expected);
    expect(ch).toEqual(duck);
  });

  it("sorts, pages with the cursor, counts and fills attribute columns alike", async () => {
    const columns = [{ scope: "span" as const, key: "customer.tier" }, { scope: "any" as const, key: "service.name" },
      { scope: "resource" as const, key: "region" }];
    for (const sort of ["start", "duration", "spans", "errors"] as const) {
      for (const order of ["asc", "desc"] as const) {
        for (const q of ["{}", "{ duration > 5ms }", "{ kind = server } || { status = error }"]) {
          let cursor = undefined as Parameters<SpanStore["searchTraces"]>[0]["cursor"];
          for (let page = 0; page < 5; page++) {
            const got = await search(q, { sort, order, limit: 2, columns, cursor });
            expect(got.ch, `${q} ${sort} ${order} page ${page}`).toEqual(got.duck);
            if (!got.duck.nextCursor) break;
            const { decodeSearchCursor } = await import("../cursor");
            cursor = decodeSearchCursor(got.duck.nextCursor)!;
          }
        }
      }
    }
  });

  it("the duration histogram", async () => {
    for (const q of ["{}", "{ kind = server }", '{ name = "task" } || { status = error }', "{ kind = server } >> { status = error }"]) {
      const got = await both((s) => s.durationHistogram({ projectId: QPROJECT, q, ...QWINDOW }));
      expect(got.ch, q).toEqual(got.duck);
    }
  });
});

/**
 * Charts on the same spans: H's spans were kept at 50%, so counts, sums and averages are
 * weighted on both engines. Percentiles: DuckDB's quantile_cont and ClickHouse's
 * quantileExactInclusive are the same estimator (exact, linear between neighbours);
 * floating-point sums may differ in the last bits, so values are compared to 9 digits.
 */
describe("metrics on ClickHouse answer as DuckDB's", () => {
  const round = (r: MetricsResult) => JSON.parse(JSON.stringify(r, (_k, v: unknown) =>
    typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(9)) : v)) as MetricsResult;
  const base = { projectId: QPROJECT, ...QWINDOW, stepNs: 2_000_000_000n, topN: 10 };
  const CASES: [string, Omit<MetricsQuery, keyof typeof base>][] = [
    ["count", { filter: null, measure: { fn: "count" }, groupBy: [] }],
    ["rate by service", { filter: null, measure: { fn: "rate" }, groupBy: [{ intrinsic: "service" }] }],
    ["errorRate by kind, status", { filter: "{}", measure: { fn: "errorRate" }, groupBy: [{ intrinsic: "kind" }, { intrinsic: "status" }] }],
    // Top 2 names: task (8 weighted spans), batch job (2), then a tie the engines may break differently.
    ["avg(duration) by name, top 2", { filter: null, measure: { fn: "avg", of: "duration" }, groupBy: [{ intrinsic: "name" }], topN: 2 } as never],
    ["p50(duration) of server spans", { filter: "{ kind = server }", measure: { fn: "p50", of: "duration" }, groupBy: [] }],
    ["p90(duration) by tier", { filter: null, measure: { fn: "p90", of: "duration" }, groupBy: [{ scope: "span", key: "customer.tier" }] }],
    ["p95 / p99(duration)", { filter: "{ duration > 1ms }", measure: { fn: "p95", of: "duration" }, groupBy: [] }],
    ["p99(duration) by .service.name", { filter: null, measure: { fn: "p99", of: "duration" }, groupBy: [{ scope: "any", key: "service.name" }] }],
    ["min / max(span.items)", { filter: '{ name = "task" }', measure: { fn: "min", of: { scope: "span", key: "items" } }, groupBy: [] }],
    ["max(span.items)", { filter: null, measure: { fn: "max", of: { scope: "any", key: "items" } }, groupBy: [] }],
    ["sum(span.items) weighted", { filter: null, measure: { fn: "sum", of: { scope: "span", key: "items" } }, groupBy: [] }],
    ["avg(span.items) weighted", { filter: null, measure: { fn: "avg", of: { scope: "span", key: "items" } }, groupBy: [{ intrinsic: "name" }], topN: 2 } as never],
    ["countDistinct(trace)", { filter: "{ status = error } || { kind = server }", measure: { fn: "countDistinct", of: "trace" }, groupBy: [] }],
    ["countDistinct(.customer.tier) by http status", { filter: null, measure: { fn: "countDistinct", of: { scope: "any", key: "customer.tier" } },
      groupBy: [{ scope: "span", key: "http.response.status_code" }] }],
    ["p75(duration), any quantile", { filter: null, measure: { fn: "quantile", q: 0.75, of: "duration" }, groupBy: [{ intrinsic: "kind" }] }],
    ["p99.9(span.items)", { filter: null, measure: { fn: "quantile", q: 0.999, of: { scope: "span", key: "items" } }, groupBy: [] }],
    // Room for every bucket: folding ties into "other" is an engine's choice (see top 2 above).
    ["histogram of duration", { filter: null, measure: { fn: "count" }, groupBy: [{ log2Bucket: "duration" }], topN: 50 } as never],
    ["histogram of .items by name", { filter: null, measure: { fn: "count" },
      groupBy: [{ intrinsic: "name" }, { log2Bucket: { scope: "any", key: "items" } }], topN: 50 } as never],
    ["count of { A } && { B }", { filter: '{ name = "charge" } && { name = "fetch row" }', measure: { fn: "count" }, groupBy: [{ intrinsic: "name" }] }],
  ];

  it.each(CASES)("%s", async (_label, c) => {
    const q = { ...base, ...c } as MetricsQuery;
    const got = await both((s) => s.queryMetrics(q));
    const sorted = (r: MetricsResult) => ({ ...round(r), series: [...round(r).series].sort((a, b) =>
      b.count - a.count || JSON.stringify(a.group).localeCompare(JSON.stringify(b.group))) });
    expect(got.duck.series.length).toBeGreaterThan(0);
    expect(sorted(got.ch)).toEqual(sorted(got.duck));
  });
});

/**
 * Rows inserted exactly as the collector's clickhouseexporter writes them: its DDL (from
 * its traces_table.sql), its column set, every value a string, SpanKind and StatusCode
 * as ptrace names them. Spanlens reads them in read mode, creating nothing.
 */
describe("read mode on a collector-filled otel_traces", () => {
  const DDL = `CREATE TABLE otel.otel_traces (
    Timestamp DateTime64(9) CODEC(Delta(8), ZSTD(1)), TraceId String CODEC(ZSTD(1)), SpanId String CODEC(ZSTD(1)),
    ParentSpanId String CODEC(ZSTD(1)), TraceState String CODEC(ZSTD(1)), SpanName LowCardinality(String) CODEC(ZSTD(1)),
    SpanKind LowCardinality(String) CODEC(ZSTD(1)), ServiceName LowCardinality(String) CODEC(ZSTD(1)),
    ResourceAttributes Map(LowCardinality(String), String) CODEC(ZSTD(1)), ScopeName String CODEC(ZSTD(1)),
    ScopeVersion String CODEC(ZSTD(1)), SpanAttributes Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    Duration UInt64 CODEC(T64, ZSTD(1)), StatusCode LowCardinality(String) CODEC(ZSTD(1)), StatusMessage String CODEC(ZSTD(1)),
    Events Nested (Timestamp DateTime64(9), Name LowCardinality(String), Attributes Map(LowCardinality(String), String)) CODEC(ZSTD(1)),
    Links Nested (TraceId String, SpanId String, TraceState String, Attributes Map(LowCardinality(String), String)) CODEC(ZSTD(1)),
    INDEX idx_trace_id TraceId TYPE bloom_filter(0.001) GRANULARITY 1,
    INDEX idx_span_attr_key mapKeys(SpanAttributes) TYPE bloom_filter(0.01) GRANULARITY 1
  ) ENGINE = MergeTree() PARTITION BY toDate(Timestamp) ORDER BY (ServiceName, SpanName, toDateTime(Timestamp))
  TTL toDateTime(Timestamp) + toIntervalDay(7) SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1`;
  const COLLECTOR_TRACE = "5b8efff798038103d269b633813fc60c";
  const rows = [
    {
      Timestamp: "2026-11-30 06:00:00.123456789", TraceId: COLLECTOR_TRACE, SpanId: "eee19b7ec3c1b174", ParentSpanId: "",
      TraceState: "", SpanName: "GET /api", SpanKind: "Server", ServiceName: "frontend",
      ResourceAttributes: { "service.name": "frontend", "host.cores": "8" }, ScopeName: "io.opentelemetry.http", ScopeVersion: "2.1",
      SpanAttributes: { "http.status_code": "500", "http.route": "/api", retry: "true", tags: "[\"a\",\"b\"]" },
      Duration: "1500000001", StatusCode: "Error", StatusMessage: "upstream failed",
      "Events.Timestamp": ["2026-11-30 06:00:00.500000001"], "Events.Name": ["exception"],
      "Events.Attributes": [{ "exception.message": "boom" }],
      "Links.TraceId": ["ab".repeat(16)], "Links.SpanId": ["cd".repeat(8)], "Links.TraceState": [""], "Links.Attributes": [{ weight: "1" }],
    },
    {
      Timestamp: "2026-11-30 06:00:00.200000000", TraceId: COLLECTOR_TRACE, SpanId: "0011223344556677", ParentSpanId: "eee19b7ec3c1b174",
      TraceState: "", SpanName: "SELECT", SpanKind: "SPAN_KIND_CLIENT", ServiceName: "",
      ResourceAttributes: {}, ScopeName: "", ScopeVersion: "", SpanAttributes: { "db.system": "mysql" },
      Duration: "7", StatusCode: "STATUS_CODE_UNSET", StatusMessage: "",
      "Events.Timestamp": [], "Events.Name": [], "Events.Attributes": [],
      "Links.TraceId": [], "Links.SpanId": [], "Links.TraceState": [], "Links.Attributes": [],
    },
  ];
  let reader: ClickHouseSpanStore;

  beforeAll(async () => {
    // The write-mode store's client shares chDB's one engine; a second client on the same
    // directory sets the collector's table up.
    const { createClient } = await import("@clickhouse/client");
    const { createChdbConnection } = await import("chdb/connection");
    const raw = createClient({ connection: createChdbConnection({ path: chdbTestConfig().chdbPath }) as never });
    await raw.command({ query: "CREATE DATABASE IF NOT EXISTS otel" });
    await raw.command({ query: DDL });
    // chDB keeps per-request settings as session SETs: name an empty token, as the collector sends none.
    await raw.insert({ table: "otel.otel_traces", values: rows, format: "JSONEachRow", clickhouse_settings: { insert_deduplication_token: "" } });
    await raw.close();
    reader = await ClickHouseSpanStore.open(chdbTestConfig({ database: "otel", mode: "read" }));
    cleanups.push(() => reader.close());
  });

  it("reads the trace back: values as strings, kinds and statuses of either naming, nanoseconds", async () => {
    const trace = await reader.getTrace(7, COLLECTOR_TRACE);
    expect(trace!.total).toBe(2);
    const [root, child] = trace!.spans;
    expect(root).toEqual({
      spanId: "eee19b7ec3c1b174", parentSpanId: null, name: "GET /api", kind: "server", serviceName: "frontend",
      startTimeUnixNano: "1796018400123456789", endTimeUnixNano: "1796018401623456790", durationMs: 1500.000001,
      status: { code: "error", message: "upstream failed" },
      attributes: { "http.route": "/api", "http.status_code": "500", retry: "true", tags: "[\"a\",\"b\"]" },
      resource: { "host.cores": "8", "service.name": "frontend" },
      events: [{ name: "exception", timeUnixNano: "1796018400500000001", attributes: { "exception.message": "boom" } }],
      links: [{ traceId: "ab".repeat(16), spanId: "cd".repeat(8), traceState: "", attributes: { weight: "1" } }],
    });
    expect(child).toMatchObject({ kind: "client", status: { code: "unset", message: "" }, serviceName: "unknown_service", durationMs: 0.000007 });
    expect(await reader.getSpan(7, COLLECTOR_TRACE, "0011223344556677")).toEqual(child);
    expect(await reader.getTraceSummary(7, COLLECTOR_TRACE)).toEqual({
      traceId: COLLECTOR_TRACE, rootName: "GET /api", rootService: "frontend", startTimeUnixNano: "1796018400123456789",
      durationMs: 1500.000001, spanCount: 2, errorCount: 1,
    });
    const compact = await reader.getCompactTrace(7, COLLECTOR_TRACE);
    expect(compact).toMatchObject({ spanCount: 2, status: [2, 0], kind: [2, 3], events: [0, 376543212, 1] });
    expect(await reader.countSpans(7)).toBe(2);
    const keys = await reader.listAttributeKeys({ projectId: 7, scope: "span", limit: 10 });
    expect(keys.map((k) => [k.key, k.types])).toContainEqual(["http.status_code", ["string"]]);
    expect((await reader.listAttributeValues({ projectId: 7, key: "http.route", limit: 5 })).values).toEqual([{ value: "/api", type: "string", count: 1 }]);
  });

  it("answers TraceQL and metrics over the collector's text values", async () => {
    const window = { projectId: 7, startNs: 0n, endNs: 2n ** 62n };
    const find = async (q: string) => (await reader.searchTraces({ ...window, q, limit: 5, sort: "start", order: "desc", columns: [] }))
      .traces.map((t) => `${t.traceId === COLLECTOR_TRACE ? "T" : t.traceId}:${t.matchedSpans}`).join(" ");
    // Without type maps a numeric literal matches values that parse as numbers, a bool literal "true"/"false".
    expect(await find('{ span.http.status_code >= 500 && resource.service.name = "frontend" }')).toBe("T:1");
    expect(await find("{ span.retry = true }")).toBe("T:1");
    expect(await find('{ span.http.route = "/api" } && { span.db.system = "mysql" }')).toBe("T:2");
    expect(await find("{ kind = client && status = unset && duration < 1ms }")).toBe("T:1");
    expect(await find("{ span.http.status_code < 500 }")).toBe("");
    const page = await reader.searchTraces({ ...window, q: "{}", limit: 5, sort: "duration", order: "desc", columns: [{ scope: "any", key: "http.route" }] });
    expect(page.traces[0]).toMatchObject({
      traceId: COLLECTOR_TRACE, rootName: "GET /api", rootService: "frontend", spanCount: 2, errorCount: 1, columns: { ".http.route": "/api" },
    });
    const chart = await reader.queryMetrics({
      ...window, filter: null, measure: { fn: "count" }, groupBy: [{ intrinsic: "service" }], stepNs: 2n ** 61n, topN: 5,
    });
    expect(chart.series.map((s) => [s.group["resource.service.name"], s.count]).sort()).toEqual([["frontend", 1], ["unknown_service", 1]]);
  });

  it("writes nothing: ingest is refused, purges leave the collector's TTL in charge", async () => {
    const err = await reader.ingest(7, [span({ n: 1 })]).then(() => null, (e: unknown) => e);
    expect(isNotSupported(err)).toBe(true);
    // The HTTP layer answers what an engine cannot do with 501 JSON naming it.
    const res = badRequestResponse(err)!;
    expect(res.status).toBe(501);
    expect((await res.json()).error).toMatch(/^Ingest is not supported in ClickHouse read mode/);
    expect(await reader.purgeBefore(null, 2n ** 62n)).toEqual({ spans: 0 });
    expect(await reader.countSpans(7)).toBe(2);
  });
});
