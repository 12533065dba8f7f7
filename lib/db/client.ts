import path from "node:path";
import type { LibSQLDatabase } from "drizzle-orm/libsql";
import { processSingleton } from "@/lib/process-singleton";
import { appStoreDialect, databaseUrl, type AppStoreDialect } from "./app-store-config";
import { openPg } from "./pg-store";
import type * as sqliteSchema from "./schema/sqlite";
import { openSqlite } from "./sqlite-store";

/**
 * The app store as every query module sees it: drizzle's SQLite database type, also when it
 * is PostgreSQL at run time (schema/index.ts explains why that holds). Methods that exist
 * only on SQLite are left out so that they cannot be reached for by mistake; transactions,
 * `returning()` and `onConflictDo*` behave alike on both.
 */
export type AppDb = Omit<LibSQLDatabase<typeof sqliteSchema>, "run" | "all" | "get" | "values" | "batch" | "query" | "$client">;

interface AppStore {
  dialect: AppStoreDialect;
  db: AppDb;
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Where the generated SQL migrations live; resolved from the working directory because
 * the compiled server does not sit beside the sources. */
export function migrationsFolder(dialect: AppStoreDialect = appStoreDialect()) {
  return dialect === "pg" ? path.join(process.cwd(), "drizzle", "pg") : path.join(process.cwd(), "drizzle");
}

function open(): AppStore {
  const url = databaseUrl();
  if (url) {
    const store = openPg(url, migrationsFolder("pg"));
    // The cast is the typed facade: see AppDb.
    return { dialect: "pg", ...store, db: store.db as unknown as AppDb };
  }
  return { dialect: "sqlite", ...openSqlite(migrationsFolder("sqlite")) };
}

function store(): AppStore {
  // One connection (pool) per process, shared by every route chunk and surviving dev reloads.
  return processSingleton("appStore", open);
}

/** The app store (projects, keys, ...), migrated before first use. */
export async function getAppDb(): Promise<AppDb> {
  const s = store();
  await s.ready;
  return s.db;
}

/** Which database the app store is, for code that must say so (better-auth's adapter). */
export async function getAppStoreDialect(): Promise<AppStoreDialect> {
  const s = store();
  await s.ready;
  return s.dialect;
}

/** Closes the connection (pool); for scripts that must exit. */
export async function closeAppDb(): Promise<void> {
  await store().close();
}
