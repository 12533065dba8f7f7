import fs from "node:fs";
import path from "node:path";
import { startServer } from "../tests/server";

/** Workers inherit process.env set here, so specs read the server's URL from it. */
export default async function globalSetup() {
  const server = await startServer();
  process.env.SPANLENS_E2E_URL = server.url;
  process.env.SPANLENS_E2E_KEY = server.apiKey;
  return async () => {
    // The server's own log explains a failed request; keep it beside the test results.
    fs.mkdirSync("test-results", { recursive: true });
    fs.writeFileSync(path.join("test-results", "server.log"), server.log());
    await server.stop();
  };
}
