import { describe, expect, it } from "vitest";
import { getJson, hexId, postJson } from "./http";
import { otlpRequest } from "./otlp-json-payloads";

interface KeyRow { scope: string; key: string; types: string[]; spanCount: number }

describe("attribute catalog", () => {
  it("counts keys and values at ingest, once per span even when a span is resent", async () => {
    const traceId = hexId(32);
    const spans = ["gold", "gold", "silver"].map((tier, i) => ({
      traceId, spanId: hexId(16), name: `cat-${i}`, start: `176400000${i}000000000`, end: `176400000${i}000000100`,
      attributes: [
        { key: "catalog.tier", value: { stringValue: tier } },
        { key: "catalog.amount", value: i === 2 ? { intValue: "7" } : { doubleValue: 1.5 } },
      ],
      events: [{ name: "stage_completed", timeUnixNano: `176400000${i}000000050`, attributes: [{ key: "catalog.stage", value: { stringValue: "pay" } }] }],
    }));
    expect((await postJson("/v1/traces", otlpRequest("catalog-svc", spans))).status).toBe(200);
    expect((await postJson("/v1/traces", otlpRequest("catalog-svc", spans.slice(0, 1)))).status).toBe(200);

    const { body } = await getJson<{ keys: KeyRow[] }>("/api/v1/attributes?prefix=catalog.");
    const byKey = Object.fromEntries(body.keys.map((k) => [`${k.scope}:${k.key}`, k]));
    expect(byKey["span:catalog.tier"]).toMatchObject({ types: ["string"], spanCount: 3 });
    expect(byKey["span:catalog.amount"]).toMatchObject({ types: ["double", "int"], spanCount: 3 });
    expect(byKey["event:catalog.stage"]).toMatchObject({ types: ["string"], spanCount: 3 });

    const values = await getJson<{ values: { value: string; count: number }[]; distinctValues: number }>(
      "/api/v1/attributes/catalog.tier/values?scope=span",
    );
    expect(values.body.values).toEqual([{ value: "gold", type: "string", count: 2 }, { value: "silver", type: "string", count: 1 }]);
    expect(values.body.distinctValues).toBe(2);
    const prefixed = await getJson<{ values: { value: string }[] }>("/api/v1/attributes/catalog.tier/values?prefix=si");
    expect(prefixed.body.values.map((v) => v.value)).toEqual(["silver"]);

    const services = await getJson<{ values: { value: string }[] }>("/api/v1/attributes/service.name/values?scope=resource&prefix=catalog");
    expect(services.body.values.map((v) => v.value)).toEqual(["catalog-svc"]);
  });

  it("400s an unknown scope", async () => {
    expect((await getJson<{ error: string }>("/api/v1/attributes?scope=nope")).body.error).toMatch(/^scope: /);
  });
});
