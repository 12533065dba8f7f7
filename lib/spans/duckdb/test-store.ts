import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDbSpanStore } from "./store";

/** A real DuckDB store in a fresh temp dir, for tests; `cleanup` closes and deletes it. */
export async function openTempStore(options: Parameters<typeof DuckDbSpanStore.open>[1] = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spanlens-store-test-"));
  const ctx = {
    store: await DuckDbSpanStore.open(dir, options),
    dir,
    async cleanup() {
      await ctx.store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return ctx;
}
