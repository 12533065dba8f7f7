import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ClickHouseEnv } from "@/lib/env";
import { ClickHouseSpanStore } from "./store";

/**
 * chDB allows one data directory per process: every ClickHouse store a test process
 * opens lives under this one, each in its own database.
 */
let chdbDir: string | null = null;

export function chdbTestDir(): string {
  chdbDir ??= fs.mkdtempSync(path.join(os.tmpdir(), "spanlens-chdb-test-"));
  return chdbDir;
}

/** Deletes the directory once every client on it is closed (end of the test file). */
export function removeChdbTestDir() {
  if (chdbDir) fs.rmSync(chdbDir, { recursive: true, force: true });
  chdbDir = null;
}

export function chdbTestConfig(overrides: Partial<ClickHouseEnv> = {}): ClickHouseEnv {
  const dir = chdbTestDir();
  return {
    url: `chdb://${dir}`, kind: "chdb", chdbPath: dir, user: undefined, password: undefined,
    database: "spanlens", mode: "write", table: "otel_traces", cluster: undefined, ttlDays: undefined, ...overrides,
  };
}

/** A ClickHouse store on embedded chDB, in a database of its own; `cleanup` closes it. */
export async function openTempChStore(overrides: Partial<ClickHouseEnv> = {}, options: Parameters<typeof ClickHouseSpanStore.open>[1] = {}) {
  const config = chdbTestConfig({ database: `spanlens_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`, ...overrides });
  const store = await ClickHouseSpanStore.open(config, options);
  return {
    store,
    config,
    async cleanup() {
      await store.close();
    },
  };
}
