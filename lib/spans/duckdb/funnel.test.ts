import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Attr, NormalizedSpan } from "@/lib/ingest/types";
import type { FunnelQuery } from "@/lib/metrics/funnel-types";
import { openTempStore } from "./test-store";

const MIN = 60_000_000_000n;
const T0 = BigInt(Date.UTC(2026, 0, 1)) * 1_000_000n;
let n = 0;
const hex = (v: number, len: number) => v.toString(16).padStart(len, "0");
const str = (key: string, v: string): Attr => ({ key, value: { t: "str", v } });

/** One trace: a root carrying user.id/tier, and a child span at the given funnel stage. */
function visit(user: string, stage: string, atMin: number, tier = "free"): NormalizedSpan[] {
  const traceId = hex(++n, 32);
  const start = T0 + BigInt(atMin) * MIN;
  const base = {
    traceId, traceState: "", kind: 1 as const, statusCode: 0 as const, statusMessage: "", resource: [str("service.name", "shop")],
    scopeName: "", scopeVersion: "", events: [], links: [], droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0,
  };
  return [
    { ...base, spanId: hex(n * 2, 16), parentSpanId: null, name: "request", startNs: start, endNs: start + 1000n, attributes: [str("user.id", user), str("customer.tier", tier)] },
    { ...base, spanId: hex(n * 2 + 1, 16), parentSpanId: hex(n * 2, 16), name: stage, startNs: start + 10n, endNs: start + 500n, attributes: [str("funnel.stage", stage)] },
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

let ctx: Awaited<ReturnType<typeof openTempStore>>;
beforeAll(async () => {
  ctx = await openTempStore();
  const journeys = [
    // u1 completes in order, one trace per step.
    visit("u1", "view", 0, "enterprise"), visit("u1", "cart", 2), visit("u1", "checkout", 3), visit("u1", "purchase", 5),
    // u2: cart before view (out of order) then view, checkout: reaches view only, since its cart came first.
    visit("u2", "cart", 0), visit("u2", "view", 1), visit("u2", "checkout", 2),
    // u3 skips cart: view then checkout and purchase -> stops at view.
    visit("u3", "view", 0, "enterprise"), visit("u3", "checkout", 1), visit("u3", "purchase", 2),
    // u4: view, cart, then purchase 2 hours later (outside the 60 min window) -> reaches checkout? no checkout -> cart.
    visit("u4", "view", 0), visit("u4", "cart", 10), visit("u4", "checkout", 20), visit("u4", "purchase", 130),
    // u5: two views; the second cart is after the first view, so it counts.
    visit("u5", "view", 0), visit("u5", "view", 30), visit("u5", "cart", 40),
  ].flat();
  await ctx.store.ingest(1, journeys);
  // Project 2: each user's traces kept at one rate. u1 at 100% completes; u2 at 50% stops
  // after checkout; u3 at 10% after cart (30 min after its view); u4 at 10% after view.
  const sampled: [string, string, number, string, number][] = [
    ["u1", "view", 0, "enterprise", 1], ["u1", "cart", 2, "free", 1], ["u1", "checkout", 3, "free", 1], ["u1", "purchase", 5, "free", 1],
    ["u2", "view", 0, "free", 0.5], ["u2", "cart", 4, "free", 0.5], ["u2", "checkout", 6, "free", 0.5],
    ["u3", "view", 0, "free", 0.1], ["u3", "cart", 30, "free", 0.1],
    ["u4", "view", 0, "free", 0.1],
  ];
  const visits = sampled.map(([user, stage, at, tier]) => visit(user, stage, at, tier));
  const rates = sampled.flatMap(([, , , , rate], i) => visits[i].map(() => rate));
  await ctx.store.ingest(2, visits.flat(), { sampleRates: rates });
});
afterAll(() => ctx.cleanup());

describe("funnels across traces by user.id", () => {
  it("counts entities per step: out of order, skipped steps, window, several traces per user", async () => {
    const res = await ctx.store.queryFunnel(funnel());
    expect(res.steps.map((s) => s.count)).toEqual([5, 3, 2, 1]);
    expect(res.steps[1].conversionFromPrevious).toBeCloseTo(3 / 5);
    expect(res.steps[3].conversionFromFirst).toBeCloseTo(1 / 5);
    expect(res.steps[0].dropOff).toBe(2);
    // view->cart: u1 2 min, u4 10 min, u5 40 min -> median 10 min.
    expect(res.steps[1].medianTimeFromPreviousMs).toBe(10 * 60_000);
    expect(res.minSampleRate).toBe(1);
  });

  it("by trace: each single-step trace is its own entity, so nobody passes step 1", async () => {
    const res = await ctx.store.queryFunnel(funnel({ by: "trace" }));
    expect(res.steps.map((s) => s.count)).toEqual([6, 0, 0, 0]); // six view traces
  });

  it("breaks down by the tier on the first step's trace, and lists who dropped off", async () => {
    const res = await ctx.store.queryFunnel(funnel({ breakdown: { scope: "span", key: "customer.tier" } }));
    const byTier = Object.fromEntries(res.breakdown!.map((b) => [b.value, b.steps.map((s) => s.count)]));
    expect(byTier).toEqual({ free: [3, 2, 1, 0], enterprise: [2, 1, 1, 1] });
    const dropped = await ctx.store.funnelDropOff(funnel(), 0, 10);
    expect(dropped.entities.map((e) => e.entity).sort()).toEqual(["u2", "u3"]);
    expect(dropped.total).toBe(2);
    expect(dropped.entities.every((e) => /^[0-9a-f]{32}$/.test(e.traceId))).toBe(true);
  });

  it("a wider window lets u4's late purchase count", async () => {
    const res = await ctx.store.queryFunnel(funnel({ windowNs: 200n * MIN }));
    expect(res.steps.map((s) => s.count)).toEqual([5, 3, 2, 2]);
  });
});

describe("funnels over sampled traces", () => {
  const sampled = (extra: Partial<FunnelQuery> = {}) => ctx.store.queryFunnel(funnel({ projectId: 2, ...extra }));

  it("weights each entity by 1 / the rate of the span that brought it to the step", async () => {
    const res = await sampled();
    const counts = res.steps.map((s) => s.count);
    [1 + 2 + 10 + 10, 1 + 2 + 10, 1 + 2, 1].forEach((n, k) => expect(counts[k]).toBeCloseTo(n, 9));
    expect(res.steps[1].conversionFromPrevious).toBeCloseTo(13 / 23, 9);
    expect(res.steps[1].dropOff).toBeCloseTo(10, 9);
    expect(res.minSampleRate).toBeCloseTo(0.1, 12);
    // Medians are of the kept entities: view->cart took 2, 4 and 30 min.
    expect(res.steps[1].medianTimeFromPreviousMs).toBe(4 * 60_000);
  });

  it("weights the breakdown the same way, and by trace each trace counts its own rate", async () => {
    const res = await sampled({ breakdown: { scope: "span", key: "customer.tier" } });
    const byTier = Object.fromEntries(res.breakdown!.map((b) => [b.value, b.steps.map((s) => Math.round(s.count * 1e9) / 1e9)]));
    expect(byTier).toEqual({ free: [22, 12, 2, 0], enterprise: [1, 1, 1, 1] });
    expect(res.breakdown!.map((b) => b.value)).toEqual(["free", "enterprise"]);
    const byTrace = await sampled({ by: "trace" });
    expect(byTrace.steps[0].count).toBeCloseTo(23, 9);
  });

  it("drop-off lists stay the kept entities, unweighted", async () => {
    const afterCart = await ctx.store.funnelDropOff(funnel({ projectId: 2 }), 1, 10);
    expect(afterCart.entities.map((e) => e.entity)).toEqual(["u3"]);
    expect(afterCart.total).toBe(1);
  });
});
