import { beforeAll, describe, expect, it } from "vitest";
import { adminApi, api, base } from "./http";
import { as, invitedPerson, projectWithKey } from "./team-fixtures";

const board = (over: Record<string, unknown> = {}) => ({
  name: "Business overview",
  description: "Revenue and latency by tier",
  timeRange: { since: "24h" },
  variables: [{ key: "span.customer.tier", values: ["enterprise"] }],
  panels: [
    { id: "rev", kind: "metrics", title: "Revenue by tier", query: { measure: "sum(span.business.revenue_impact)", groupBy: ["span.customer.tier"], view: "totals" }, layout: { x: 0, y: 0, w: 6, h: 8 } },
    { id: "note", kind: "note", title: "Read me", query: { markdown: "**Hello**" }, layout: { x: 6, y: 0, w: 6, h: 4 } },
  ],
  ...over,
});

const post = (body: unknown) => adminApi("/api/v1/boards", { method: "POST", body: JSON.stringify(body) });
const error = async (res: Response) => ((await res.json()) as { error: string }).error;

describe("boards API", () => {
  it("creates, reads, lists, patches and deletes a board", async () => {
    const created = await post(board());
    expect(created.status).toBe(201);
    const b = (await created.json()) as { id: string; owner: string; panels: unknown[]; createdAt: string };
    expect(b).toMatchObject({ name: "Business overview", owner: "admin@spanlens.test", timeRange: { since: "24h" } });
    expect(b.panels).toHaveLength(2);

    const list = (await (await adminApi("/api/v1/boards")).json()) as { boards: { id: string; panelCount: number }[] };
    expect(list.boards.find((x) => x.id === b.id)?.panelCount).toBe(2);

    const patched = await adminApi(`/api/v1/boards/${b.id}`, { method: "PATCH", body: JSON.stringify({ name: "Renamed", timeRange: { start: 1_700_000_000, end: 1_700_086_400 } }) });
    expect(patched.status).toBe(200);
    const after = (await patched.json()) as { panels: unknown[]; variables: unknown[] };
    expect(after).toMatchObject({ name: "Renamed", timeRange: { start: 1_700_000_000, end: 1_700_086_400 }, description: "Revenue and latency by tier" });
    // Fields a PATCH leaves out stay as they were.
    expect(after.panels).toHaveLength(2);
    expect(after.variables).toHaveLength(1);

    // A read key of the project reads it; scripts can export boards.
    expect((await api(`/api/v1/boards/${b.id}`)).status).toBe(200);
    expect((await adminApi(`/api/v1/boards/${b.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await adminApi(`/api/v1/boards/${b.id}`)).status).toBe(404);
  });

  it.each([
    ["a missing name", { name: "" }, /^name: /],
    ["a bad range", { timeRange: { since: "forever" } }, /^timeRange/],
    ["a range that ends first", { timeRange: { start: 20, end: 10 } }, /^timeRange\.end: end must be after start/],
    ["a panel off the grid", { panels: [{ id: "a", kind: "note", title: "", query: { markdown: "" }, layout: { x: 10, y: 0, w: 4, h: 2 } }] }, /^panels\.0\.layout\.w: x \+ w must be at most 12/],
    ["an unknown kind", { panels: [{ id: "a", kind: "pie", title: "", query: {}, layout: { x: 0, y: 0, w: 4, h: 2 } }] }, /^panels\.0/],
    ["bad TraceQL in a panel", { panels: [{ id: "a", kind: "traces", title: "", query: { q: "{ span.x = }" }, layout: { x: 0, y: 0, w: 4, h: 2 } }] }, /^panels\.0\.query\.q: q: /],
    ["two panels with one id", { panels: [0, 1].map(() => ({ id: "same", kind: "note", title: "", query: { markdown: "" }, layout: { x: 0, y: 0, w: 4, h: 2 } })) }, /^panels\.1\.id: duplicate/],
    ["an unknown field", { colour: "red" }, /colour|Unrecognized/],
    ["a funnel with both an id and steps", { panels: [{ id: "f", kind: "funnel", title: "", query: { funnel: "x", steps: ["{ }", "{ }"] }, layout: { x: 0, y: 0, w: 4, h: 2 } }] }, /^panels\.0\.query: give a saved funnel/],
  ])("400s %s, naming the field", async (_what, over, message) => {
    const res = await post(board(over));
    expect(res.status).toBe(400);
    expect(await error(res)).toMatch(message);
  });

  describe("permissions and isolation", () => {
    let id = "";
    beforeAll(async () => {
      id = ((await (await post(board())).json()) as { id: string }).id;
    });

    it("a viewer reads boards but cannot create, change or delete one", async () => {
      const viewer = await as(await invitedPerson("default", "viewer"));
      const headers = { ...viewer, "content-type": "application/json" };
      expect((await fetch(`${base()}/api/v1/boards/${id}?project=default`, { headers })).status).toBe(200);
      expect((await fetch(`${base()}/api/v1/boards?project=default`, { method: "POST", headers, body: JSON.stringify(board()) })).status).toBe(403);
      expect((await fetch(`${base()}/api/v1/boards/${id}?project=default`, { method: "PATCH", headers, body: JSON.stringify({ name: "x" }) })).status).toBe(403);
      expect((await fetch(`${base()}/api/v1/boards/${id}?project=default`, { method: "DELETE", headers })).status).toBe(403);
    });

    it("an editor saves boards", async () => {
      const editor = await as(await invitedPerson("default", "editor"));
      const res = await fetch(`${base()}/api/v1/boards?project=default`, { method: "POST", headers: { ...editor, "content-type": "application/json" }, body: JSON.stringify(board({ name: "Editor's" })) });
      expect(res.status).toBe(201);
    });

    it("another project's key cannot see the board", async () => {
      const other = await projectWithKey("Board isolation");
      const res = await fetch(`${base()}/api/v1/boards/${id}`, { headers: { authorization: `Bearer ${other.key}` } });
      expect(res.status).toBe(404);
      const list = (await (await fetch(`${base()}/api/v1/boards`, { headers: { authorization: `Bearer ${other.key}` } })).json()) as { boards: unknown[] };
      expect(list.boards).toEqual([]);
    });
  });
});
