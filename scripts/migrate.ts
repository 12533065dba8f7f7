// `npm run db:migrate`: applies the app store's migrations (SQLite in the data dir, or
// PostgreSQL with DATABASE_URL) and creates the span store's tables (DuckDB file, or the
// ClickHouse tables in write mode), then exits. The server does the same at start; run this
// once before rolling out several instances so that none of them starts on an old schema.
import { closeAppDb, getAppDb, getAppStoreDialect } from "@/lib/db/client";
import { getSpanStore } from "@/lib/spans";

async function main() {
  await getAppDb();
  console.log(`[spanlens] app store migrated (${await getAppStoreDialect() === "pg" ? "PostgreSQL" : "SQLite"})`);
  const spans = await getSpanStore();
  await spans.close();
  await closeAppDb();
}

main().catch((err: unknown) => {
  console.error(`[spanlens] migration failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
