import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";
import { DuckDbSpanStore } from "./duckdb/store";
import type { SpanStore } from "./types";

export type * from "./types";

// One store per process: DuckDB lets only one instance open the file read-write, and
// neither route chunks nor dev hot reloads may open it twice.
const holder = processSingleton("spanStore", () => ({ store: null as Promise<SpanStore> | null }));

export function getSpanStore(): Promise<SpanStore> {
  if (!holder.store) {
    const opening = DuckDbSpanStore.open(env().dataDir);
    holder.store = opening;
    opening.catch(() => (holder.store = null));
  }
  return holder.store;
}
