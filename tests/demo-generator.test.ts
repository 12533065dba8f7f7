import { describe, expect, it } from "vitest";
import { sendDemoData } from "@/scripts/demo/generate";
import { base, getJson, key } from "./http";
import type { TraceDetail, TraceSearchPage } from "@/lib/contract";

describe("demo generator against the real server", () => {
  it("stores every span it sends, through the OTLP JSON, OTLP protobuf and Noveum paths", async () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const sent = await sendDemoData({ baseUrl: base(), apiKey: key(), traces: 40, bigTraceSpans: [300, 1200], noveumTraces: 6, now, seed: 7 });
    const start = Math.floor(now.getTime() / 1000) - 86_400 - 3_600;
    const end = Math.floor(now.getTime() / 1000) + 3_600;
    let spans = 0;
    let cursor: string | null = null;
    const services = new Set<string>();
    let biggest = { traceId: "", spanCount: 0 };
    do {
      const page: { body: TraceSearchPage } = await getJson<TraceSearchPage>(`/api/v1/traces?start=${start}&end=${end}&limit=1000${cursor ? `&cursor=${cursor}` : ""}`);
      for (const t of page.body.traces) {
        spans += t.spanCount;
        services.add(t.rootService);
        if (t.spanCount > biggest.spanCount) biggest = t;
      }
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(spans).toBe(sent.spans);
    expect(services.has("shop-api")).toBe(true); // the Noveum sender's project
    expect(biggest.spanCount).toBe(1200);
    const big = await getJson<TraceDetail>(`/api/v1/traces/${biggest.traceId}`);
    expect(big.body.spans).toHaveLength(1200);
  });
});
