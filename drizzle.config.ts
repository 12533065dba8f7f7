import { defineConfig } from "drizzle-kit";

/** The default app store (SQLite); drizzle.pg.config.ts generates the PostgreSQL twin. */
export default defineConfig({
  dialect: "sqlite",
  schema: "./lib/db/schema/sqlite.ts",
  out: "./drizzle",
});
