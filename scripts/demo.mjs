#!/usr/bin/env node
// `npm run demo`: build if needed, start the production server (which creates the data
// dir and migrates both stores), then load demo traces through the real OpenTelemetry
// JS SDK. The server keeps running in the foreground; Ctrl-C stops it.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(process.env.SPANLENS_DATA_DIR ?? path.join(root, "data"));
const port = process.env.PORT ?? "3000";
const reload = process.argv.includes("--reload");
// Demo data covers the last 24 hours; older data stops telling a story, so top it up.
const RELOAD_AFTER_MS = 6 * 3600 * 1000;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SPANLENS_DATA_DIR: dataDir };

fs.mkdirSync(dataDir, { recursive: true });
const keyFile = path.join(dataDir, "demo-api-key");
if (!env.SPANLENS_API_KEY) {
  if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, "sl_demo_" + randomBytes(18).toString("base64url") + "\n", { mode: 0o600 });
  env.SPANLENS_API_KEY = fs.readFileSync(keyFile, "utf8").trim();
}

// An admin to sign in with: SPANLENS_ADMIN_* when set, else demo@spanlens.local with a
// password generated on the first run and printed once. Only a marker is kept, never the
// password: later runs leave the account as it is.
const adminMarker = path.join(dataDir, "demo-admin-created");
let firstAdmin = false;
if (!env.SPANLENS_ADMIN_EMAIL || !env.SPANLENS_ADMIN_PASSWORD) {
  env.SPANLENS_ADMIN_EMAIL = "demo@spanlens.local";
  if (!fs.existsSync(adminMarker)) {
    env.SPANLENS_ADMIN_PASSWORD = randomBytes(12).toString("base64url");
    fs.writeFileSync(adminMarker, `${env.SPANLENS_ADMIN_EMAIL}\n`);
    firstAdmin = true;
  } else {
    delete env.SPANLENS_ADMIN_EMAIL;
    delete env.SPANLENS_ADMIN_PASSWORD;
  }
}

const nextBin = path.join(root, "node_modules/next/dist/bin/next");
if (!fs.existsSync(path.join(root, ".next/BUILD_ID"))) {
  console.log("[demo] building (first run only)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [nextBin, "start", "-p", port], { cwd: root, env, stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));

const url = `http://localhost:${port}`;
const deadline = Date.now() + 60_000;
while (!(await fetch(`${url}/health`).then((r) => r.ok, () => false))) {
  if (Date.now() > deadline) {
    console.error(`[demo] the server did not answer ${url}/health within 60 s`);
    server.kill();
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 250));
}

const marker = path.join(dataDir, "demo-loaded-at");
const loadedAt = fs.existsSync(marker) ? Number(fs.readFileSync(marker, "utf8")) : 0;
if (reload || Date.now() - loadedAt > RELOAD_AFTER_MS) {
  console.log("[demo] sending demo traces through the OpenTelemetry JS SDK…");
  const gen = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts/demo/run.ts"), "--url", url, "--key", env.SPANLENS_API_KEY],
    { cwd: root, env, stdio: "inherit" },
  );
  if (gen.status !== 0) console.error("[demo] loading demo data failed; the server keeps running");
  else fs.writeFileSync(marker, String(Date.now()));
} else {
  console.log("[demo] demo data already loaded (run `npm run demo -- --reload` to add a fresh day)");
}
const credentials = firstAdmin
  ? `  Sign in as ${env.SPANLENS_ADMIN_EMAIL} with password ${env.SPANLENS_ADMIN_PASSWORD}\n  (printed only this once and not stored: note it down)`
  : process.env.SPANLENS_ADMIN_PASSWORD
    ? `  Sign in as ${process.env.SPANLENS_ADMIN_EMAIL} (SPANLENS_ADMIN_PASSWORD)`
    : "  Sign in as demo@spanlens.local with the password printed at the first run (lost? start over with a new SPANLENS_DATA_DIR)";
console.log(`\n  Spanlens is running: sign in at ${url}/sign-in\n${credentials}\n  Ingest key: ${env.SPANLENS_API_KEY}\n`);
