import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { STORAGE_STATE } from "./e2e/env";

/** Playwright cannot download its browser here: use CHROMIUM_PATH, else Debian's
 * /usr/bin/chromium, else Playwright's own (what users elsewhere have). */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  // CI runs on 2 busy cores: assertions wait for a state, and a loaded machine may take many
  // seconds to reach it (5 s, the default, failed "points at the step…" under load 20).
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  // Starts the real server on a free port with a temp data dir (see tests/server.ts).
  globalSetup: "./e2e/global-setup.ts",
  use: {
    // Signed in as the admin global-setup created; specs about signing in start empty.
    storageState: STORAGE_STATE,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
});
