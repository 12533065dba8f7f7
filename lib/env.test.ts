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
