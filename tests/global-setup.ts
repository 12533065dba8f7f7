import type { TestProject } from "vitest/node";
import { startServer, type TestServer } from "./server";

let server: TestServer | undefined;

/** One real server for every integration test file; unit tests ignore it. */
export async function setup(project: TestProject) {
  server = await startServer();
  project.provide("baseUrl", server.url);
  project.provide("apiKey", server.apiKey);
}

export async function teardown() {
  await server?.stop();
}
