import type { TestProject } from "vitest/node";
import { ADMIN_ENV, startServer, TEST_ADMIN, type TestServer } from "./server";

let server: TestServer | undefined;

/** One real server for every integration test file; unit tests ignore it. */
export async function setup(project: TestProject) {
  server = await startServer({ env: ADMIN_ENV });
  project.provide("baseUrl", server.url);
  project.provide("apiKey", server.apiKey);
  project.provide("admin", TEST_ADMIN);
}

export async function teardown() {
  await server?.stop();
}
