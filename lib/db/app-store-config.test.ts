import { afterEach, describe, expect, it } from "vitest";
import { appStoreDialect, databaseUrl, redactUrl } from "./app-store-config";

const before = process.env.DATABASE_URL;
afterEach(() => {
  if (before === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = before;
});

describe("app store config", () => {
  it("is SQLite unless DATABASE_URL names PostgreSQL", () => {
    delete process.env.DATABASE_URL;
    expect(appStoreDialect()).toBe("sqlite");
    process.env.DATABASE_URL = "  ";
    expect(appStoreDialect()).toBe("sqlite");
    process.env.DATABASE_URL = "postgresql://u:p@db:5432/spanlens";
    expect(appStoreDialect()).toBe("pg");
    expect(databaseUrl()).toBe("postgresql://u:p@db:5432/spanlens");
  });

  it("refuses a URL of another database, naming the variable", () => {
    process.env.DATABASE_URL = "mysql://u:p@db/spanlens";
    expect(() => appStoreDialect()).toThrow(/DATABASE_URL must be a PostgreSQL URL/);
  });

  it("keeps the password out of what it logs", () => {
    expect(redactUrl("postgres://spanlens:s3cr%40t@db.internal:5432/spanlens?sslmode=require")).toBe(
      "postgres://spanlens:***@db.internal:5432/spanlens?sslmode=require",
    );
    expect(redactUrl("postgres://db.internal/spanlens")).toBe("postgres://db.internal/spanlens");
    expect(redactUrl("postgres://u:p@[bad")).not.toContain("p@");
  });
});
