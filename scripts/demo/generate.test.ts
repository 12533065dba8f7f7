import { afterEach, describe, expect, it } from "vitest";
import { startCaptureServer, type Capture, type JsonSpan, type KeyValue } from "./capture-server";
import { sendDemoData, type DemoOptions } from "./generate";

const NOW = new Date("2026-11-25T12:00:00Z");
const SMALL = { apiKey: "demo-key", traces: 60, bigTraceSpans: [300, 1200], noveumTraces: 4, now: NOW, seed: 7 } satisfies Omit<DemoOptions, "baseUrl">;

const servers: Capture[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function run(opts: Partial<DemoOptions> = {}) {
  const capture = await startCaptureServer();
  servers.push(capture);
  const result = await sendDemoData({ ...SMALL, baseUrl: capture.url, ...opts });
  return { capture, result };
}

function jsonSpans(c: Capture): (JsonSpan & { service: string })[] {
  return c.jsonBodies.flatMap((b) =>
    b.resourceSpans.flatMap((rs) => {
      const service = String(rs.resource.attributes.find((a) => a.key === "service.name")?.value.stringValue);
      return rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => ({ ...s, service })));
    }),
  );
}

function attr(attrs: KeyValue[], key: string): Record<string, unknown> | undefined {
  return attrs.find((a) => a.key === key)?.value;
}

describe("sendDemoData", () => {
  it("delivers every span over OTLP JSON, OTLP protobuf and Noveum, and counts them right", async () => {
    const { capture, result } = await run();
    const json = jsonSpans(capture);
    const noveumSpans = capture.noveumBodies.flatMap((b) => b.traces).reduce((n, t) => n + t.spans.length, 0);

    expect(capture.protoBytes).toBeGreaterThan(0);
    expect(json.length + capture.protoSpanTraceIds.length + noveumSpans).toBe(result.spans);
    expect(result.traces).toBe(60 + 2 + 4);
    expect([...capture.authHeaders]).toEqual(["Bearer demo-key"]);

    // The big traces are complete across both encodings: nothing dropped.
    const perTrace = new Map<string, number>();
    for (const id of [...json.map((s) => s.traceId), ...capture.protoSpanTraceIds]) perTrace.set(id, (perTrace.get(id) ?? 0) + 1);
    const sizes = [...perTrace.values()].sort((a, b) => b - a);
    expect(sizes.slice(0, 2)).toEqual([1200, 300]);
    expect(perTrace.size).toBe(62);
  });

  it("models custom business spans with the attribute types a backend must keep", async () => {
    const { capture } = await run();
    const spans = jsonSpans(capture);
    const keys = new Set(spans.flatMap((s) => s.attributes.map((a) => a.key)));
    for (const key of ["funnel.stage", "customer.tier", "customer.lifetime_value", "business.revenue_impact", "business.interaction_value", "db.statement", "db.execution_time", "db.rows_affected", "workflow.id", "workflow.name", "cart.item_skus", "profiling.memory_delta_mb", "http.response.status_code", "user.id", "session.id"]) {
      expect(keys, key).toContain(key);
    }
    expect([...keys].some((k) => /^workflow\.stages\.\w+\.duration$/.test(k))).toBe(true);

    const first = (key: string) => spans.map((s) => attr(s.attributes, key)).find(Boolean)!;
    expect(first("business.revenue_impact")).toHaveProperty("doubleValue");
    expect(first("customer.lifetime_value")).toHaveProperty("doubleValue");
    expect(first("db.rows_affected")).toHaveProperty("intValue");
    expect(first("http.response.status_code")).toHaveProperty("intValue");
    expect(first("cart.item_skus")).toHaveProperty("arrayValue");
    expect(first("payment.approved")).toHaveProperty("boolValue");

    const completed = spans.flatMap((s) => s.events).find((e) => e.name === "stage_completed")!;
    expect(completed.attributes.map((a) => a.key).sort()).toEqual(["duration", "stage"]);
    expect(attr(completed.attributes, "duration")).toHaveProperty("intValue");
    const exception = spans.flatMap((s) => s.events).find((e) => e.name === "exception")!;
    expect(exception.attributes.map((a) => a.key)).toEqual(expect.arrayContaining(["exception.type", "exception.message", "exception.stacktrace"]));
    expect(spans.some((s) => s.status.code === 2 && s.status.message)).toBe(true);
    expect(spans.some((s) => s.kind === 4) && spans.some((s) => s.kind === 3)).toBe(true); // producer, client

    for (const s of spans as unknown as { startTimeUnixNano: string; endTimeUnixNano: string }[]) {
      expect(BigInt(s.endTimeUnixNano) <= BigInt(NOW.getTime()) * 1_000_000n).toBe(true);
      expect(BigInt(s.startTimeUnixNano) >= BigInt(NOW.getTime() - 86_400_000) * 1_000_000n).toBe(true);
    }
  });

  it("sends Noveum batches shaped like the real SDK's", async () => {
    const { capture } = await run();
    const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/;
    expect(capture.noveumBodies.length).toBeGreaterThan(0);
    for (const body of capture.noveumBodies) {
      expect(body.timestamp).toBe(NOW.getTime() / 1000);
      for (const t of body.traces) {
        expect(t.trace_id).toMatch(/^([0-9a-f]{16}|[0-9a-f]{32})$/);
        expect(t.start_time).toMatch(iso);
        expect(t.end_time).toMatch(iso);
        expect(t.sdk).toEqual({ name: "@noveum/trace", version: "1.1.1" });
        expect(["ok", "error", "unset", "timeout", "cancelled"]).toContain(t.status);
        expect(Object.keys(t.metadata).sort()).toEqual(["custom_attributes", "request_id", "session_id", "tags", "user_id"]);
        expect(t.span_count).toBe(t.spans.length);
        expect(t.spans.filter((s) => s.parent_span_id === null)).toHaveLength(1);
        for (const s of t.spans) {
          expect(s.trace_id).toBe(t.trace_id);
          expect(s.span_id).toMatch(/^[0-9a-f]{16}$/);
          expect(s.links).toEqual([]);
          expect(Array.isArray(s.events)).toBe(true);
        }
      }
    }
  });

  it("replays the same data for the same seed and now", async () => {
    const ids = (c: Capture) => [...jsonSpans(c).map((s) => s.spanId), ...c.protoSpanTraceIds].sort();
    const a = await run({ bigTraceSpans: [40] });
    const b = await run({ bigTraceSpans: [40] });
    expect(ids(b.capture)).toEqual(ids(a.capture));
    expect(b.capture.noveumBodies).toEqual(a.capture.noveumBodies);

    // A later run (a demo reload) must not collide with the earlier one's traces.
    const later = await run({ bigTraceSpans: [40], now: new Date(NOW.getTime() + 3_600_000) });
    const before = new Set(jsonSpans(a.capture).map((s) => s.traceId));
    expect(jsonSpans(later.capture).filter((s) => before.has(s.traceId))).toEqual([]);
  });

  it("throws when the server rejects spans", async () => {
    const capture = await startCaptureServer({ failOtlpWith: 400 });
    servers.push(capture);
    await expect(sendDemoData({ ...SMALL, traces: 5, bigTraceSpans: [], baseUrl: capture.url })).rejects.toThrow(/export failed/i);
  });
});
