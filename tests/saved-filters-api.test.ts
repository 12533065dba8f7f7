import { describe, expect, it } from "vitest";
import { adminApi } from "./http";

const send = (method: string, path: string, body?: unknown) =>
  adminApi(path, { method, body: body ? JSON.stringify(body) : undefined });

describe("saved filters", () => {
  it("create, list, rename, fetch by id and delete", async () => {
    const created = await send("POST", "/api/v1/saved-filters", { name: "Slow enterprise", query: '{ span.customer.tier = "enterprise" && duration > 2s }', since: "1h", author: "ana" });
    expect(created.status).toBe(201);
    const row = (await created.json()) as { id: string; name: string; queryError: string | null };
    expect(row).toMatchObject({ name: "Slow enterprise", queryError: null });
    const list = (await (await send("GET", "/api/v1/saved-filters")).json()) as { filters: { id: string }[] };
    expect(list.filters.some((f) => f.id === row.id)).toBe(true);
    const renamed = await send("PATCH", `/api/v1/saved-filters/${row.id}`, { name: "Slow VIPs" });
    expect(((await renamed.json()) as { name: string }).name).toBe("Slow VIPs");
    expect(((await (await send("GET", `/api/v1/saved-filters/${row.id}`)).json()) as { name: string }).name).toBe("Slow VIPs");
    expect((await send("DELETE", `/api/v1/saved-filters/${row.id}`)).status).toBe(204);
    expect((await send("GET", `/api/v1/saved-filters/${row.id}`)).status).toBe(404);
  });

  it("rejects a query that does not parse, with its position, and a missing name", async () => {
    const bad = await send("POST", "/api/v1/saved-filters", { name: "x", query: "{ span.x = ", author: "ana" });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: string; from: number };
    expect(body.error).toMatch(/^query: /);
    expect(typeof body.from).toBe("number");
    const noName = await send("POST", "/api/v1/saved-filters", { name: "", query: "{}", author: "ana" });
    expect(((await noName.json()) as { error: string }).error).toMatch(/^name: /);
  });
});
