import { describe, expect, it } from "vitest";
import { api, getJson, hexId, postJson } from "./http";
import { otlpRequest } from "./otlp-json-payloads";
import type { FunnelResult, MetricsResult } from "@/lib/contract";

const BASE = 1_500_000_000;

describe("metrics and funnels over HTTP", () => {
  it("charts p95 duration by tier with a TraceQL filter, and runs a funnel by user across traces", async () => {
    const spans = [
      ["u1", "gold", "view", 0, 100], ["u1", "gold", "cart", 60, 300], ["u2", "free", "view", 10, 50], ["u2", "free", "view", 20, 70],
    ].map(([user, tier, stage, at, ms]) => ({
      traceId: hexId(32), spanId: hexId(16), name: `stage ${stage}`,
      start: `${BASE + Number(at)}000000000`, end: String(BigInt(BASE + Number(at)) * 1_000_000_000n + BigInt(ms) * 1_000_000n),
      attributes: [
        { key: "user.id", value: { stringValue: String(user) } }, { key: "customer.tier", value: { stringValue: String(tier) } },
        { key: "funnel.stage", value: { stringValue: String(stage) } },
      ],
    }));
    expect((await postJson("/v1/traces", otlpRequest("metrics-svc", spans))).status).toBe(200);
    const range = `start=${BASE}&end=${BASE + 3600}`;
    const q = encodeURIComponent('{ resource.service.name = "metrics-svc" }');
    const m = await getJson<MetricsResult>(`/api/v1/metrics?q=${q}&measure=max(duration)&groupBy=span.customer.tier&${range}&step=1m`);
    expect(m.status).toBe(200);
    const byTier = Object.fromEntries(m.body.series.map((s) => [s.group["span.customer.tier"], s.total]));
    expect(byTier).toEqual({ gold: 300, free: 70 });
    expect(m.body.stepMs).toBe(60_000);
    const gold = m.body.series.find((s) => s.group["span.customer.tier"] === "gold")!;
    expect(gold.points).toEqual([{ t: BASE * 1000, v: 100 }, { t: (BASE + 60) * 1000, v: 300 }]);

    const bad = await getJson<{ error: string }>(`/api/v1/metrics?measure=median(duration)&${range}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^measure: /);

    const funnel = await api("/api/v1/funnels/query", {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({
        steps: ['{ span.funnel.stage = "view" && resource.service.name = "metrics-svc" }', '{ span.funnel.stage = "cart" }'],
        by: "span.user.id", window: "1h", start: BASE, end: BASE + 3600,
      }),
    });
    expect(funnel.status).toBe(200);
    const f = (await funnel.json()) as FunnelResult;
    expect(f.steps.map((s) => s.count)).toEqual([2, 1]);
    expect(f.steps[1].medianTimeFromPreviousMs).toBe(60_000);

    const badStep = await api("/api/v1/funnels/query", {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ steps: ["{ span.x = }", "{}"] }),
    });
    expect(badStep.status).toBe(400);
    expect(((await badStep.json()) as { error: string }).error).toMatch(/^steps\[0\]: /);
  });
});
