/**
 * Which database holds the app store. Read straight from process.env (not lib/env) because
 * the schema facade decides its tables when it is first imported, before anything else runs.
 */
export type AppStoreDialect = "sqlite" | "pg";

/** DATABASE_URL when it names PostgreSQL; unset or blank keeps the SQLite file in the data dir. */
export function databaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) return undefined;
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error("Invalid environment: DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/spanlens");
  }
  return url;
}

export function appStoreDialect(): AppStoreDialect {
  return databaseUrl() ? "pg" : "sqlite";
}

/** The URL fit for a log line: the password never leaves the process. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://(unparseable URL)";
  }
}
