import { describe, expect, inject, it } from "vitest";
import { sessionHeaders } from "./auth-helpers";
import { base, hexId, postJson } from "./http";
import { otlpRequest } from "./otlp-json-payloads";

/** The trace page as a signed-in browser loads it: a document request, redirects not followed. */
async function tracePage(traceId: string) {
  const headers = await sessionHeaders(base(), inject("admin"));
  return fetch(`${base()}/traces/${traceId}?project=default`, { headers: { ...headers, accept: "text/html" }, redirect: "manual" });
}

describe("trace page status", () => {
  it("answers 404 for a trace the project does not have, and for an id that cannot be one", async () => {
    const unknown = await tracePage(hexId(32));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toMatch(/text\/html/);
    expect((await tracePage("not-a-trace-id")).status).toBe(404);
  });

  it("answers 200 for a trace that exists", async () => {
    const traceId = hexId(32);
    const res = await postJson("/v1/traces", otlpRequest("page", [{ traceId, spanId: hexId(16), name: "GET /", start: "1764000000000000000", end: "1764000001000000000" }]));
    expect(res.status).toBe(200);
    expect((await tracePage(traceId)).status).toBe(200);
  });
});
