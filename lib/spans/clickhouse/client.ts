import { createClient, type ClickHouseClient } from "@clickhouse/client";
import type { ClickHouseEnv } from "@/lib/env";

type ClientConnection = NonNullable<NonNullable<Parameters<typeof createClient>[0]>["connection"]>;

/**
 * A `@clickhouse/client` for a server (HTTP) or for embedded chDB, which plugs into the
 * same client through `chdb/connection`: the store runs the same code on both.
 *
 * chDB is imported only when asked for, so production (a server URL) never loads its
 * 543 MB library, and it can stay a devDependency. chDB allows one data directory per
 * process, and applies per-request settings as session `SET`s that stick: every insert
 * therefore passes its own `insert_deduplication_token`.
 */
export async function openClickHouseClient(config: ClickHouseEnv): Promise<ClickHouseClient> {
  if (config.kind === "chdb") {
    let mod: typeof import("chdb/connection");
    try {
      mod = await import(/* webpackIgnore: true */ "chdb/connection");
    } catch (err) {
      throw new Error("SPANLENS_CLICKHOUSE_URL=chdb://… needs the chdb package (npm install chdb); production uses a ClickHouse server", {
        cause: err,
      });
    }
    // chdb types its connection against @clickhouse/client-common, which the client now
    // bundles as its own copy: the same interface under two declarations.
    const connection = mod.createChdbConnection({ path: config.chdbPath }) as unknown as ClientConnection;
    return createClient({ connection });
  }
  return createClient({
    url: config.url,
    username: config.user ?? "default",
    password: config.password ?? "",
    // Named explicitly in every statement; the default database only matters for the ping.
    clickhouse_settings: {
      // 64-bit ints are converted to strings in SQL where exactness matters; this keeps
      // the rest (counts) plain numbers, as chDB answers them.
      output_format_json_quote_64bit_integers: 0,
    },
    application: "spanlens",
  });
}

/** Where the store is, for the start-up log: never the password. */
export function describeClickHouse(config: ClickHouseEnv): string {
  const where = config.kind === "chdb" ? `chDB at ${config.chdbPath}` : redactUrl(config.url);
  const cluster = config.cluster ? `, cluster ${config.cluster}` : "";
  return `ClickHouse (${where}, ${config.mode} mode, ${config.database}.${config.table}${cluster})`;
}

function redactUrl(url: string): string {
  const u = new URL(url);
  u.password = "";
  u.username = "";
  return u.origin + u.pathname.replace(/\/$/, "");
}
