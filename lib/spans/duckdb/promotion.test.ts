import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMeasure } from "@/lib/metrics/measure";
import { compileTraceQL } from "./traceql";
import { compileSpanFilter } from "./traceql";
import { syntheticTraces } from "@/scripts/bench/synthetic";
import { NO_PROMOTED_COLUMNS } from "../layout";
import { DuckDbSpanStore } from "./store";
import { openTempStore } from "./test-store";

const END = BigInt(Date.UTC(2026, 0, 2)) * 1_000_000n;
const ALL = { startNs: 0n, endNs: (1n << 63n) - 1n };
let ctx: Awaited<ReturnType<typeof openTempStore>>;

beforeAll(async () => {
  ctx = await openTempStore();
  // Enough spans that the common keys pass the promotion threshold; the rare ones do not.
  await ctx.store.ingest(1, [...syntheticTraces({ traces: 400, spansPerTrace: 6, endNs: END, seed: 5 })].flat());
});
afterAll(() => ctx.cleanup());

const search = (store: DuckDbSpanStore, q: string, columns = NO_PROMOTED_COLUMNS) =>
  store.searchCompiled({ projectId: 1, match: compileTraceQL(q, { columns }), ...ALL, limit: 1000, sort: "start", order: "desc", columns: [] });

describe("dedicated columns for hot attributes", () => {
  it("promotes frequent scalar keys, not rare ones, and answers the same through them", async () => {
    const before = await search(ctx.store, '{ span.customer.tier = "enterprise" && span.http.response.status_code >= 500 }');
    const added = await ctx.store.promoteNow();
    const { columns } = await ctx.store.layout();
    expect(added.length).toBeGreaterThan(5);
    expect(columns.has("span:str:customer.tier")).toBe(true);
    expect(columns.has("span:int:http.response.status_code")).toBe(true);
    expect(columns.has("resource:str:service.name")).toBe(true);
    expect([...columns.keys()].some((k) => k.includes("rare."))).toBe(false);

    const q = '{ span.customer.tier = "enterprise" && span.http.response.status_code >= 500 }';
    expect(compileTraceQL(q, { columns }).sql).not.toContain("attr_str[");
    const after = await search(ctx.store, q, columns);
    expect(after.total).toBe(before.total);
    expect(after.traces.map((t) => t.traceId)).toEqual(before.traces.map((t) => t.traceId));
  });

  it("fills dedicated columns for spans ingested after promotion; metrics and funnels agree", async () => {
    const { columns } = await ctx.store.layout();
    await ctx.store.ingest(1, [...syntheticTraces({ traces: 50, spansPerTrace: 6, endNs: END + 3_600_000_000_000n, seed: 77 })].flat());
    const viaColumns = await search(ctx.store, '{ span.customer.tier = "free" }', columns);
    const viaMaps = await search(ctx.store, '{ span.customer.tier = "free" }');
    expect(viaColumns.total).toBe(viaMaps.total);
    const metrics = await ctx.store.queryMetricsCompiled({
      projectId: 1, filter: compileSpanFilter('{ span.funnel.stage = "purchase" }', "f", columns), measure: parseMeasure("sum(span.business.revenue_impact)"),
      groupBy: [{ scope: "span", key: "customer.tier" }], ...ALL, startNs: END - 86_400_000_000_000n, endNs: END + 7_200_000_000_000n,
      stepNs: 3_600_000_000_000n, topN: 10,
    });
    expect(metrics.series.length).toBeGreaterThan(1);
    expect(metrics.series.every((s) => (s.total ?? 0) > 0)).toBe(true);
  });

  it("remembers promoted columns across a reopen", async () => {
    const { columns } = await ctx.store.layout();
    await ctx.store.close();
    ctx.store = await DuckDbSpanStore.open(ctx.dir);
    expect((await ctx.store.layout()).columns).toEqual(columns);
  });
});
