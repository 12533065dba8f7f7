import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getJson, hexId, postJson } from "./http";
import type { TraceDetail } from "@/lib/contract";

/** Captured from @noveum/trace 1.1.1: 16-hex ids, Python-style times, float batch timestamp. */
const captured = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "fixtures/noveum-trace-ts-1.1.1-batch.json"), "utf8"));

describe("Noveum SDK batches at /api/v1/traces", () => {
  it("stores the captured real batch, found by the 16-hex id and by its padded form", async () => {
    const res = await postJson("/api/v1/traces", captured);
    expect(res.status).toBe(200);
    const first = captured.traces[0];
    const short = await getJson<TraceDetail>(`/api/v1/traces/${first.trace_id}`);
    expect(short.status).toBe(200);
    expect(short.body.traceId).toBe(first.trace_id.padStart(32, "0"));
    const padded = await getJson<TraceDetail>(`/api/v1/traces/${first.trace_id.padStart(32, "0")}`);
    expect(padded.body.spans).toHaveLength(1);
    const span = padded.body.spans[0];
    expect(span.name).toBe("purchase_validation");
    expect(span.startTimeUnixNano).toBe("1795551309366000000");
    expect(span.attributes["purchase.total_value"]).toBe(129.5);
    expect(span.attributes["purchase.validation_success"]).toBe(true);
    expect(span.resource["service.name"]).toBe("shop-api");
    expect(span.events[0]).toMatchObject({ name: "stage_completed", attributes: { stage: "validation", duration: 12 } });
  });

  it("keeps a trace record with no spans as one root span, maps metadata and timeout status", async () => {
    const traceId = hexId(32);
    const res = await postJson("/api/v1/traces", {
      timestamp: 1795551309.5,
      traces: [{
        trace_id: traceId, name: "checkout-flow", start_time: "2026-11-24T20:15:09.100000+00:00", end_time: "2026-11-24T20:15:10.250000+00:00",
        duration_ms: 1150, status: "timeout", status_message: null, attributes: { "funnel.stage": "checkout" },
        metadata: { user_id: "u-7", session_id: "s-9", request_id: null, tags: {}, custom_attributes: {} },
        spans: [], sdk: { name: "@noveum/trace", version: "1.1.1" }, project: "shop-api", environment: "prod",
      }],
    });
    expect(res.status).toBe(200);
    const { body } = await getJson<TraceDetail>(`/api/v1/traces/${traceId}`);
    expect(body.spans).toHaveLength(1);
    const [root] = body.spans;
    expect(root.name).toBe("checkout-flow");
    expect(root.parentSpanId).toBeNull();
    expect(root.status).toEqual({ code: "error", message: "timeout" });
    expect(root.durationMs).toBe(1150);
    expect(root.attributes).toMatchObject({ "funnel.stage": "checkout", "user.id": "u-7", "session.id": "s-9" });
    expect(root.resource).toMatchObject({ "service.name": "shop-api" });
  });

  it("400s a bad time with the field path", async () => {
    const res = await postJson("/api/v1/traces", { traces: [{ trace_id: hexId(32), name: "x", start_time: "yesterday", end_time: "2026-11-24T20:15:10Z", spans: [] }] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^traces\[0\]\.start_time: /);
  });
});
