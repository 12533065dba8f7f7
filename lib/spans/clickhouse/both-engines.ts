import { openTempStore } from "../duckdb/test-store";
import type { SpanStore } from "../types";
import { openTempChStore, removeChdbTestDir } from "./test-store";

/**
 * A DuckDB store and a ClickHouse store on embedded chDB, for parity tests: `load` fills
 * both the same way, `both` asks both the same question. One per test file (chDB allows
 * one data directory per process).
 */
export async function openBothEngines(load: (store: SpanStore) => Promise<void>) {
  const duck = await openTempStore();
  const ch = await openTempChStore();
  await load(duck.store);
  await load(ch.store);
  return {
    duck: duck.store as SpanStore,
    ch: ch.store as SpanStore,
    async both<T>(fn: (s: SpanStore) => Promise<T>): Promise<{ duck: T; ch: T }> {
      return { duck: await fn(duck.store), ch: await fn(ch.store) };
    },
    async cleanup() {
      await duck.cleanup();
      await ch.cleanup();
      removeChdbTestDir();
    },
  };
}
