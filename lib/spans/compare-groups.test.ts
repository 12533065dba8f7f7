/**
 * compareGroups on both engines (DuckDB and ClickHouse on embedded chDB) over the same
 * spans. vitest runs each file in its own process, so this file's chDB directory is its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Attr, NormalizedSpan } from "@/lib/ingest/types";
import type { CompareResult } from "@/lib/contract";
import { COMPARE_FAST_MS, COMPARE_SLOW_MS, compareFixture } from "@/lib/compare/compare-fixture";
import { openBothEngines } from "./clickhouse/both-engines";
import type { CompareQuery, SpanStore } from "./types";

const T0 = 1_764_000_000_000_000_000n;
const PROJECT = 4;
const str = (key: string, v: string): Attr => ({ key, value: { t: "str", v } });
const int = (key: string, v: number): Attr => ({ key, value: { t: "int", v: BigInt(v) } });

function spans(): NormalizedSpan[] {
  return compareFixture().map((f, i) => {
    const start = T0 + BigInt(i) * 1_000_000_000n;
    const attributes = [str("region", f.region), int("request.bytes", f.bytes), str("request.id", `r-${i}`)];
    if (f.payment) attributes.push(str("payment.method", f.payment));
    if (f.revenue !== undefined) attributes.push({ key: "business.revenue_impact", value: { t: "dbl", v: f.revenue } });
    return {
      traceId: (i + 1).toString(16).padStart(32, "0"), spanId: (i + 1).toString(16).padStart(16, "0"), parentSpanId: null,
      traceState: "", name: "GET /checkout", kind: 2, startNs: start,
      endNs: start + BigInt(f.slow ? COMPARE_SLOW_MS : COMPARE_FAST_MS) * 1_000_000n, statusCode: 0, statusMessage: "",
      attributes, resource: [str("service.name", "shop")], scopeName: "t", scopeVersion: "1", events: [], links: [],
      droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0,
    };
  });
}

const query = (over: Partial<CompareQuery> = {}): CompareQuery => ({
  projectId: PROJECT, selection: "{ duration > 500ms }", baseline: "", startNs: T0, endNs: T0 + 3_600_000_000_000n,
  weightBy: null, ...over,
});

/**
 * Project WINDOWED: traces that reach across a bucket's edge. Trace 1: a parent at 10 s (before
 * the bucket [50 s, 100 s)), its child at 60 s. Trace 2: slow spans at 70 s and at 500 s. Then
 * 20 one-span traces at 200 s on.
 */
const WINDOWED = 5;
function windowedSpans(): NormalizedSpan[] {
  const out: NormalizedSpan[] = [];
  const add = (trace: number, atS: number, name: string, parent: string | null, durS: number) => {
    const startNs = T0 + BigInt(atS) * 1_000_000_000n;
    const spanId = (out.length + 1).toString(16).padStart(16, "0");
    out.push({
      traceId: trace.toString(16).padStart(32, "0"), spanId, parentSpanId: parent, traceState: "", name, kind: 2, startNs,
      endNs: startNs + BigInt(durS) * 1_000_000_000n, statusCode: 0, statusMessage: "", attributes: [str("region", "eu")],
      resource: [str("service.name", "shop")], scopeName: "t", scopeVersion: "1", events: [], links: [],
      droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0,
    });
    return spanId;
  };
  add(1, 60, "child", add(1, 10, "parent", null, 100), 1);
  add(2, 70, "slow", null, 2);
  add(2, 500, "slow", null, 2);
  for (let i = 0; i < 20; i++) add(100 + i, 200 + i, "other", null, 0);
  return out;
}

let engines: Awaited<ReturnType<typeof openBothEngines>>;
const stores: Record<string, SpanStore> = {};

beforeAll(async () => {
  engines = await openBothEngines(async (s) => {
    await s.ingest(PROJECT, spans());
    await s.ingest(WINDOWED, windowedSpans());
  });
  stores.duckdb = engines.duck;
  stores.clickhouse = engines.ch;
}, 120_000);

afterAll(() => engines.cleanup());

const attr = (r: CompareResult, key: string) => r.attributes.find((a) => a.key === key)!;
const share = (r: CompareResult, key: string, value: unknown) => attr(r, key).values.find((v) => v.value === value)!;

describe.each(["duckdb", "clickhouse"])("compareGroups on %s", (engine) => {
  it("ranks the attribute whose value the slow spans share first, with shares of each side", async () => {
    const r = await stores[engine].compareGroups(query());
    expect(r.selection).toEqual({ spans: 100, total: 100 });
    expect(r.baseline).toEqual({ spans: 300, total: 300 });
    expect(r.sampled).toBeUndefined();
    expect(r.attributes[0]).toMatchObject({ key: "region", scope: "span", type: "string" });
    expect(r.attributes[0].score).toBeCloseTo(0.85, 6);
    expect(share(r, "region", "ap-south")).toMatchObject({ selection: 0.9, baseline: 0.05 });
    // A key on some spans only: the rest count as its own value, null.
    expect(share(r, "payment.method", null)).toMatchObject({ selection: 0.9, baseline: 0.9 });
    // Every span has the same name and service: nothing separates them there.
    expect(attr(r, "name")).toMatchObject({ scope: "intrinsic", score: 0 });
    expect(attr(r, "service.name")).toMatchObject({ scope: "resource", score: 0 });
    for (const a of r.attributes) {
      for (const side of ["selection", "baseline"] as const) {
        const sum = a.values.reduce((s, v) => s + v[side], 0);
        expect(sum, `${a.key} ${side}`).toBeCloseTo(1, 6);
      }
    }
  });

  it("folds an id-like key's values into other instead of counting each", async () => {
    const r = await stores[engine].compareGroups(query());
    expect(attr(r, "request.id")).toMatchObject({ score: 0, values: [{ value: "other", other: true, selection: 1, baseline: 1 }] });
  });

  it("buckets a many-valued number into ranges both sides share", async () => {
    const r = await stores[engine].compareGroups(query());
    const bytes = attr(r, "request.bytes");
    expect(bytes.type).toBe("number");
    expect(bytes.values.length).toBeGreaterThan(2);
    const ranges = bytes.values.map((v) => v.range!);
    expect(ranges[0].gte).toBeNull();
    expect(ranges.at(-1)!.lt).toBeNull();
    for (let i = 1; i < ranges.length; i++) expect(ranges[i].gte).toBe(ranges[i - 1].lt);
  });

  it("weighted by revenue, the attribute revenue sits on ranks first instead", async () => {
    const r = await stores[engine].compareGroups(query({ weightBy: { scope: "span", key: "business.revenue_impact" } }));
    expect(r.weightBy).toBe("span.business.revenue_impact");
    expect(r.selection.total).toBe(1000);
    expect(r.attributes[0]).toMatchObject({ key: "payment.method", score: 1 });
    expect(attr(r, "region").score).toBeCloseTo(0, 6);
  });

  it("takes the baseline from its own query, minus the selection", async () => {
    const r = await stores[engine].compareGroups(query({ baseline: '{ span.region = "ap-south" }' }));
    expect(r.baseline.spans).toBe(15);
    expect(share(r, "region", "ap-south").baseline).toBe(1);
  });

  // Span i starts at T0 + i s: spans 0-99 are the slow ones, 100-399 the fast ones.
  const at = (s: number) => T0 + BigInt(s) * 1_000_000_000n;

  it("reads the baseline over its own window, minus the selected spans", async () => {
    // The first 50 slow spans against everything else in the hour: 50 slow and 300 fast spans.
    const r = await stores[engine].compareGroups(query({ endNs: at(50), baselineStartNs: T0, baselineEndNs: at(3600) }));
    expect(r.selection.spans).toBe(50);
    expect(r.baseline.spans).toBe(350);
    // Spans 50-89 are ap-south too, and 15 fast ones: (40 + 15) / 350.
    expect(share(r, "region", "ap-south").baseline).toBeCloseTo(55 / 350, 9);
    expect(share(r, "region", "ap-south").selection).toBe(1);
  });

  it("counts the selection query's spans outside the selection window in the baseline, never those inside", async () => {
    const r = await stores[engine].compareGroups(query({
      endNs: at(50), baseline: "{ duration > 500ms }", baselineStartNs: T0, baselineEndNs: at(3600),
    }));
    expect(r.selection.spans).toBe(50);
    expect(r.baseline.spans).toBe(50);
    expect(share(r, "region", "ap-south").baseline).toBeCloseTo(40 / 50, 9);
  });

  it("keeps to a baseline window apart from the selection's", async () => {
    const r = await stores[engine].compareGroups(query({ endNs: at(100), baselineStartNs: at(100), baselineEndNs: at(250) }));
    expect(r.selection.spans).toBe(100);
    expect(r.baseline.spans).toBe(150);
    expect(share(r, "region", "ap-south").baseline).toBeCloseTo(15 / 150, 9);
  });

  it("compares every span of a window with the rest of a wider one (an ungrouped chart's bucket)", async () => {
    const r = await stores[engine].compareGroups(query({ selection: "{ }", endNs: at(100), baselineEndNs: at(3600) }));
    expect(r.selection.spans).toBe(100);
    expect(r.baseline.spans).toBe(300);
    expect(r.attributes[0]).toMatchObject({ key: "region" });
  });

  it("matches a pipeline selection among its window's spans", async () => {
    const r = await stores[engine].compareGroups(query({
      selection: "{ duration > 500ms } | count() > 0", endNs: at(50), baselineEndNs: at(3600),
    }));
    expect(r.selection.spans).toBe(50);
    expect(r.baseline.spans).toBe(350);
  });

  // A bucket [50 s, 100 s) against the rest of the hour: structure is matched over the hour, as the chart counted it.
  it.each([
    ['{ name = "parent" } > { name = "child" }', "a child whose parent started before the bucket"],
    ["{ duration > 1s } | count() > 1", "a slow span whose trace's other slow span is after the bucket"],
  ])("matches %s over both windows, then keeps the selection's (%s)", async (selection) => {
    const r = await stores[engine].compareGroups({
      projectId: WINDOWED, selection, baseline: "", startNs: at(50), endNs: at(100), baselineStartNs: T0,
      baselineEndNs: at(3600), weightBy: null,
    });
    expect([r.selection.spans, r.baseline.spans]).toEqual([1, 23]);
  });

  it("samples each side past the limit and says so, still finding the difference", async () => {
    const r = await stores[engine].compareGroups(query({ sampleLimit: 80 }));
    // The fractions actually kept, by span id hash (about 80 spans a side).
    expect(r.sampled!.limit).toBe(80);
    expect(r.sampled!.selection).toBeGreaterThan(0.6);
    expect(r.sampled!.selection).toBeLessThan(1);
    expect(r.sampled!.baseline).toBeGreaterThan(0.15);
    expect(r.sampled!.baseline).toBeLessThan(0.4);
    // Sizes are the whole sides; shares come from the sample.
    expect(r.selection.spans).toBe(100);
    expect(r.attributes[0].key).toBe("region");
  });
});

describe("both engines", () => {
  it("take a pipeline selection as the pipeline, not as its one spanset", async () => {
    // Every trace here holds one span, so no trace has two slow ones: the selection is empty.
    const q = query({ selection: "{ duration > 500ms } | count() > 1" });
    const [duck, ch] = await Promise.all([stores.duckdb.compareGroups(q), stores.clickhouse.compareGroups(q)]);
    expect(duck.selection.spans).toBe(0);
    expect(ch.selection.spans).toBe(0);
  });

  it("give the same string comparisons", async () => {
    const strings = (r: CompareResult) => r.attributes.filter((a) => a.type === "string")
      .map((a) => ({ ...a, score: Number(a.score.toFixed(9)), values: a.values.map((v) => ({ ...v, selection: Number(v.selection.toFixed(9)), baseline: Number(v.baseline.toFixed(9)) })) }));
    for (const weightBy of [null, { scope: "any" as const, key: "business.revenue_impact" }]) {
      const [duck, ch] = await Promise.all([stores.duckdb.compareGroups(query({ weightBy })), stores.clickhouse.compareGroups(query({ weightBy }))]);
      expect(strings(ch)).toEqual(strings(duck));
    }
  });
});
