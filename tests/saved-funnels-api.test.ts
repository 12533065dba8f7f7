import { describe, expect, it } from "vitest";
import { adminApi, getJson, hexId, postJson } from "./http";
import { otlpRequest } from "./otlp-json-payloads";

const send = (method: string, path: string, body?: unknown) =>
  adminApi(path, { method, body: body ? JSON.stringify(body) : undefined });

const definition = { steps: ['{ span.funnel.stage = "view" }', '{ span.funnel.stage = "cart" }'], by: "span.user.id", window: "1h", since: "7d" };

describe("saved funnels and attribute stats", () => {
  it("saves, renames, reads and deletes a funnel; rejects a step that does not parse", async () => {
    const created = await send("POST", "/api/v1/funnels", { name: "Checkout", author: "ana", definition });
    expect(created.status).toBe(201);
    const row = (await created.json()) as { id: string; definition: typeof definition };
    expect(row.definition.steps).toEqual(definition.steps);
    expect((await send("PATCH", `/api/v1/funnels/${row.id}`, { name: "Checkout v2" })).status).toBe(200);
    const list = (await (await send("GET", "/api/v1/funnels")).json()) as { funnels: { id: string; name: string }[] };
    expect(list.funnels.find((f) => f.id === row.id)?.name).toBe("Checkout v2");
    expect((await send("DELETE", `/api/v1/funnels/${row.id}`)).status).toBe(204);
    expect((await send("GET", `/api/v1/funnels/${row.id}`)).status).toBe(404);
    const bad = await send("POST", "/api/v1/funnels", { name: "x", author: "ana", definition: { ...definition, steps: ["{ span.a = }", "{}"] } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^definition\.steps\[0\]: /);
  });

  it("summarises a numeric attribute and estimates distinct values", async () => {
    const spans = [10, 20, 30, 40].map((v, i) => ({
      traceId: hexId(32), spanId: hexId(16), name: "stat", start: `14000000${i}0000000000`, end: `14000000${i}0000000001`,
      attributes: [{ key: "stats.amount", value: { doubleValue: v } }],
    }));
    expect((await postJson("/v1/traces", otlpRequest("stats-svc", spans))).status).toBe(200);
    const { status, body } = await getJson<{ spanCount: number; distinctApprox: number; numeric: { sum: number; max: number; p50: number } }>(
      "/api/v1/attributes/stats.amount/stats?scope=span",
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ spanCount: 4, distinctApprox: 4, numeric: { sum: 100, max: 40, p50: 25 } });
  });
});
