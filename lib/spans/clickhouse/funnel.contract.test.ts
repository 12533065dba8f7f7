/**
 * Funnels on DuckDB and on ClickHouse (chDB): the same journeys as DuckDB's own funnel
 * test (lib/spans/duckdb/funnel.test.ts), plus structural steps, resource attributes,
 * missing keys and a span stored twice. Each ClickHouse answer must equal DuckDB's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FunnelResult } from "@/lib/contract";
import type { Attr, NormalizedSpan } from "@/lib/ingest/types";
import type { FunnelQuery } from "@/lib/metrics/funnel-types";
import { openBothEngines } from "./both-engines";

const MIN = 60_000_000_000n;
const T0 = BigInt(Date.UTC(2026, 0, 1)) * 1_000_000n;
const hex = (v: number, len: number) => v.toString(16).padStart(len, "0");
const str = (key: string, v: string): Attr => ({ key, value: { t: "str", v } });

let n = 0;
/** One trace: a root carrying user.id and the tier, and a child span at the funnel stage. */
function visit(user: string | null, stage: string, atMin: number, tier: string | null = "free", region = "eu"): NormalizedSpan[] {
  const traceId = hex(++n, 32);
  const start = T0 + BigInt(atMin) * MIN;
  const base = {
    traceId, traceState: "", kind: 1 as const, statusCode: 0 as const, statusMessage: "",
    resource: [str("service.name", "shop"), str("cloud.region", region)],
    scopeName: "", scopeVersion: "", events: [], links: [], droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0,
  };
  const rootAttrs = [...(user === null ? [] : [str("user.id", user)]), ...(tier === null ? [] : [str("customer.tier", tier)])];
  return [
    { ...base, spanId: hex(n * 2, 16), parentSpanId: null, name: "request", startNs: start, endNs: start + 1000n, attributes: rootAttrs },
    { ...base, spanId: hex(n * 2 + 1, 16), parentSpanId: hex(n * 2, 16), name: stage, startNs: start + 10n, endNs: start + 500n,
      attributes: [str("funnel.stage", stage)] },
  ];
}

const STAGES = ["view", "cart", "checkout", "purchase"];
const funnel = (extra: Partial<FunnelQuery> = {}): FunnelQuery => ({
  projectId: 1,
  steps: STAGES.map((s) => `{ span.funnel.stage = "${s}" }`),
  by: { scope: "span", key: "user.id" },
  windowNs: 60n * MIN,
  startNs: T0 - MIN,
  endNs: T0 + 1000n * MIN,
  ...extra,
});

/** Every store gets the same ids: numbering restarts for each. */
function journeys() {
  n = 0;
  return [
    visit("u1", "view", 0, "enterprise"), visit("u1", "cart", 2), visit("u1", "checkout", 3), visit("u1", "purchase", 5),
    // u2: cart before view, so it stops at view.
    visit("u2", "cart", 0), visit("u2", "view", 1), visit("u2", "checkout", 2),
    // u3 skips cart.
    visit("u3", "view", 0, "enterprise", "us"), visit("u3", "checkout", 1), visit("u3", "purchase", 2),
    // u4's purchase comes after the 60 min window.
    visit("u4", "view", 0), visit("u4", "cart", 10), visit("u4", "checkout", 20), visit("u4", "purchase", 130),
    visit("u5", "view", 0), visit("u5", "view", 30), visit("u5", "cart", 40),
    // No user: its step spans have no entity, on the span or in its trace.
    visit(null, "view", 3), visit(null, "cart", 4),
    // No tier: the breakdown value is missing (null), not ''.
    visit("u6", "view", 50, null, "us"), visit("u6", "cart", 51, null),
  ].flat();
}

const SAMPLED: [string, string, number, string, number][] = [
  ["u1", "view", 0, "enterprise", 1], ["u1", "cart", 2, "free", 1], ["u1", "checkout", 3, "free", 1], ["u1", "purchase", 5, "free", 1],
  ["u2", "view", 0, "free", 0.5], ["u2", "cart", 4, "free", 0.5], ["u2", "checkout", 6, "free", 0.5],
  ["u3", "view", 0, "free", 0.1], ["u3", "cart", 30, "free", 0.1],
  ["u4", "view", 0, "free", 0.1],
];

let engines: Awaited<ReturnType<typeof openBothEngines>>;
beforeAll(async () => {
  engines = await openBothEngines(async (store) => {
    await store.ingest(1, journeys());
    // The same view span again in a later request, beside a new one: ClickHouse keeps
    // both copies until a merge (DuckDB drops the copy at ingest). u7 counts once.
    const dup = visit("u7", "view", 7);
    await store.ingest(1, dup);
    await store.ingest(1, [...dup, ...visit("u7", "cart", 8)]);
    const visits = SAMPLED.map(([user, stage, at, tier]) => visit(user, stage, at, tier));
    const rates = SAMPLED.flatMap(([, , , , rate], i) => visits[i].map(() => rate));
    await store.ingest(2, visits.flat(), { sampleRates: rates });
  });
}, 120_000);
afterAll(() => engines.cleanup());

/** Floating-point sums may differ in the last bits between engines. */
const round = (r: FunnelResult) => JSON.parse(JSON.stringify(r, (_k, v: unknown) =>
  (typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v))) as FunnelResult;

async function same(q: FunnelQuery) {
  const got = await engines.both((s) => s.queryFunnel(q));
  expect(round(got.ch)).toEqual(round(got.duck));
  return got.duck;
}

describe("queryFunnel on ClickHouse answers as on DuckDB", () => {
  it("by user: out of order, skipped steps, the window, several traces per user, a span stored twice", async () => {
    const res = await same(funnel());
    expect(res.steps.map((s) => s.count)).toEqual([7, 5, 2, 1]);
    expect(res.steps[1].medianTimeFromPreviousMs).toBe(2 * 60_000);
  });

  it("by trace, and by a wider window", async () => {
    expect((await same(funnel({ by: "trace" }))).steps.map((s) => s.count)).toEqual([9, 0, 0, 0]);
    expect((await same(funnel({ windowNs: 200n * MIN }))).steps.map((s) => s.count)).toEqual([7, 5, 2, 2]);
  });

  it("breaks down by a span attribute (a missing value is null) and by a resource attribute", async () => {
    const tier = await same(funnel({ breakdown: { scope: "span", key: "customer.tier" } }));
    const byTier = Object.fromEntries(tier.breakdown!.map((b) => [String(b.value), b.steps.map((s) => s.count)]));
    expect(byTier).toEqual({ free: [4, 3, 1, 0], enterprise: [2, 1, 1, 1], null: [1, 1, 0, 0] });
    const region = await same(funnel({ breakdown: { scope: "resource", key: "cloud.region" } }));
    expect(region.breakdown!.map((b) => [b.value, b.steps[0].count])).toEqual([["eu", 5], ["us", 2]]);
  });

  it("by a resource attribute, and by `.key` (span, else resource)", async () => {
    await same(funnel({ by: { scope: "resource", key: "cloud.region" } }));
    await same(funnel({ by: { scope: "any", key: "user.id" }, breakdown: { scope: "any", key: "cloud.region" } }));
  });

  it("steps on names, intrinsics, != on a key some spans lack, regexes and || inside a spanset", async () => {
    const steps = ['{ name = "view" }', '{ span.funnel.stage != "view" && kind = internal }', '{ name =~ "check.*" || name = "purchase" }'];
    const res = await same(funnel({ steps }));
    expect(res.steps[0].count).toBe(7);
  });

  it("structural steps: spansets joined by && and ||", async () => {
    const steps = ['{ name = "request" } && { span.funnel.stage = "view" }', '{ name = "cart" } || { name = "checkout" }'];
    const res = await same(funnel({ steps }));
    expect(res.steps.map((s) => s.count)).toEqual([7, 7]);
  });

  it("weights each entity by 1 / the rate that brought it to the step", async () => {
    const res = await same(funnel({ projectId: 2 }));
    [23, 13, 3, 1].forEach((v, k) => expect(res.steps[k].count).toBeCloseTo(v, 9));
    expect(res.minSampleRate).toBeCloseTo(0.1, 12);
    await same(funnel({ projectId: 2, breakdown: { scope: "span", key: "customer.tier" } }));
    await same(funnel({ projectId: 2, by: "trace" }));
  });

  it("an empty range", async () => {
    const res = await same(funnel({ startNs: 0n, endNs: 1n }));
    expect(res.steps.map((s) => s.count)).toEqual([0, 0, 0, 0]);
  });
});

describe("funnelDropOff on ClickHouse answers as on DuckDB", () => {
  it("lists who stopped at each step, latest first, with the trace that got them there", async () => {
    for (const [projectId, step] of [[1, 0], [1, 1], [1, 2], [2, 1]] as const) {
      const got = await engines.both((s) => s.funnelDropOff(funnel({ projectId }), step, 10));
      expect(got.ch, `project ${projectId} step ${step}`).toEqual(got.duck);
    }
    const first = await engines.ch.funnelDropOff(funnel(), 0, 10);
    expect(first.entities.map((e) => e.entity).sort()).toEqual(["u2", "u3"]);
    const limited = await engines.both((s) => s.funnelDropOff(funnel(), 1, 1));
    expect(limited.ch).toEqual(limited.duck);
    expect(limited.ch.total).toBe(3);
    expect(limited.ch.entities).toHaveLength(1);
  });
});
