/**
 * Hot keys in dedicated MATERIALIZED columns: added at start in write mode, found by
 * their comments, read by the TraceQL compiler instead of the maps, and answering as
 * DuckDB does (for present, missing, typed and unscoped keys). A file of its own: chDB
 * allows one data directory per process.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTempStore } from "../duckdb/test-store";
import type { SpanStore } from "../types";
import type { ClickHouseSpanStore } from "./store";
import { hotColumnName, hotColumnStatements, loadHotColumns, type HotKey } from "./hot-columns";
import { QPROJECT, QWINDOW, queryFixtureBatches } from "./query-fixture";
import { openTempChStore, removeChdbTestDir } from "./test-store";
import { compileChQuery } from "./traceql/compile";

const HOT: HotKey[] = [
  { scope: "span", key: "customer.tier" },
  { scope: "span", key: "items" },
  { scope: "span", key: "cache.hit" },
  { scope: "span", key: "region" },
  { scope: "resource", key: "region" },
  { scope: "resource", key: "service.name" },
  { scope: "span", key: "key with spaces" },
  { scope: "span", key: "it's \\ odd" },
];

let duck: SpanStore;
let ch: ClickHouseSpanStore;
let chConfig: Awaited<ReturnType<typeof openTempChStore>>["config"];
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  const d = await openTempStore();
  const c = await openTempChStore({}, { hotKeys: HOT });
  cleanups.push(d.cleanup, c.cleanup);
  duck = d.store;
  ch = c.store;
  chConfig = c.config;
  for (const store of [duck, ch]) {
    for (const b of queryFixtureBatches()) await store.ingest(b.projectId, b.spans, b.rates.length ? { sampleRates: b.rates } : {});
  }
}, 180_000); // opening chDB is slow on a loaded machine

afterAll(async () => {
  for (const c of cleanups) await c();
  removeChdbTestDir();
});

const client = () => (ch as unknown as { client: Parameters<typeof loadHotColumns>[0] }).client;

describe("hot-key columns on ClickHouse", () => {
  it("adds a value and a type column per hot key, MATERIALIZED from the maps, found again by comment", async () => {
    const hot = await loadHotColumns(client(), chConfig);
    // Configured keys replace DEFAULT_HOT_KEYS; the catalog adds none this early (no spans at start).
    for (const h of HOT) expect(hot.get(`${h.scope}:${h.key}`), h.key).toEqual({
      value: `\`${hotColumnName(h, "value")}\``, type: `\`${hotColumnName(h, "type")}\``,
    });
    expect(hot.has("span:http.route")).toBe(false);
    expect(hot.size).toBe(HOT.length);
    const rs = await client().query({
      query: `SELECT ${hotColumnName(HOT[0], "value")} AS tier, ${hotColumnName(HOT[1], "type")} AS items_type
        FROM \`${chConfig.database}\`.otel_traces WHERE SpanName IN ('GET /checkout', 'task') ORDER BY Timestamp, SpanId`,
      format: "JSONEachRow",
    });
    const rows = await rs.json<{ tier: string | null; items_type: string }>();
    expect(rows.map((r) => r.tier)).toContain("enterprise");
    expect(rows.map((r) => r.tier)).toContain(null); // a span without the key: NULL, not ''
    expect(rows.map((r) => r.items_type)).toEqual(expect.arrayContaining(["int", "double", ""]));
  });

  it("the compiler reads the columns instead of the maps", () => {
    const hot = new Map([["span:customer.tier", { value: "`hot_tier`", type: "`hot_tier_t`" }]]);
    const { where } = compileChQuery('{ span.customer.tier = "enterprise" }', { maps: { typed: true, hot }, traces: () => "" });
    expect(where).toContain("`hot_tier`");
    expect(where).not.toContain("SpanAttributes");
  });

  it.each([
    '{ span.customer.tier = "enterprise" }',
    '{ span.customer.tier != "enterprise" }',
    "{ span.customer.tier = nil && kind = server }",
    '{ span.customer.tier =~ "ent.*" }',
    "{ span.items >= 2 }",
    "{ span.items > 4 }",
    "{ span.cache.hit = true }",
    "{ span.cache.hit != nil }",
    '{ .region = "us" }',
    '{ resource.region = "eu" }',
    '{ .service.name = "db" }',
    '{ span."key with spaces" = "yes" }',
    '{ name = "task" } | avg(span.items) > 2.5',
    '{ .customer.tier = "enterprise" } >> { resource.service.name = "db" }',
  ])("%s answers as DuckDB", async (q) => {
    const search = (s: SpanStore) => s.searchTraces({ projectId: QPROJECT, q, ...QWINDOW, limit: 20, sort: "start", order: "asc", columns: [] });
    const want = await search(duck);
    expect(await search(ch)).toEqual(want);
  });

  it("on a cluster, alters the local tables and the Distributed one, ON CLUSTER; keys stay quoted", () => {
    const sql = hotColumnStatements({ database: "spanlens", table: "otel_traces", cluster: "traces" }, [HOT[7]]);
    expect(sql).toHaveLength(4);
    expect(sql.filter((s) => s.startsWith("ALTER TABLE `spanlens`.`otel_traces_local` ON CLUSTER `traces` ADD COLUMN IF NOT EXISTS"))).toHaveLength(2);
    expect(sql.filter((s) => s.startsWith("ALTER TABLE `spanlens`.`otel_traces` ON CLUSTER `traces` ADD COLUMN IF NOT EXISTS"))).toHaveLength(2);
    expect(sql[0]).toContain("mapContains(SpanAttributes, 'it\\'s \\\\ odd')");
    expect(hotColumnStatements({ database: "spanlens", table: "otel_traces" }, [HOT[0]], false)).toHaveLength(1);
  });
});
