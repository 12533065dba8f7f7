import { afterEach, describe, expect, it, vi } from "vitest";

// env() reads process.env once per module instance, so each case loads a fresh one.
async function load(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  return (await import("./env")).env;
}
afterEach(() => vi.unstubAllEnvs());

const OIDC = {
  SPANLENS_URL: "https://spanlens.example.com",
  SPANLENS_OIDC_ISSUER: "https://sso.example.com/realms/corp/",
  SPANLENS_OIDC_CLIENT_ID: "spanlens",
  SPANLENS_OIDC_CLIENT_SECRET: "secret",
};

describe("env().oidc", () => {
  it("is undefined without SPANLENS_OIDC_*", async () => {
    expect((await load({ SPANLENS_OIDC_ISSUER: "", SPANLENS_OIDC_CLIENT_ID: "", SPANLENS_OIDC_CLIENT_SECRET: "" }))().oidc).toBeUndefined();
  });
  it("builds the discovery URL and defaults the name", async () => {
    const env = await load({ ...OIDC, SPANLENS_OIDC_NAME: "", SPANLENS_OIDC_ALLOWED_DOMAIN: " @Corp.Example " });
    expect(env().oidc).toEqual({
      issuer: "https://sso.example.com/realms/corp/",
      discoveryUrl: "https://sso.example.com/realms/corp/.well-known/openid-configuration",
      clientId: "spanlens",
      clientSecret: "secret",
      name: "SSO",
      allowedDomain: "corp.example",
    });
  });
  it("refuses a partial or unusable configuration with the variable's name", async () => {
    await expect(async () => (await load({ ...OIDC, SPANLENS_OIDC_CLIENT_SECRET: "" }))()).rejects.toThrow(/all of SPANLENS_OIDC_ISSUER/);
    await expect(async () => (await load({ ...OIDC, SPANLENS_OIDC_ISSUER: "sso.example.com" }))()).rejects.toThrow(/SPANLENS_OIDC_ISSUER/);
    await expect(async () => (await load({ ...OIDC, SPANLENS_URL: undefined }))()).rejects.toThrow(/needs SPANLENS_URL/);
    await expect(async () => (await load({ ...OIDC, SPANLENS_OIDC_ALLOWED_DOMAIN: "a@b.example" }))()).rejects.toThrow(/SPANLENS_OIDC_ALLOWED_DOMAIN/);
  });
});

describe("env() span store", () => {
  const CH = { SPANLENS_SPAN_STORE: "clickhouse" };
  it("defaults to DuckDB", async () => {
    const env = (await load({ SPANLENS_SPAN_STORE: "" }))();
    expect(env.spanStore).toBe("duckdb");
    expect(env.clickhouse).toBeUndefined();
  });
  it("reads a server URL and the defaults", async () => {
    const env = (await load({ ...CH, SPANLENS_CLICKHOUSE_URL: "https://ch.example.com:8443", SPANLENS_CLICKHOUSE_USER: "spanlens" }))();
    expect(env.clickhouse).toMatchObject({
      kind: "server", user: "spanlens", database: "spanlens", mode: "write", table: "otel_traces", cluster: undefined, ttlDays: undefined,
    });
  });
  it("reads chdb://<path> as embedded chDB at a resolved path", async () => {
    const env = (await load({ ...CH, SPANLENS_CLICKHOUSE_URL: "chdb://./data/chdb", SPANLENS_CLICKHOUSE_MODE: "read" }))();
    expect(env.clickhouse).toMatchObject({ kind: "chdb", mode: "read", chdbPath: expect.stringMatching(/^\/.*data\/chdb$/) });
  });
  it.each([
    [{}, /needs SPANLENS_CLICKHOUSE_URL/],
    [{ SPANLENS_CLICKHOUSE_URL: "tcp://ch:9000" }, /expected http\(s\):\/\/ or chdb:\/\//],
    [{ SPANLENS_CLICKHOUSE_URL: "chdb://" }, /chdb:\/\/ needs a directory/],
    [{ SPANLENS_CLICKHOUSE_URL: "chdb://x", SPANLENS_CLICKHOUSE_CLUSTER: "c" }, /embedded chDB has no cluster/],
    [{ SPANLENS_CLICKHOUSE_URL: "http://ch:8123", SPANLENS_CLICKHOUSE_MODE: "both" }, /MODE must be write or read/],
    [{ SPANLENS_CLICKHOUSE_URL: "http://ch:8123", SPANLENS_CLICKHOUSE_DATABASE: "a-b" }, /plain identifier/],
    [{ SPANLENS_CLICKHOUSE_URL: "http://ch:8123", SPANLENS_CLICKHOUSE_TTL_DAYS: "0" }, /at least 1/],
    [{ SPANLENS_CLICKHOUSE_URL: "http://ch:8123", SPANLENS_CLICKHOUSE_MODE: "read", SPANLENS_CLICKHOUSE_TTL_DAYS: "7" }, /read creates no tables/],
  ])("refuses %j", async (vars, message) => {
    const env = await load({ ...CH, SPANLENS_CLICKHOUSE_URL: "", ...vars });
    expect(() => env()).toThrow(message);
  });
  it("rejects an unknown store", async () => {
    const env = await load({ SPANLENS_SPAN_STORE: "postgres" });
    expect(() => env()).toThrow(/duckdb or clickhouse/);
  });
});
