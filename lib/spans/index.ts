import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";
import { DuckDbSpanStore } from "./duckdb/store";
import type { SpanStore } from "./types";

export type * from "./types";

// One store per process: DuckDB lets only one instance open the file read-write, chDB
// one data directory, and neither route chunks nor dev hot reloads may open it twice.
const holder = processSingleton("spanStore", () => ({ store: null as Promise<SpanStore> | null }));

async function openSpanStore(): Promise<SpanStore> {
  const e = env();
  if (e.spanStore === "clickhouse" && e.clickhouse) {
    // Imported on demand: a DuckDB deployment never loads the ClickHouse client.
    const [{ ClickHouseSpanStore }, { describeClickHouse }] = await Promise.all([
      import("./clickhouse/store"),
      import("./clickhouse/client"),
    ]);
    const store = await ClickHouseSpanStore.open(e.clickhouse);
    console.info(`[spanlens] span store: ${describeClickHouse(e.clickhouse)}`);
    return store;
  }
  const store = await DuckDbSpanStore.open(e.dataDir);
  console.info(`[spanlens] span store: DuckDB (${e.dataDir}/spans.duckdb)`);
  return store;
}

export function getSpanStore(): Promise<SpanStore> {
  if (!holder.store) {
    const opening = openSpanStore();
    holder.store = opening;
    opening.catch(() => (holder.store = null));
  }
  return holder.store;
}
