import fs from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { env } from "@/lib/env";
import * as schema from "./schema/sqlite";

/** The default app store: one SQLite file in the data dir, migrated from drizzle/. */
export function openSqlite(migrationsFolder: string) {
  const dir = env().dataDir;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "app.db");
  const client = createClient({ url: `file:${file}` });
  const db = drizzle(client, { schema });
  const ready = (async () => {
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA foreign_keys = ON");
    await client.execute("PRAGMA busy_timeout = 5000");
    await migrate(db, { migrationsFolder });
    console.log(`[spanlens] App store: SQLite at ${file}`);
  })();
  return { db, ready, close: async () => client.close() };
}
