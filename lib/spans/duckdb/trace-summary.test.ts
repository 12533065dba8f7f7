import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NormalizedSpan } from "@/lib/ingest/types";
import { mulberry32, syntheticTraces } from "@/scripts/bench/synthetic";
import { openTempStore } from "./test-store";

let one: Awaited<ReturnType<typeof openTempStore>>;
let split: Awaited<ReturnType<typeof openTempStore>>;
beforeAll(async () => {
  [one, split] = await Promise.all([openTempStore(), openTempStore()]);
});
afterAll(async () => {
  await one.cleanup();
  await split.cleanup();
});

describe("trace summaries merged batch by batch", () => {
  it("match a single-batch ingest when spans arrive shuffled, split and resent", async () => {
    const spans = [...syntheticTraces({ traces: 60, spansPerTrace: 7, seed: 3 })].flat();
    await one.store.ingest(1, spans);
    const rand = mulberry32(11);
    const shuffled = [...spans].sort(() => rand() - 0.5);
    const batches: NormalizedSpan[][] = [];
    for (let i = 0; i < shuffled.length; i += 37) batches.push(shuffled.slice(i, i + 37));
    for (const b of batches) await split.store.ingest(1, b);
    await split.store.ingest(1, batches[2]); // a resent batch changes nothing
    const list = (s: typeof one.store) =>
      s.searchTraces({ projectId: 1, q: "", startNs: 0n, endNs: 1n << 62n, limit: 1000, sort: "start", order: "desc", columns: [] }).then((p) => p.traces);
    const [a, b] = await Promise.all([list(one.store), list(split.store)]);
    expect(b).toHaveLength(60);
    expect(b).toEqual(a);
    expect(a.every((t) => t.spanCount === 7 && t.rootName.startsWith("POST /"))).toBe(true);
  });
});
