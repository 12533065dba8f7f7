import { startServer } from "../tests/server";

/** Workers inherit process.env set here, so specs read the server's URL from it. */
export default async function globalSetup() {
  const server = await startServer();
  process.env.SPANLENS_E2E_URL = server.url;
  process.env.SPANLENS_E2E_KEY = server.apiKey;
  return async () => server.stop();
}
