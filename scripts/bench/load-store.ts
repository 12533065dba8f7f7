import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDbSpanStore } from "@/lib/spans/duckdb/store";
import { syntheticTraces } from "./synthetic";

/**
 * A store of `spans` synthetic spans in a temp dir, loaded through SpanStore.ingest.
 * Kept between runs under bench-data/ (git-ignored) so query benches skip the load.
 */
export async function loadBenchStore(spans: number, spansPerTrace = 10) {
  const dir = path.resolve(import.meta.dirname, "../../bench-data", `store-${spans}`);
  const ready = path.join(dir, "loaded");
  if (!fs.existsSync(ready)) {
    fs.rmSync(dir, { recursive: true, force: true });
    const store = await DuckDbSpanStore.open(dir);
    let batch = [];
    const t0 = performance.now();
    for (const trace of syntheticTraces({ traces: spans / spansPerTrace, spansPerTrace, endNs: BigInt(Date.UTC(2026, 10, 24)) * 1_000_000n })) {
      batch.push(...trace);
      if (batch.length >= 5000) {
        await store.ingest(1, batch);
        // Acknowledged is not organised: let the organiser keep up instead of filling the queue.
        if (store.writerStats().backlogSpans > 100_000) await store.settled();
        batch = [];
      }
    }
    if (batch.length) await store.ingest(1, batch);
    await store.promoteNow();
    await store.close();
    fs.writeFileSync(ready, String(Math.round(performance.now() - t0)));
    console.log(`loaded ${spans.toLocaleString()} spans in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  // A store loaded before promotion existed gets its dedicated columns now.
  const store = await DuckDbSpanStore.open(dir);
  await store.promoteNow();
  return { dir, store, tmp: os.tmpdir() };
}
