import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { otlpRequest } from "./otlp-json-payloads";
import { sessionHeaders } from "./auth-helpers";
import { ADMIN_ENV, startServer, TEST_ADMIN, type TestServer } from "./server";

const HOUR_MS = 3_600_000;
let server: TestServer;
beforeAll(async () => {
  server = await startServer({ env: { SPANLENS_RETENTION: "2d", ...ADMIN_ENV } });
});
afterAll(() => server.stop());

const auth = () => ({ authorization: `Bearer ${server.apiKey}` });
const ns = (msAgo: number) => String(BigInt(Date.now() - msAgo) * 1_000_000n);
let n = 0;
const id = (len: number) => (++n).toString(16).padStart(len, "e");

async function send(body: unknown) {
  const res = await fetch(`${server.url}/v1/traces`, {
    method: "POST", headers: { ...auth(), "content-type": "application/json" }, body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** One trace of two spans that started `hoursAgo`. */
function trace(hoursAgo: number) {
  const traceId = id(32);
  const start = ns(hoursAgo * HOUR_MS);
  const end = ns(hoursAgo * HOUR_MS - 1_000);
  return { traceId, spans: [0, 1].map((i) => ({ traceId, spanId: id(16), name: `op-${i}`, start, end })) };
}

const retention = async (body?: unknown) => {
  const res = await fetch(`${server.url}/api/v1/projects/default/retention`, body === undefined ? { headers: auth() } : {
    method: "PUT", headers: { ...(await sessionHeaders(server.url, TEST_ADMIN)), "content-type": "application/json" }, body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};

const traceStatus = async (traceId: string) =>
  (await fetch(`${server.url}/api/v1/traces/${traceId}`, { headers: auth() })).status;

describe("retention", () => {
  it("refuses spans older than the retention at ingest, counted in the partial success", async () => {
    const old = trace(3 * 24);
    const fresh = trace(1);
    const res = await send(otlpRequest("retention", [...old.spans, ...fresh.spans]));
    expect(res.status).toBe(200);
    expect(res.body.partialSuccess).toEqual({
      rejectedSpans: 2,
      errorMessage: "2 spans started before the project's retention (2d) and were not stored",
    });
    expect(await traceStatus(old.traceId)).toBe(404);
    expect(await traceStatus(fresh.traceId)).toBe(200);
  });

  it("reports Noveum spans past retention too", async () => {
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const res = await fetch(`${server.url}/api/v1/traces`, {
      method: "POST", headers: { ...auth(), "content-type": "application/json" },
      body: JSON.stringify({ traces: [{
        trace_id: id(32), name: "old-noveum", start_time: iso(now - 5 * 24 * HOUR_MS), end_time: iso(now - 5 * 24 * HOUR_MS + 5),
        spans: [{ span_id: id(16), name: "s", start_time: iso(now - 5 * 24 * HOUR_MS), end_time: iso(now - 5 * 24 * HOUR_MS + 5) }],
      }] }),
    });
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ success: true, received: 1, stored: 0, rejected: 1 });
    expect(body.message).toContain("retention (2d)");
  });

  it("names a bad period, and a shorter retention purges what it no longer covers", async () => {
    expect(await retention({ retention: "7m" })).toMatchObject({ status: 400, body: { error: expect.stringContaining("retention:") } });
    expect(await retention({ retention: 7 })).toMatchObject({ status: 400 });
    const wrongType = await fetch(`${server.url}/api/v1/projects/default/retention`, {
      method: "PUT", headers: { ...(await sessionHeaders(server.url, TEST_ADMIN)), "content-type": "text/plain" }, body: JSON.stringify({ retention: "1d" }),
    });
    expect(wrongType.status).toBe(415);
    expect((await retention()).body).toMatchObject({ retention: null, default: "2d", effective: "2d" });

    const dayAndHalf = trace(36);
    const recent = trace(2);
    expect((await send(otlpRequest("retention", [...dayAndHalf.spans, ...recent.spans]))).body.partialSuccess).toEqual({});
    const before = (await retention()).body.storage.spans;

    expect((await retention({ retention: "1d" })).body).toMatchObject({ retention: "1d", effective: "1d" });
    const purge = await fetch(`${server.url}/api/v1/projects/default/retention/purge`, { method: "POST", headers: await sessionHeaders(server.url, TEST_ADMIN) });
    expect(purge.status).toBe(200);
    expect((await purge.json()).byProject.default).toBe(2);
    expect(await traceStatus(dayAndHalf.traceId)).toBe(404);
    expect(await traceStatus(recent.traceId)).toBe(200);
    const after = (await retention()).body;
    expect(after.storage.spans).toBe(before - 2);
    expect(BigInt(after.storage.oldestStartNs) >= BigInt(ns(24 * HOUR_MS + 60_000))).toBe(true);
    expect(after.purge.last.byProject.default).toBe(2);
    expect(after.purge.nextRunAt).toEqual(expect.any(String));

    expect((await retention({ retention: null })).body).toMatchObject({ retention: null, effective: "2d" });
  });
});
