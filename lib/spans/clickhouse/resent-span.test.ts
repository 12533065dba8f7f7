/**
 * A span sent again in a DIFFERENT request (an exporter that re-batches after a timeout,
 * two collectors fanning in the same span). DuckDB drops it at ingest. ClickHouse stores
 * it twice: the insert token only drops a request identical to one it has seen, and the
 * ReplacingMergeTree collapses the two rows only when a merge gets to them. Merges are
 * stopped here, so the duplicate row is really there, and every read must still count the
 * span once: counts, search, trace reads, the histogram, metrics and the catalog.
 * (A file of its own: chDB allows one data directory per process, and vitest runs each
 * file in its own process.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Attr, NormalizedSpan } from "@/lib/ingest/types";
import type { MetricsQuery } from "@/lib/metrics/types";
import { openTempStore } from "../duckdb/test-store";
import type { SpanStore } from "../types";
import { chdbTestConfig, openTempChStore, removeChdbTestDir } from "./test-store";

const T0 = 1_764_000_000_000_000_000n;
const MS = 1_000_000n;
const TRACE = "7a1c0e5d9b3f42a68e0d1c2b3a495867";
const OTHER = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const sid = (n: number) => n.toString(16).padStart(16, "0");
const str = (key: string, v: string): Attr => ({ key, value: { t: "str", v } });
const RESOURCE: Attr[] = [str("service.name", "checkout")];

function span(n: number, p: Partial<NormalizedSpan> = {}): NormalizedSpan {
  const start = T0 + BigInt(n) * 10n * MS;
  return {
    traceId: TRACE, spanId: sid(n), parentSpanId: n === 1 ? null : sid(1), traceState: "", name: `op-${n}`, kind: 1,
    startNs: start, endNs: start + BigInt(n) * 7n * MS, statusCode: 0, statusMessage: "",
    attributes: [str("customer.tier", n % 2 ? "enterprise" : "free"), { key: "items", value: { t: "int", v: BigInt(n) } }],
    resource: RESOURCE, scopeName: "resend-test", scopeVersion: "1", events: [], links: [],
    droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0, ...p,
  };
}

// Span 2 (an error) travels in both requests; so does span 11, the root of another trace.
const FIRST = [span(1, { kind: 2 }), span(2, { statusCode: 2 }), span(3), span(11, { traceId: OTHER, parentSpanId: null })];
const SECOND = [span(2, { statusCode: 2 }), span(4), span(11, { traceId: OTHER, parentSpanId: null })];
const WINDOW = { startNs: T0, endNs: T0 + 60_000n * MS };
const DATABASE = `resend_${process.pid}`;

const engines = {} as { duck: SpanStore; ch: SpanStore };
const cleanups: (() => Promise<void>)[] = [];
let rawRows: () => Promise<number>;

beforeAll(async () => {
  const duck = await openTempStore();
  const ch = await openTempChStore({ database: DATABASE });
  cleanups.push(duck.cleanup, ch.cleanup);
  engines.duck = duck.store;
  engines.ch = ch.store;
  const { createClient } = await import("@clickhouse/client");
  const { createChdbConnection } = await import("chdb/connection");
  const raw = createClient({ connection: createChdbConnection({ path: chdbTestConfig().chdbPath }) as never });
  cleanups.push(() => raw.close());
  // Without this a background merge could collapse the duplicate before the reads run,
  // and the test would pass whatever the reads do.
  await raw.command({ query: `SYSTEM STOP MERGES \`${DATABASE}\`.otel_traces` });
  rawRows = async () => {
    const rs = await raw.query({ query: `SELECT toString(count()) AS n FROM \`${DATABASE}\`.otel_traces`, format: "JSONEachRow" });
    return Number((await rs.json<{ n: string }>())[0].n);
  };
  for (const store of [engines.duck, engines.ch]) {
    await store.ingest(1, FIRST);
    await store.ingest(1, SECOND);
  }
});

afterAll(async () => {
  for (const c of cleanups) await c();
  removeChdbTestDir();
});

async function both<T>(fn: (s: SpanStore) => Promise<T>): Promise<{ duck: T; ch: T }> {
  return { duck: await fn(engines.duck), ch: await fn(engines.ch) };
}

describe("a span re-sent in another request counts once on ClickHouse, as on DuckDB", () => {
  it("is stored twice by ClickHouse until a merge (what the reads below must see through)", async () => {
    expect(await rawRows()).toBe(FIRST.length + SECOND.length);
    expect(await both((s) => s.countSpans(1))).toEqual({ duck: 5, ch: 5 });
  });

  it("trace reads and summaries", async () => {
    for (const trace of [TRACE, OTHER]) {
      const full = await both((s) => s.getTrace(1, trace));
      expect(full.ch).toEqual(full.duck);
      const compact = await both((s) => s.getCompactTrace(1, trace));
      expect(compact.ch).toEqual(compact.duck);
      const summary = await both((s) => s.getTraceSummary(1, trace));
      expect(summary.ch).toEqual(summary.duck);
    }
    expect((await engines.ch.getTraceSummary(1, TRACE))).toMatchObject({ spanCount: 4, errorCount: 1 });
  });

  it("search counts and the duration histogram", async () => {
    for (const q of ["{}", "{ status = error }", '{ span.customer.tier = "free" }', "{ kind = server } && { status = error }"]) {
      const page = await both((s) => s.searchTraces({
        projectId: 1, q, ...WINDOW, limit: 20, sort: "start", order: "asc", columns: [{ scope: "span", key: "customer.tier" }],
      }));
      expect(page.ch, q).toEqual(page.duck);
      const histogram = await both((s) => s.durationHistogram({ projectId: 1, q, ...WINDOW }));
      expect(histogram.ch, q).toEqual(histogram.duck);
    }
  });

  it("metrics", async () => {
    const base = { projectId: 1, ...WINDOW, stepNs: 10_000n * MS, topN: 10 };
    const cases: Pick<MetricsQuery, "filter" | "measure" | "groupBy">[] = [
      { filter: null, measure: { fn: "count" }, groupBy: [] },
      { filter: null, measure: { fn: "errorRate" }, groupBy: [{ intrinsic: "name" }] },
      { filter: "{}", measure: { fn: "sum", of: { scope: "span", key: "items" } }, groupBy: [{ scope: "span", key: "customer.tier" }] },
      { filter: "{ status = error } || { kind = server }", measure: { fn: "count" }, groupBy: [] },
      { filter: null, measure: { fn: "avg", of: "duration" }, groupBy: [] },
      { filter: null, measure: { fn: "p50", of: "duration" }, groupBy: [] },
    ];
    for (const c of cases) {
      const got = await both((s) => s.queryMetrics({ ...base, ...c }));
      // Series of equal count come in no set order on either engine.
      const sorted = (r: typeof got.ch) => ({ ...r, series: [...r.series].sort((a, b) =>
        JSON.stringify(a.group).localeCompare(JSON.stringify(b.group))) });
      expect(sorted(got.ch), JSON.stringify(c.measure)).toEqual(sorted(got.duck));
    }
    const count = await engines.ch.queryMetrics({ ...base, ...cases[0] });
    expect(count.series[0].count).toBe(5);
  });

  it("the attribute catalog", async () => {
    const keys = await both((s) => s.listAttributeKeys({ projectId: 1, limit: 100 }));
    expect(keys.ch).toEqual(keys.duck);
    expect(keys.ch.find((k) => k.key === "customer.tier")?.spanCount).toBe(5);
    for (const key of ["customer.tier", "items", "name"]) {
      const values = await both((s) => s.listAttributeValues({ projectId: 1, key, limit: 10 }));
      expect(values.ch, key).toEqual(values.duck);
    }
  });
});
