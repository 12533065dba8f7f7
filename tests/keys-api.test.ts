import { describe, expect, it } from "vitest";
import { api, hexId, postJson } from "./http";
import { otlpRequest } from "./otlp-json-payloads";

const oneSpan = () => otlpRequest("keys", [{ traceId: hexId(32), spanId: hexId(16), name: "k", start: "1764000000000000000", end: "1764000000000000001" }]);

describe("API keys", () => {
  it("a created key ingests until it is revoked, then gets 401", async () => {
    const created = await api("/api/v1/keys", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "ci" }) });
    expect(created.status).toBe(201);
    const { key, apiKey } = (await created.json()) as { key: string; apiKey: Record<string, unknown> & { id: number; prefix: string } };
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey.prefix.length).toBeLessThanOrEqual(6);
    expect(apiKey).not.toHaveProperty("revealableKey");
    expect(JSON.stringify(apiKey)).not.toContain(key);
    expect((await postJson("/v1/traces", oneSpan(), { key })).status).toBe(200);

    const listed = (await (await api("/api/v1/keys")).json()) as { keys: { id: number; name: string }[] };
    expect(listed.keys.find((k) => k.id === apiKey.id)?.name).toBe("ci");

    expect((await api(`/api/v1/keys/${apiKey.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await postJson("/v1/traces", oneSpan(), { key })).status).toBe(401);
    expect((await api(`/api/v1/keys/${apiKey.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("400s a key without a name", async () => {
    const res = await api("/api/v1/keys", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: " " }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/^name: /);
  });
});
