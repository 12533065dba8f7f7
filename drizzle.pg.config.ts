import { defineConfig } from "drizzle-kit";

/** The app store on PostgreSQL (DATABASE_URL): same tables as drizzle.config.ts, own migrations. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema/pg/index.ts",
  out: "./drizzle/pg",
});
