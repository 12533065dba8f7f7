import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Pool } from "pg";
import { env } from "@/lib/env";
import { redactUrl } from "./app-store-config";
import * as schema from "./schema/pg";

/*
 * node-postgres (`pg`) rather than postgres.js: Next already keeps `pg` out of its server
 * bundles (its built-in serverExternalPackages list), its Pool hands drizzle a dedicated
 * client per transaction, and it is the driver drizzle-kit and most hosting guides assume.
 */

// Any fixed number: the key of the advisory lock that lets one instance migrate at a time.
const MIGRATION_LOCK = 0x5350414e; // "SPAN"

/** The app store in PostgreSQL (DATABASE_URL), migrated from drizzle/pg/. */
export function openPg(url: string, migrationsFolder: string) {
  if (!env().authSecret) {
    // Each instance would otherwise sign sessions with its own key from its own data dir, and a
    // session made by one would be refused by the next. See README, "App data on PostgreSQL".
    throw new Error("DATABASE_URL is set but BETTER_AUTH_SECRET is not: instances sharing PostgreSQL must share one secret (32+ random characters)");
  }
  const pool = new Pool({ connectionString: url, application_name: "spanlens" });
  // An idle connection dropped by the server (restart, failover) must not crash the process:
  // the pool replaces it on next use.
  pool.on("error", (err) => console.error(`[spanlens] PostgreSQL connection lost: ${err.message}`));
  const db = drizzle(pool, { schema });
  const ready = (async () => {
    // Instances starting together would race to create the same tables: the advisory lock,
    // held on one connection for the whole run, makes the others wait and then find nothing to do.
    const client = await pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
    console.log(`[spanlens] App store: PostgreSQL at ${redactUrl(url)}`);
  })();
  return { db, ready, close: () => pool.end() };
}
