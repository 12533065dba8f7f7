import { afterEach, describe, expect, it } from "vitest";
import { syntheticTraces } from "@/scripts/bench/synthetic";
import { OverloadedError } from "../group-commit";
import { openTempStore } from "./test-store";

const END = BigInt(Date.UTC(2026, 0, 2)) * 1_000_000n;
const ALL = { startNs: 0n, endNs: (1n << 63n) - 1n };
let ctx: Awaited<ReturnType<typeof openTempStore>> | null = null;
afterEach(async () => {
  await ctx?.cleanup();
  ctx = null;
});

const count = async (projectId: number) => {
  const page = await ctx!.store.searchTraces({
    projectId, q: "", ...ALL, limit: 1000, sort: "start", order: "desc", columns: [],
  });
  return { traces: page.total, spans: await ctx!.store.countSpans(projectId) };
};

describe("group commit", () => {
  it("commits concurrent requests of several projects together, each answered with its own counts", async () => {
    ctx = await openTempStore();
    const traces = [...syntheticTraces({ traces: 120, spansPerTrace: 5, endNs: END, seed: 9 })];
    const requests = traces.map((t, i) => ({ project: (i % 2) + 1, spans: t }));
    // The first request's span again, in the same group: accepted, and stored once.
    const resent = { project: 1, spans: [traces[0][0]] };
    const results = await Promise.all([...requests, resent].map((r) => ctx!.store.ingest(r.project, r.spans)));
    expect(results.slice(0, -1).every((r) => r.received === 5 && r.stored === 5)).toBe(true);
    expect(results.at(-1)).toEqual({ received: 1, stored: 1 });
    const stats = ctx.store.writerStats();
    expect(stats.commits).toBeLessThan(requests.length / 4);
    expect(stats.queuedSpans).toBe(0);
    expect(await count(1)).toEqual({ traces: 60, spans: 300 });
    expect(await count(2)).toEqual({ traces: 60, spans: 300 });
    // The same ids in another project are another span, not a duplicate.
    await ctx.store.ingest(2, [traces[0][0]]);
    expect(await count(2)).toEqual({ traces: 61, spans: 301 });
    await ctx.store.ingest(1, traces[4]); // already stored in project 1: nothing changes
    expect(await count(1)).toEqual({ traces: 60, spans: 300 });
  });

  it("refuses with OverloadedError past its span bound, and accepts again once drained", async () => {
    ctx = await openTempStore({ writeLimits: { maxQueuedSpans: 1_000, maxQueuedBytes: 2 ** 30, maxBatchSpans: 500 } });
    const spans = [...syntheticTraces({ traces: 300, spansPerTrace: 10, endNs: END, seed: 4 })].flat();
    const accepted: Promise<unknown>[] = [];
    let refused: unknown = null;
    for (let i = 0; i < spans.length && !refused; i += 400) {
      try {
        accepted.push(ctx.store.ingest(1, spans.slice(i, i + 400)));
      } catch (err) {
        refused = err;
      }
    }
    expect(refused).toBeInstanceOf(OverloadedError);
    expect((refused as OverloadedError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(ctx.store.writerStats().rejectedOverload).toBe(1);
    await Promise.all(accepted);
    await ctx.store.settled();
    expect(ctx.store.writerStats()).toMatchObject({ queuedSpans: 0, backlogSpans: 0 });
    await expect(ctx.store.ingest(1, spans.slice(-400))).resolves.toMatchObject({ stored: 400 });
  });

  it("promotes hot keys between transactions without losing or doubling spans arriving meanwhile", async () => {
    ctx = await openTempStore({ writeLimits: { maxQueuedSpans: 10 ** 6, maxQueuedBytes: 2 ** 30, maxBatchSpans: 2_000 } });
    const traces = [...syntheticTraces({ traces: 3_000, spansPerTrace: 10, endNs: END, seed: 8 })];
    // Half is queued before the promotion and half after it, so the promotion's ALTER and
    // backfill sit between transactions of the same stream.
    const first = traces.slice(0, 1_500).map((t) => ctx!.store.ingest(1, t));
    const promoting = ctx.store.promoteNow();
    const second = traces.slice(1_500).map((t) => ctx!.store.ingest(1, t));
    await Promise.all([...first, promoting, ...second]);
    expect((await promoting).length).toBeGreaterThan(3);
    expect(await count(1)).toEqual({ traces: 3_000, spans: 30_000 });
    const { columns } = await ctx.store.layout();
    const tier = columns.get("span:str:customer.tier")!;
    const mismatched = await ctx.store.rawRead(async (c) =>
      Number((await c.runAndReadAll(
        `SELECT count(*) FROM spans WHERE ${tier} IS DISTINCT FROM attr_str['customer.tier']`,
      )).getRows()[0][0]));
    expect(mismatched).toBe(0);
  });

  it("organises a backlog larger than one round in several rounds, each span once", async () => {
    ctx = await openTempStore({ writeLimits: { maxQueuedSpans: 10 ** 6, maxQueuedBytes: 2 ** 31, maxBatchSpans: 50_000 } });
    const traces = [...syntheticTraces({ traces: 9_000, spansPerTrace: 10, endNs: END, seed: 12 })];
    const requests = [0, 1, 2].map((i) => traces.slice(i * 3_000, (i + 1) * 3_000).flat());
    await Promise.all([...requests, requests[1]].map((spans) => ctx!.store.ingest(1, spans)));
    expect(await count(1)).toEqual({ traces: 9_000, spans: 90_000 });
  });
});
