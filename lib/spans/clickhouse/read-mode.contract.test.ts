/**
 * Funnels, attribute statistics, search within a trace and the sampling preview in read
 * mode, on rows inserted as the collector's exporter writes them (every value a string, no
 * ProjectId, no type maps), against DuckDB holding the same spans with string values.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Attr, NormalizedSpan } from "@/lib/ingest/types";
import type { FunnelQuery } from "@/lib/metrics/funnel-types";
import { parseTraceSearch } from "@/lib/waterfall/search-query";
import { openTempStore } from "../duckdb/test-store";
import type { SpanStore } from "../types";
import { KIND_TEXT, STATUS_TEXT } from "./names";
import { COLLECTOR_COLUMNS } from "./schema";
import { ClickHouseSpanStore } from "./store";
import { chdbTestConfig, removeChdbTestDir } from "./test-store";

const T0 = 1_764_000_000_000_000_000n;
const MIN = 60_000_000_000n;
const hex = (v: number, len: number) => v.toString(16).padStart(len, "0");
const str = (key: string, v: string): Attr => ({ key, value: { t: "str", v } });

let n = 0;
function visit(user: string, stage: string, atMin: number, extra: Attr[] = []): NormalizedSpan[] {
  const traceId = hex(++n, 32);
  const start = T0 + BigInt(atMin) * MIN;
  const base = {
    traceId, traceState: "", kind: 2 as const, statusCode: 0 as const, statusMessage: "", resource: [str("service.name", "shop")],
    scopeName: "", scopeVersion: "", events: [], links: [], droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0,
  };
  return [
    { ...base, spanId: hex(n * 2, 16), parentSpanId: null, name: "request", startNs: start, endNs: start + 1000n,
      attributes: [str("user.id", user), str("http.status_code", String(200 + n)), ...extra] },
    { ...base, spanId: hex(n * 2 + 1, 16), parentSpanId: hex(n * 2, 16), name: stage, startNs: start + 10n, endNs: start + 500n,
      kind: 1, statusCode: stage === "cart" ? 2 : 0, statusMessage: stage === "cart" ? "out of stock" : "", attributes: [str("funnel.stage", stage)] },
  ];
}

const SPANS = [
  visit("u1", "view", 0), visit("u1", "cart", 2), visit("u1", "checkout", 3),
  visit("u2", "view", 0, [str("retry", "true")]), visit("u2", "checkout", 1),
  visit("u3", "cart", 0), visit("u3", "view", 1), visit("u3", "cart", 2, [str("ratio", "2.5")]),
].flat();

const stamp = (ns: bigint) => {
  const d = new Date(Number(ns / 1_000_000n));
  return `${d.toISOString().slice(0, 19).replace("T", " ")}.${(ns % 1_000_000_000n).toString().padStart(9, "0")}`;
};
const plain = (attrs: Attr[]) => Object.fromEntries(attrs.map((a) => [a.key, a.value.t === "str" ? a.value.v : ""]));

/** A span as the collector's exporter writes it. */
const collectorRow = (s: NormalizedSpan) => ({
  Timestamp: stamp(s.startNs), TraceId: s.traceId, SpanId: s.spanId, ParentSpanId: s.parentSpanId ?? "", TraceState: "",
  SpanName: s.name, SpanKind: KIND_TEXT[s.kind], ServiceName: "shop", ResourceAttributes: plain(s.resource), ScopeName: "",
  ScopeVersion: "", SpanAttributes: plain(s.attributes), Duration: String(s.endNs - s.startNs), StatusCode: STATUS_TEXT[s.statusCode],
  StatusMessage: s.statusMessage, "Events.Timestamp": [], "Events.Name": [], "Events.Attributes": [],
  "Links.TraceId": [], "Links.SpanId": [], "Links.TraceState": [], "Links.Attributes": [],
});

let duck: Awaited<ReturnType<typeof openTempStore>>;
let reader: ClickHouseSpanStore;
beforeAll(async () => {
  duck = await openTempStore();
  await duck.store.ingest(1, SPANS);
  const { createClient } = await import("@clickhouse/client");
  const { createChdbConnection } = await import("chdb/connection");
  const raw = createClient({ connection: createChdbConnection({ path: chdbTestConfig().chdbPath }) as never });
  await raw.command({ query: "CREATE DATABASE IF NOT EXISTS otel_read" });
  await raw.command({ query: `CREATE TABLE otel_read.otel_traces (${COLLECTOR_COLUMNS}) ENGINE = MergeTree()
    PARTITION BY toDate(Timestamp) ORDER BY (ServiceName, SpanName, toDateTime(Timestamp))` });
  await raw.insert({ table: "otel_read.otel_traces", values: SPANS.map(collectorRow), format: "JSONEachRow",
    clickhouse_settings: { insert_deduplication_token: "" } });
  await raw.close();
  reader = await ClickHouseSpanStore.open(chdbTestConfig({ database: "otel_read", mode: "read" }));
}, 120_000);
afterAll(async () => {
  await reader?.close();
  await duck?.cleanup();
  removeChdbTestDir();
});

async function same<T>(fn: (s: SpanStore) => Promise<T>): Promise<T> {
  const d = await fn(duck.store);
  expect(await fn(reader)).toEqual(d);
  return d;
}

const funnel = (extra: Partial<FunnelQuery> = {}): FunnelQuery => ({
  projectId: 1, steps: ["view", "cart", "checkout"].map((s) => `{ span.funnel.stage = "${s}" }`),
  by: { scope: "span", key: "user.id" }, windowNs: 60n * MIN, startNs: T0, endNs: T0 + 100n * MIN, ...extra,
});

describe("read mode answers as DuckDB does over the same string values", () => {
  it("funnels and drop-off", async () => {
    const res = await same((s) => s.queryFunnel(funnel({ breakdown: { scope: "resource", key: "service.name" } })));
    expect(res.steps.map((s) => s.count)).toEqual([3, 2, 1]);
    await same((s) => s.queryFunnel(funnel({ by: "trace", steps: ['{ name = "request" }', "{ status = error }"] })));
    await same((s) => s.funnelDropOff(funnel(), 1, 10));
  });

  it("attribute statistics", async () => {
    const all = { projectId: 1, startNs: 0n, endNs: (1n << 63n) - 1n };
    for (const key of ["user.id", "funnel.stage"]) await same((s) => s.attributeStats({ ...all, key, scope: "span" }));
    // Where the engines differ: the collector writes numbers as text. Read mode takes text
    // that parses as a number for one (as its TraceQL and charts do), DuckDB's string has none.
    for (const key of ["http.status_code", "ratio"]) {
      const d = await duck.store.attributeStats({ ...all, key, scope: "span" });
      const c = await reader.attributeStats({ ...all, key, scope: "span" });
      expect({ ...c, numeric: null }).toEqual(d);
      expect(c.numeric).not.toBeNull();
    }
    expect((await reader.attributeStats({ ...all, key: "http.status_code", scope: "span" })).numeric)
      .toEqual({ min: 201, max: 208, avg: 204.5, p50: 204.5, p95: 207.65, sum: 1636 });
  });

  it("search within a trace", async () => {
    for (const q of ["u2", "true", "retry=true", "retry!=false", "stock", "http.status_code=204", "user.id!=u1"]) {
      for (const trace of [SPANS[0].traceId, SPANS[6].traceId]) await same((s) => s.searchInTrace(1, trace, parseTraceSearch(q), 10));
    }
  });

  it("the sampling preview", async () => {
    const res = await same((s) => s.samplingPreview(1, ["{ status = error }", '{ span.user.id = "u2" }'], T0, T0 + 100n * MIN));
    expect(res.byRule.map((r) => r.traces)).toEqual([3, 2]);
  });
});
