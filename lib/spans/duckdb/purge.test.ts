import { afterEach, describe, expect, it } from "vitest";
import type { NormalizedSpan } from "@/lib/ingest/types";
import { syntheticTraces } from "@/scripts/bench/synthetic";
import { openTempStore } from "./test-store";

const DAY = 86_400_000_000_000n;
const END = BigInt(Date.UTC(2026, 5, 10)) * 1_000_000n;
let ctx: Awaited<ReturnType<typeof openTempStore>> | null = null;
afterEach(async () => {
  await ctx?.cleanup();
  ctx = null;
});

/** Traces over the day ending at `endNs`; `marker` is a key only these spans carry. */
function day(endNs: bigint, seed: number, marker: string): NormalizedSpan[] {
  return [...syntheticTraces({ traces: 200, spansPerTrace: 5, endNs, seed })].flat()
    .map((s) => ({ ...s, traceId: seed.toString(16).padStart(4, "0") + s.traceId.slice(4), attributes: [...s.attributes, { key: marker, value: { t: "str", v: "x" } }] }));
}

const spansOf = (projectId: number) => ctx!.store.rawRead(async (c) => {
  const r = (await c.runAndReadAll(
    "SELECT count(*), min(start_ns), (SELECT count(*) FROM traces WHERE project_id = $p) FROM spans WHERE project_id = $p",
    { p: projectId },
  )).getRows()[0];
  return { spans: Number(r[0]), oldest: r[1] as bigint | null, traces: Number(r[2]) };
});

describe("purges", () => {
  it("delete one project's spans, summaries and catalog entries before a cutoff, and nothing else", async () => {
    ctx = await openTempStore();
    for (const p of [1, 2]) {
      await ctx.store.ingest(p, day(END - 2n * DAY, 1, "old.marker"));
      await ctx.store.ingest(p, day(END, 2, "new.marker"));
    }
    const cutoff = END - DAY;
    // Ingest keeps going while the purge runs, a slice at a time.
    const late = day(END + DAY, 3, "late.marker");
    const [purged] = await Promise.all([ctx.store.purgeBefore(1, cutoff), ctx.store.ingest(1, late)]);
    expect(purged.spans).toBe(1_000);
    expect(await spansOf(1)).toMatchObject({ spans: 2_000, traces: 400 });
    expect((await spansOf(1)).oldest! >= cutoff).toBe(true);
    expect(await spansOf(2)).toMatchObject({ spans: 2_000, traces: 400 });
    const keys = async (p: number) => (await ctx!.store.listAttributeKeys({ projectId: p, prefix: "", limit: 500 })).map((k) => k.key);
    expect(await keys(1)).not.toContain("old.marker");
    expect(await keys(1)).toContain("new.marker");
    expect(await keys(2)).toContain("old.marker");
    const stats = await ctx.store.storageStats(1);
    expect(stats).toMatchObject({ engine: "duckdb", spans: 2_000 });
    expect(BigInt(stats.oldestStartNs!) >= cutoff).toBe(true);
  });

  it("keep the store under a disk budget by dropping the oldest spans of every project", async () => {
    ctx = await openTempStore();
    // Enough spans for several row groups: space is freed a row group at a time.
    for (let d = 0; d < 6; d++) {
      for (const p of [1, 2]) {
        const spans = [...syntheticTraces({ traces: 2_500, spansPerTrace: 10, endNs: END + BigInt(d) * DAY, seed: 10 * d + p })]
          .flat().map((s) => ({ ...s, traceId: `${d}${p}` + s.traceId.slice(2) }));
        await ctx.store.ingest(p, spans);
        await ctx.store.settled();
      }
    }
    const before = (await ctx.store.purgeToSize(2 ** 50)).usedBytes;
    const budget = Math.floor(before * 0.7);
    const result = await ctx.store.purgeToSize(budget);
    expect(result.usedBytes).toBeLessThanOrEqual(budget);
    expect(result.spans).toBeGreaterThan(0);
    // Oldest first: what is left is the newest days of both projects.
    for (const p of [1, 2]) {
      const left = await spansOf(p);
      expect(left.spans).toBeGreaterThan(0);
      expect(left.oldest! > END - DAY).toBe(true);
    }
  }, 120_000);
});
