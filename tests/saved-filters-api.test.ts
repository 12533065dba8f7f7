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

  it("keeps the result table's sort and columns, and clears them", async () => {
    const created = await send("POST", "/api/v1/saved-filters", {
      name: "By tier", query: "{}", since: "24h", author: "ana", sort: "duration:desc", columns: ["span.customer.tier", ".region"],
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const row = (await created.json()) as { id: string; sort: string | null; columns: string[] | null };
    expect(row).toMatchObject({ sort: "duration:desc", columns: ["span.customer.tier", ".region"] });
    const fetched = (await (await send("GET", `/api/v1/saved-filters/${row.id}`)).json()) as typeof row;
    expect(fetched).toMatchObject({ sort: "duration:desc", columns: ["span.customer.tier", ".region"] });
    // A rename leaves them alone; null clears them.
    await send("PATCH", `/api/v1/saved-filters/${row.id}`, { name: "By tier (renamed)" });
    const listed = (await (await send("GET", "/api/v1/saved-filters")).json()) as { filters: (typeof row)[] };
    expect(listed.filters.find((f) => f.id === row.id)).toMatchObject({ sort: "duration:desc", columns: ["span.customer.tier", ".region"] });
    const cleared = await send("PATCH", `/api/v1/saved-filters/${row.id}`, { sort: "errors:asc", columns: null });
    expect(await cleared.json()).toMatchObject({ sort: "errors:asc", columns: null });
    // Filters saved without them read as null.
    const plain = (await (await send("POST", "/api/v1/saved-filters", { name: "Plain", query: "{}", author: "ana" })).json()) as typeof row;
    expect(plain).toMatchObject({ sort: null, columns: null });
  });

  it("names the field when the sort or the columns are not what the traces page uses", async () => {
    const post = async (body: object) => {
      const res = await send("POST", "/api/v1/saved-filters", { name: "x", query: "{}", author: "ana", ...body });
      return { status: res.status, error: ((await res.json()) as { error: string }).error };
    };
    for (const sort of ["duration", "-start", "size:desc", "duration:down", 3]) {
      const bad = await post({ sort });
      expect(bad.status).toBe(400);
      expect(bad.error).toMatch(/^sort: /);
    }
    for (const columns of ["span.customer.tier", ["customer.tier"], [1], Array.from({ length: 11 }, (_, i) => `span.k${i}`)]) {
      const bad = await post({ columns });
      expect(bad.status).toBe(400);
      expect(bad.error).toMatch(/^columns(\.\d+)?: /);
    }
    const patch = await send("PATCH", "/api/v1/saved-filters/whatever", { sort: "spans" });
    expect(patch.status).toBe(400);
    expect(((await patch.json()) as { error: string }).error).toMatch(/^sort: /);
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
