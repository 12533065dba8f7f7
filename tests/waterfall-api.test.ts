import { describe, expect, it } from "vitest";
import { getJson, hexId, postJson } from "./http";
import { otlpRequest } from "./otlp-json-payloads";
import type { CompactTrace, SpanView } from "@/lib/contract";

describe("waterfall API", () => {
  it("returns a trace in columns with interned names, offsets and event markers; one span in full", async () => {
    const traceId = hexId(32);
    const [root, child, orphan] = [hexId(16), hexId(16), hexId(16)];
    const missing = hexId(16);
    const res = await postJson("/v1/traces", otlpRequest("wf", [
      { traceId, spanId: root, name: "GET /", start: "1764000000000000000", end: "1764000001000000000" },
      { traceId, spanId: child, parentSpanId: root, name: "db", start: "1764000000000000500", end: "1764000000250000500", status: { code: 2 },
        events: [{ name: "exception", timeUnixNano: "1764000000100000000", attributes: [{ key: "exception.type", value: { stringValue: "Timeout" } }] }] },
      { traceId, spanId: orphan, parentSpanId: missing, name: "db", start: "1764000000300000000", end: "1764000000400000000" },
    ]));
    expect(res.status).toBe(200);
    const { status, body } = await getJson<CompactTrace>(`/api/v1/traces/${traceId}/waterfall`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      traceId, startTimeUnixNano: "1764000000000000000", spanCount: 3,
      names: ["GET /", "db", "exception"], services: ["wf"],
      spanId: [root, child, orphan], parentSpanId: [null, root, missing],
      name: [0, 1, 1], service: [0, 0, 0],
      startOffsetNs: [0, 500, 300_000_000], durationNs: [1_000_000_000, 250_000_000, 100_000_000],
      status: [0, 2, 0], events: [1, 100_000_000, 2],
    });
    const span = await getJson<SpanView>(`/api/v1/traces/${traceId}/spans/${child}`);
    expect(span.body.events[0].attributes).toEqual({ "exception.type": "Timeout" });
    expect((await getJson(`/api/v1/traces/${traceId}/spans/${missing}`)).status).toBe(404);
    expect((await getJson(`/api/v1/traces/${hexId(32)}/waterfall`)).status).toBe(404);
  });
});
