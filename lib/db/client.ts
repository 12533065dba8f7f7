import fs from "node:fs";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";
import * as schema from "./schema";

export type AppDb = LibSQLDatabase<typeof schema>;

interface AppStore {
  db: AppDb;
  client: Client;
  ready: Promise<void>;
}


/** Where the generated SQL migrations live; resolved from the working directory because
 * the compiled server does not sit beside the sources. */
export function migrationsFolder() {
  return path.join(process.cwd(), "drizzle");
}

function open(): AppStore {
  const dir = env().dataDir;
  fs.mkdirSync(dir, { recursive: true });
  const client = createClient({ url: `file:${path.join(dir, "app.db")}` });
  const db = drizzle(client, { schema });
  const ready = (async () => {
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute("PRAGMA foreign_keys = ON");
    await client.execute("PRAGMA busy_timeout = 5000");
    await migrate(db, { migrationsFolder: migrationsFolder() });
  })();
  return { db, client, ready };
}

/** The app store (projects, keys, ...), migrated before first use. */
export async function getAppDb(): Promise<AppDb> {
  // One connection per process, shared by every route chunk and surviving dev reloads.
  const store = processSingleton("appStore", open);
  await store.ready;
  return store.db;
}
