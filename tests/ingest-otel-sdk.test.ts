import { describe, expect, it } from "vitest";
import { hr, recordSpans, sendSpans, SpanKind, SpanStatusCode } from "./otel-client";
import { base, getJson, key } from "./http";
import type { TraceDetail } from "@/lib/contract";

/** Two nested spans with every attribute type the SDK can make, at exact nanoseconds. */
function makeTrace(service: string) {
  return recordSpans(service, (tracer, withParent) => {
    const root = tracer.startSpan("checkout", { kind: SpanKind.SERVER, startTime: hr(1_764_000_000, 123_456_789) });
    root.setAttributes({
      "customer.tier": "enterprise",
      "business.revenue_impact": 129.99,
      "http.response.status_code": 201,
      "cart.gift": true,
      "cart.item_skus": ["A-1", "B-2"],
      "cart.quantities": [1, 3],
    });
    const child = tracer.startSpan("charge card", { kind: SpanKind.CLIENT, startTime: hr(1_764_000_000, 200_000_001) }, withParent(root));
    child.addEvent("stage_completed", { stage: "payment", "duration.ms": 12 }, hr(1_764_000_000, 300_000_000));
    child.setStatus({ code: SpanStatusCode.ERROR, message: "card declined" });
    child.end(hr(1_764_000_000, 900_000_002));
    root.end(hr(1_764_000_001, 5));
  });
}

describe.each(["json", "proto"] as const)("OTLP/HTTP %s from the real OpenTelemetry JS exporter", (encoding) => {
  it("stores every span with exact times and typed attributes", async () => {
    const spans = makeTrace(`svc-${encoding}`);
    await sendSpans(spans, { url: base(), apiKey: key(), encoding });
    const traceId = spans[0].spanContext().traceId;

    const { status, body } = await getJson<TraceDetail>(`/api/v1/traces/${traceId}`);
    expect(status).toBe(200);
    expect(body.traceId).toBe(traceId);
    expect(body.spans.map((s) => s.name)).toEqual(["checkout", "charge card"]);
    const [root, child] = body.spans;
    expect(root.startTimeUnixNano).toBe("1764000000123456789");
    expect(root.endTimeUnixNano).toBe("1764000001000000005");
    expect(root.kind).toBe("server");
    expect(root.serviceName).toBe(`svc-${encoding}`);
    expect(root.parentSpanId).toBeNull();
    expect(root.attributes).toEqual({
      "business.revenue_impact": 129.99,
      "cart.gift": true,
      "cart.item_skus": ["A-1", "B-2"],
      "cart.quantities": [1, 3],
      "customer.tier": "enterprise",
      "http.response.status_code": 201,
    });
    expect(root.resource["service.name"]).toBe(`svc-${encoding}`);
    expect(root.resource["deployment.environment.name"]).toBe("test");
    expect(child.parentSpanId).toBe(root.spanId);
    expect(child.kind).toBe("client");
    expect(child.status).toEqual({ code: "error", message: "card declined" });
    expect(child.durationMs).toBeCloseTo(700.000001, 6);
    expect(child.events).toEqual([
      { name: "stage_completed", timeUnixNano: "1764000000300000000", attributes: { stage: "payment", "duration.ms": 12 } },
    ]);
  });
});
