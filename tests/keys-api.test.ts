import { describe, expect, it } from "vitest";
import { adminApi, api, hexId, postJson } from "./http";
import { otlpRequest } from "./otlp-json-payloads";

const oneSpan = () => otlpRequest("keys", [{ traceId: hexId(32), spanId: hexId(16), name: "k", start: "1764000000000000000", end: "1764000000000000001" }]);
const KEYS = "/api/v1/projects/default/keys";
const create = (body: unknown) => adminApi(KEYS, { method: "POST", body: JSON.stringify(body) });

type Created = { id: number; key: string; prefix: string; scopes: string[]; apiKey: Record<string, unknown> };

describe("API keys", () => {
  it("a created key ingests until it is revoked, then gets 401", async () => {
    const created = await create({ name: "ci", scopes: ["ingest"] });
    expect(created.status).toBe(201);
    const { id, key, prefix, scopes, apiKey } = (await created.json()) as Created;
    expect(key.startsWith(prefix)).toBe(true);
    expect(prefix.length).toBeLessThanOrEqual(6);
    expect(scopes).toEqual(["ingest"]);
    expect(JSON.stringify(apiKey)).not.toContain(key);
    expect((await postJson("/v1/traces", oneSpan(), { key })).status).toBe(200);

    const listed = (await (await adminApi(KEYS)).json()) as { keys: { id: number; name: string; scopes: string[] }[] };
    expect(listed.keys.find((k) => k.id === id)).toMatchObject({ name: "ci", scopes: ["ingest"] });
    expect(JSON.stringify(listed)).not.toContain(key);

    expect((await adminApi(`${KEYS}/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await postJson("/v1/traces", oneSpan(), { key })).status).toBe(401);
    expect((await adminApi(`${KEYS}/${id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("a key without a scope gets 403 naming it", async () => {
    const readOnly = ((await (await create({ name: "reader", scopes: ["read"] })).json()) as Created).key;
    const ingest = await postJson("/v1/traces", oneSpan(), { key: readOnly });
    expect(ingest.status).toBe(403);
    expect(((await ingest.json()) as { error: string }).error).toMatch(/"ingest" scope/);
    expect((await api("/api/v1/traces", { headers: { authorization: `Bearer ${readOnly}` } })).status).toBe(200);

    const ingestOnly = ((await (await create({ name: "sender", scopes: ["ingest"] })).json()) as Created).key;
    const read = await api("/api/v1/traces", { headers: { authorization: `Bearer ${ingestOnly}` } });
    expect(read.status).toBe(403);
    expect(((await read.json()) as { error: string }).error).toMatch(/"read" scope/);
  });

  it("no key can administer, not even one with both scopes", async () => {
    const res = await api(KEYS, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "x", scopes: ["read"] }) });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/signed-in admin/);
  });

  it.each([
    [{ name: " ", scopes: ["ingest"] }, /^name: /],
    [{ name: "x", scopes: [] }, /^scopes: /],
    [{ name: "x", scopes: ["admin"] }, /^scopes\.0: /],
    [{ name: "x", extra: 1 }, /extra|Unrecognized/i],
  ])("400s %j, naming the field", async (body, message) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
  });
});
