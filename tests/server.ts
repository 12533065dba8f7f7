import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface TestServer {
  url: string;
  dataDir: string;
  apiKey: string;
  /** The server process (next start), for RSS readings and crash tests. */
  pid: number;
  stop(): Promise<void>;
  /** Kills the process at once, as a crash would, and keeps the data dir. */
  crash(): Promise<void>;
  /** Everything the server printed, for failure messages. */
  log(): string;
}

/** The admin the shared test servers create at start (SPANLENS_ADMIN_EMAIL/PASSWORD). */
export const TEST_ADMIN = { email: "admin@spanlens.test", password: "correct horse battery staple" };
/** The environment that makes a server create TEST_ADMIN, as its instance owner. */
export const ADMIN_ENV = { SPANLENS_ADMIN_EMAIL: TEST_ADMIN.email, SPANLENS_ADMIN_PASSWORD: TEST_ADMIN.password };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * With SPANLENS_TEST_SPAN_STORE=clickhouse in the test run's environment, every test server
 * keeps its spans in embedded ClickHouse (chDB) inside its data dir instead of DuckDB, so the
 * integration suite can be pointed at the ClickHouse store. A test that sets its own span
 * store keeps it. Not part of CI: ClickHouse still answers 501 where the README says so.
 */
function spanStoreEnv(dataDir: string, env: Record<string, string> | undefined): Record<string, string> {
  if (process.env.SPANLENS_TEST_SPAN_STORE !== "clickhouse" || env?.SPANLENS_SPAN_STORE) return {};
  return { SPANLENS_SPAN_STORE: "clickhouse", SPANLENS_CLICKHOUSE_URL: `chdb://${path.join(dataDir, "chdb")}`, TZ: "UTC" };
}

/**
 * Starts the real production Next server (`next start`, so `next build` must have run)
 * on a free port, with its own DuckDB and SQLite files in a fresh temp dir.
 */
export async function startServer(
  opts: { apiKey?: string; env?: Record<string, string>; dataDir?: string; nodeArgs?: string[]; port?: number; healthTimeoutMs?: number } = {},
): Promise<TestServer> {
  const root = path.resolve(import.meta.dirname, "..");
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("no production build: run `npm run build` before the integration tests");
  }
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "spanlens-test-"));
  const apiKey = opts.apiKey ?? "sl_test_" + Math.random().toString(36).slice(2);
  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: root,
      env: {
        ...process.env, NEXT_TELEMETRY_DISABLED: "1", SPANLENS_DATA_DIR: dataDir, SPANLENS_API_KEY: apiKey,
        // Fixtures use fixed times from 2025: only the retention tests set a retention.
        SPANLENS_RETENTION: "unlimited",
        ...spanStoreEnv(dataDir, opts.env),
        ...opts.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const healthTimeoutMs = opts.healthTimeoutMs ?? 60_000;
  const deadline = Date.now() + healthTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`server did not become healthy in ${healthTimeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    dataDir,
    apiKey,
    pid: child.pid!,
    log: () => output,
    async crash() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
