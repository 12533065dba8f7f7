import { describe, expect, it } from "vitest";
import { base, getJson, hexId, key, postJson } from "./http";
import { otlpRequest } from "./otlp-json-payloads";
import type { TraceDetail, TraceSearchPage } from "@/lib/contract";

describe("OTLP/HTTP JSON ingest", () => {
  it("keeps every AnyValue type: big ints, doubles, arrays, kvlists, bytes; links and status", async () => {
    const traceId = hexId(32);
    const spanId = hexId(16);
    const res = await postJson("/v1/traces", otlpRequest("typed", [{
      traceId, spanId, name: "typed", start: "1764000000000000001", end: "1764000000500000001",
      kind: 2,
      attributes: [
        { key: "big", value: { intValue: "9007199254740993" } },
        { key: "small", value: { intValue: 42 } },
        { key: "ratio", value: { doubleValue: 0.25 } },
        { key: "nested", value: { kvlistValue: { values: [{ key: "a", value: { boolValue: false } }, { key: "b", value: { arrayValue: { values: [{ intValue: "1" }, { stringValue: "x" }] } } }] } } },
        { key: "raw", value: { bytesValue: "AAEC" } },
      ],
      links: [{ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", attributes: [{ key: "link.kind", value: { stringValue: "follows" } }] }],
      status: { code: 1 },
    }]));
    expect(res.status).toBe(200);
    const { body } = await getJson<TraceDetail>(`/api/v1/traces/${traceId}`);
    const span = body.spans[0];
    expect(span.attributes).toEqual({
      big: "9007199254740993",
      nested: { a: false, b: [1, "x"] },
      ratio: 0.25,
      raw: "AAEC",
      small: 42,
    });
    expect(span.kind).toBe("server");
    expect(span.status.code).toBe("ok");
    expect(span.links).toEqual([{ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", traceState: "", attributes: { "link.kind": "follows" } }]);
  });

  it("accepts gzip and x-api-key", async () => {
    const traceId = hexId(32);
    const res = await postJson("/v1/traces", otlpRequest("gz", [{ traceId, spanId: hexId(16), name: "gz", start: "1764000000000000000", end: "1764000000000000000" }]), {
      key: null, gzip: true, headers: { "x-api-key": key() },
    });
    expect(res.status).toBe(200);
    expect((await getJson(`/api/v1/traces/${traceId}`)).status).toBe(200);
  });

  it("rejects a bad span with its field path and stores nothing from that request", async () => {
    const goodTrace = hexId(32);
    const res = await postJson("/v1/traces", otlpRequest("bad", [
      { traceId: goodTrace, spanId: hexId(16), name: "fine", start: "1764000000000000000", end: "1764000000000000100" },
      { traceId: "nothex", spanId: hexId(16), name: "broken", start: "1764000000000000000", end: "1764000000000000100" },
    ]));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string };
    expect(body.error).toMatch(/^resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[1\]\.traceId: /);
    expect((await getJson(`/api/v1/traces/${goodTrace}`)).status).toBe(404);
  });

  it("names the limit when a span has too many attributes", async () => {
    const attributes = Array.from({ length: 513 }, (_, i) => ({ key: `k${i}`, value: { intValue: i } }));
    const res = await postJson("/v1/traces", otlpRequest("wide", [{ traceId: hexId(32), spanId: hexId(16), name: "wide", start: "1", end: "2", attributes }]));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/maxAttributesPerSpan/);
  });

  it("stores a span sent twice once, and assembles a trace sent out of order over several requests", async () => {
    const traceId = hexId(32);
    const rootId = hexId(16);
    const child = { traceId, spanId: hexId(16), parentSpanId: rootId, name: "child", start: "1764000000200000000", end: "1764000000300000000", status: { code: 2, message: "boom" } };
    expect((await postJson("/v1/traces", otlpRequest("split", [child]))).status).toBe(200);
    expect((await postJson("/v1/traces", otlpRequest("split", [child]))).status).toBe(200);
    expect((await postJson("/v1/traces", otlpRequest("split", [
      { traceId, spanId: rootId, name: "root", start: "1764000000100000000", end: "1764000000900000000" }, child,
    ]))).status).toBe(200);
    const { body } = await getJson<TraceDetail>(`/api/v1/traces/${traceId}`);
    expect(body.spans.map((s) => s.name)).toEqual(["root", "child"]);
    const list = await getJson<TraceSearchPage>(`/api/v1/traces?start=1764000000.1&end=1764000000.1&limit=10`);
    const summary = list.body.traces.find((t) => t.traceId === traceId);
    expect(summary).toMatchObject({ rootName: "root", rootService: "split", spanCount: 2, errorCount: 1, startTimeUnixNano: "1764000000100000000", durationMs: 800 });
  });

  it("401s without a key or with an unknown one", async () => {
    const payload = otlpRequest("auth", []);
    const missing = await postJson("/v1/traces", payload, { key: null });
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: string }).error).toMatch(/missing API key/);
    expect((await postJson("/v1/traces", payload, { key: "sl_not_a_real_key" })).status).toBe(401);
  });

  it("415s an unknown content type and 400s JSON of neither shape", async () => {
    const res = await fetch(base() + "/v1/traces", {
      method: "POST", headers: { authorization: `Bearer ${key()}`, "content-type": "text/plain" }, body: "hi",
    });
    expect(res.status).toBe(415);
    const wrong = await postJson("/v1/traces", { spans: [] });
    expect(wrong.status).toBe(400);
  });
});
