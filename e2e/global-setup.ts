import fs from "node:fs";
import path from "node:path";
import { request } from "@playwright/test";
import { startServer } from "../tests/server";
import { E2E_ADMIN, STORAGE_STATE } from "./env";

/**
 * Starts the server with an admin (SPANLENS_ADMIN_*), signs in once through better-auth and
 * saves the session as the storageState every spec starts from. Workers inherit
 * process.env set here, so specs read the server's URL from it.
 */
export default async function globalSetup() {
  const server = await startServer({ env: { SPANLENS_ADMIN_EMAIL: E2E_ADMIN.email, SPANLENS_ADMIN_PASSWORD: E2E_ADMIN.password } });
  process.env.SPANLENS_E2E_URL = server.url;
  process.env.SPANLENS_E2E_KEY = server.apiKey;
  const context = await request.newContext({ baseURL: server.url, extraHTTPHeaders: { origin: server.url } });
  const res = await context.post("/api/auth/sign-in/email", { data: E2E_ADMIN });
  if (!res.ok()) throw new Error(`e2e sign-in answered ${res.status()}: ${await res.text()}\n${server.log()}`);
  fs.mkdirSync(path.dirname(STORAGE_STATE), { recursive: true });
  await context.storageState({ path: STORAGE_STATE });
  await context.dispose();
  return async () => {
    // The server's own log explains a failed request; keep it beside the test results.
    fs.mkdirSync("test-results", { recursive: true });
    fs.writeFileSync(path.join("test-results", "server.log"), server.log());
    await server.stop();
  };
}
