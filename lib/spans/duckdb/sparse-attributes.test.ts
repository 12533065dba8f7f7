import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Attr, NormalizedSpan } from "@/lib/ingest/types";
import { compileTraceQL } from "./traceql";
import { syntheticTraces } from "@/scripts/bench/synthetic";
import type { PromotedColumns } from "../layout";
import { expireCatalog } from "./purge";
import { openTempStore } from "./test-store";

const HOUR = 3_600_000_000_000n;
const END = BigInt(Date.UTC(2026, 3, 1)) * 1_000_000n;
const ALL = { startNs: 0n, endNs: (1n << 63n) - 1n };
let ctx: Awaited<ReturnType<typeof openTempStore>>;

const str = (key: string, v: string): Attr => ({ key, value: { t: "str", v } });
const int = (key: string, v: bigint): Attr => ({ key, value: { t: "int", v } });
const dbl = (key: string, v: number): Attr => ({ key, value: { t: "dbl", v } });
const bool = (key: string, v: boolean): Attr => ({ key, value: { t: "bool", v } });

/** Synthetic traces (rare keys included) of 5 spans, with `extra(i)` added to the i-th span. */
function traces(n: number, seed: number, endNs: bigint, extra: (i: number) => { attrs?: Attr[]; res?: Attr[] } = () => ({})) {
  return [...syntheticTraces({ traces: n, spansPerTrace: 5, endNs, seed })].flat().map((s, i): NormalizedSpan => {
    const e = extra(i);
    return {
      ...s, traceId: seed.toString(16).padStart(4, "0") + s.traceId.slice(4),
      attributes: [...s.attributes, ...(e.attrs ?? [])], resource: [...s.resource, ...(e.res ?? [])],
    };
  });
}

/** Attributes the queries below look for, spread over spans and types. */
const marked = (i: number) => ({
  attrs: i % 7 === 0 ? [str("order.kind", i % 2 ? "gift" : "plain"), int("order.items", BigInt(i % 9))] :
    i % 11 === 0 ? [dbl("order.items", (i % 13) + 0.5), bool("order.rush", i % 3 === 0), str("zone", "span-side")] : [],
  res: i % 5 === 0 ? [str("zone", `res-${i % 3}`), str("build", `b${i % 4}`)] : [],
});

const QUERIES = [
  '{ span.order.kind = "gift" }',
  '{ span.order.kind =~ "g.*|pl.*" && status != error }',
  "{ span.order.items >= 4 }",
  "{ span.order.items < 3.5 }",
  "{ span.order.rush = true }",
  '{ .zone = "res-1" }',
  '{ .zone = "span-side" }',
  '{ resource.build != "b0" }',
  // Synthetic rare key, stored as int on some spans and as string on others.
  "{ span.rare.key_1989 >= 0 }",
  '{ span.rare.key_1989 = "x" }',
  '{ span.order.kind = "gift" || span.order.rush = false }',
  '{ span.order.kind = "plain" } && { resource.build = "b2" }',
  '{ span.order.kind = "gift" } >> { span.order.items > 0 }',
  '{ span.order.items > 2 } | count() > 1',
  '{ !(span.order.kind = "gift") && span.order.items >= 0 }',
];

async function search(q: string, columns: PromotedColumns, index: boolean, range = ALL) {
  const page = await ctx.store.searchCompiled({
    projectId: 1, match: compileTraceQL(q, { columns, index }), ...range, limit: 1000, sort: "start", order: "desc", columns: [],
  });
  return { total: page.total, traces: page.traces.map((t) => `${t.traceId}:${t.matchedSpans}:${t.matched.map((m) => m.spanId)}`) };
}

/** Every query answers the same through the index as through the maps (and finds something). */
async function expectSameAsMaps(columns: PromotedColumns, range = ALL, nonEmpty = true) {
  for (const q of QUERIES) {
    const viaMaps = await search(q, columns, false, range);
    if (nonEmpty) expect(viaMaps.total, q).toBeGreaterThan(0);
    expect(await search(q, columns, true, range), q).toEqual(viaMaps);
  }
}

const indexRows = (where = "TRUE") => ctx.store.rawRead(async (c) =>
  Number((await c.runAndReadAll(`SELECT count(*) FROM sparse_attributes WHERE ${where}`)).getRows()[0][0]));

beforeAll(async () => {
  ctx = await openTempStore();
  // Several organiser rounds, one of them resending spans already stored.
  await ctx.store.ingest(1, traces(120, 1, END - 2n * HOUR, marked));
  await ctx.store.settled();
  await ctx.store.ingest(1, traces(120, 2, END - HOUR, marked));
  await ctx.store.ingest(2, traces(120, 2, END - HOUR, marked));
  await ctx.store.settled();
  await ctx.store.ingest(1, [...traces(120, 3, END, marked), ...traces(20, 2, END - HOUR, marked)]);
  await ctx.store.settled();
});
afterAll(() => ctx.cleanup());

describe("the sparse-attribute index", () => {
  it("holds one row per attribute of a rare key, spans resent included once", async () => {
    // Keys on every span pass the promotion thresholds by the third round: they are left
    // out (even before they are promoted), and their earlier rows dropped.
    expect(await indexRows("key = 'customer.tier'")).toBe(0);
    expect(await ctx.store.rawRead(async (c) => (await c.runAndReadAll(
      "SELECT count(*) FROM unindexed_keys WHERE scope = 'span' AND key = 'customer.tier' AND type = 'str'",
    )).getRows()[0][0])).toBe(1n);
    expect((await ctx.store.layout()).columns.size).toBe(0);
    const perSpan = await ctx.store.rawRead(async (c) => Number((await c.runAndReadAll(
      `SELECT count(*) FROM (SELECT DISTINCT project_id, trace_id, span_id, scope, key FROM sparse_attributes)`,
    )).getRows()[0][0]));
    expect(perSpan).toBe(await indexRows());
    // Three batches of 600 spans for project 1 (the resent spans are stored once).
    const perBatch = Array.from({ length: 600 }, (_, i) => marked(i).attrs).filter((a) => a.some((x) => x.key === "order.kind")).length;
    expect(await indexRows("key = 'order.kind' AND project_id = 1")).toBe(3 * perBatch);
  });

  it("answers like the maps, over several organiser rounds and narrower windows", async () => {
    const { columns } = await ctx.store.layout();
    await expectSameAsMaps(columns);
    await expectSameAsMaps(columns, { startNs: END - 6n * HOUR, endNs: END - HOUR }, false);
  });

  it("is what a rare-key filter reads, instead of the maps", async () => {
    interface Scan { table: string; reads: string; rows: number }
    const scans = async (q: string): Promise<Scan[]> => {
      const { sql, params } = compileTraceQL(q);
      const profile = await ctx.store.rawRead(async (c) => JSON.parse(String((await c.runAndReadAll(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, { ...params, project: 1, start: ALL.startNs, end: ALL.endNs },
      )).getRows()[0][1])));
      type Node = { operator_type?: string; operator_rows_scanned?: number; extra_info?: Record<string, unknown>; children?: Node[] };
      const walk = (n: Node): Scan[] => [
        ...(n.operator_type === "TABLE_SCAN" ? [{
          table: String(n.extra_info?.Table).split(".").pop()!, rows: n.operator_rows_scanned ?? 0,
          reads: `${n.extra_info?.Projections} ${n.extra_info?.Filters ?? ""}`,
        }] : []),
        ...(n.children ?? []).flatMap(walk),
      ];
      return walk(profile);
    };
    const readRows = (list: Scan[], table: string, reads = /./) =>
      list.filter((x) => x.table === table && reads.test(x.reads)).reduce((n, x) => n + x.rows, 0);
    // Alone, the comparison is answered from the index: no span is read. The maps' branch
    // (for a key promoted meanwhile) is skipped by zone maps.
    const alone = await scans('{ span.order.kind = "gift" }');
    expect(readRows(alone, "sparse_attributes")).toBeGreaterThan(0);
    expect(readRows(alone, "spans")).toBe(0);
    // With other conditions, the span scan reads plain columns: no map is decoded.
    const mixed = await scans('{ span.order.kind = "gift" && status != error }');
    expect(readRows(mixed, "spans", /status_code/)).toBeGreaterThan(0);
    expect(readRows(mixed, "spans", /attr_|res_/)).toBe(0);
  });

  it("keeps answering for a key promoted later, from before and after the promotion", async () => {
    const before = (await ctx.store.layout()).columns;
    // order.kind becomes hot: enough spans carry it to pass the promotion thresholds. The
    // round that sees it so stops indexing it, then it is promoted.
    await ctx.store.ingest(1, traces(500, 4, END + HOUR, () => ({ attrs: [str("order.kind", "plain")] })));
    await ctx.store.promoteNow();
    const after = (await ctx.store.layout()).columns;
    expect(after.has("span:str:order.kind")).toBe(true);
    expect(compileTraceQL('{ span.order.kind = "gift" }', { columns: after }).sql).not.toContain("sparse_attributes");
    // Its rows are gone and new spans are indexed without it…
    await ctx.store.ingest(1, traces(40, 5, END + 2n * HOUR, marked));
    await ctx.store.settled();
    expect(await indexRows("key = 'order.kind' AND str_value IS NOT NULL")).toBe(0);
    expect(await indexRows("key = 'order.items'")).toBeGreaterThan(0);
    // …yet a query compiled before the promotion still finds every span, as one after it does.
    await expectSameAsMaps(before);
    await expectSameAsMaps(after);
  });

  it("loses the rows of purged spans, and only those", async () => {
    const cutoff = END - HOUR - HOUR / 2n;
    const project2 = await indexRows("project_id = 2");
    await ctx.store.purgeBefore(1, cutoff);
    expect(await indexRows(`project_id = 1 AND start_ns < ${cutoff}`)).toBe(0);
    expect(await indexRows("project_id = 2")).toBe(project2);
    await expectSameAsMaps((await ctx.store.layout()).columns, ALL, false);

    // Rows whose span went some other way are expired with the catalog.
    const gone = END - 12n * HOUR;
    await ctx.store.rawRead((c) => c.run(`DELETE FROM spans WHERE project_id = 2 AND start_ns < ${gone}`));
    expect(await indexRows(`project_id = 2 AND start_ns < ${gone}`)).toBeGreaterThan(0);
    await ctx.store.rawRead((c) => expireCatalog(c, 2, gone));
    expect(await indexRows(`project_id = 2 AND start_ns < ${gone}`)).toBe(0);
    expect(await indexRows("project_id = 2")).toBeGreaterThan(0);
  });
});
