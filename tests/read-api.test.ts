import { describe, expect, it } from "vitest";
import { getJson, hexId, key, postJson } from "./http";
import { otlpRequest } from "./otlp-json-payloads";
import type { TraceSearchPage } from "@/lib/contract";

describe("GET /api/v1/traces", () => {
  it("pages newest first with a cursor inside a start/end window", async () => {
    const baseSec = 1_700_000_000;
    const ids = Array.from({ length: 5 }, () => hexId(32));
    const spans = ids.map((traceId, i) => ({
      traceId, spanId: hexId(16), name: `page-${i}`,
      start: `${baseSec + i}000000000`, end: `${baseSec + i}000500000`,
    }));
    expect((await postJson("/v1/traces", otlpRequest("pager", spans))).status).toBe(200);
    const window = `start=${baseSec}&end=${new Date((baseSec + 4) * 1000).toISOString()}`;
    const first = await getJson<TraceSearchPage>(`/api/v1/traces?${window}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.traces.map((t) => t.rootName)).toEqual(["page-4", "page-3"]);
    expect(first.body.traces[0]).toMatchObject({ rootService: "pager", spanCount: 1, errorCount: 0, durationMs: 0.5, startTimeUnixNano: `${baseSec + 4}000000000` });
    const second = await getJson<TraceSearchPage>(`/api/v1/traces?${window}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.traces.map((t) => t.rootName)).toEqual(["page-2", "page-1"]);
    const third = await getJson<TraceSearchPage>(`/api/v1/traces?${window}&limit=2&cursor=${second.body.nextCursor}`);
    expect(third.body.traces.map((t) => t.rootName)).toEqual(["page-0"]);
    expect(third.body.nextCursor).toBeNull();
  });

  it("400s bad parameters with the parameter's name", async () => {
    expect((await getJson<{ error: string }>("/api/v1/traces?limit=0")).body.error).toMatch(/^limit: /);
    expect((await getJson<{ error: string }>("/api/v1/traces?start=yesterday")).body.error).toMatch(/^start: /);
    expect((await getJson<{ error: string }>("/api/v1/traces?cursor=zzz")).status).toBe(400);
    expect((await getJson<{ error: string }>("/api/v1/traces/not-an-id")).status).toBe(400);
    expect((await getJson<{ error: string }>(`/api/v1/traces/${hexId(32)}`)).status).toBe(404);
  });

  it("accepts the ingest key for scripts and 401s an unknown one", async () => {
    expect((await getJson("/api/v1/traces?limit=1", { key: key() })).status).toBe(200);
    expect((await getJson("/api/v1/traces?limit=1", { key: "sl_unknown_key" })).status).toBe(401);
  });

  it("GET /health says ok", async () => {
    expect(await getJson("/health")).toEqual({ status: 200, body: { ok: true } });
  });
});
