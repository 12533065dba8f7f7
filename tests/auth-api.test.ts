import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { signInCookie } from "./auth-helpers";
import { api, base, getJson, key } from "./http";
import { ROUTES, routeFiles } from "./route-table";

const body = (method: string) => (method === "GET" || method === "DELETE" ? undefined : "{}");
const json = { "content-type": "application/json" };

describe("who may call the API", () => {
  let cookie = "";
  beforeAll(async () => {
    cookie = await signInCookie(base(), inject("admin"));
  });

  it("the table lists every route and method under app/api/v1", () => {
    const found = routeFiles(path.resolve(import.meta.dirname, "../app/api/v1")).map(([m, f]) => `${m} ${f}`).sort();
    expect(ROUTES.map(([m, f]) => `${m} ${f}`).sort()).toEqual(found);
  });

  it.each(ROUTES.filter((r) => r[3] !== "public"))("anonymous %s %s gets 401 JSON", async (method, _file, url) => {
    const res = await fetch(base() + url, { method, headers: json, body: body(method) });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(((await res.json()) as { error: string }).error).toBeTruthy();
  });

  it("an API key works as Bearer and as x-api-key; a wrong one gets 401", async () => {
    expect((await getJson("/api/v1/traces?limit=1")).status).toBe(200);
    expect((await fetch(`${base()}/api/v1/traces?limit=1`, { headers: { "x-api-key": key() } })).status).toBe(200);
    expect((await getJson("/api/v1/traces?limit=1", { key: "sl_not_a_key" })).status).toBe(401);
  });

  it("ingest still needs a key, even with a session", async () => {
    const anonymous = await fetch(`${base()}/v1/traces`, { method: "POST", headers: json, body: "{}" });
    expect(anonymous.status).toBe(401);
    const withCookie = await fetch(`${base()}/api/v1/traces`, { method: "POST", headers: { ...json, cookie, origin: base() }, body: "{}" });
    expect(withCookie.status).toBe(401);
  });

  it("the session cookie reads and, from our own origin, writes", async () => {
    expect((await fetch(`${base()}/api/v1/projects/default/keys`, { headers: { cookie } })).status).toBe(200);
    const created = await fetch(`${base()}/api/v1/saved-filters`, {
      method: "POST",
      headers: { ...json, cookie, origin: base(), "sec-fetch-site": "same-origin" },
      body: JSON.stringify({ name: "by cookie", query: "{}", author: "ci" }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await fetch(`${base()}/api/v1/saved-filters/${id}`, { method: "DELETE", headers: { cookie, origin: base() } })).status).toBe(204);
  });

  it.each([
    ["another site's Origin", { origin: "https://evil.example" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    ["Sec-Fetch-Site: same-site", { "sec-fetch-site": "same-site" }],
    ["no Origin at all", {}],
  ])("a cookie-authenticated POST with %s gets 403", async (_what, headers) => {
    const res = await fetch(`${base()}/api/v1/projects/default/keys`, { method: "POST", headers: { ...json, cookie, ...headers }, body: JSON.stringify({ name: "csrf" }) });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/cross-site/);
  });

  it("a key skips the Origin check: it is not sent by browsers on their own", async () => {
    const res = await api("/api/v1/funnels/query", {
      method: "POST",
      headers: { ...json, origin: "https://elsewhere.example" },
      body: JSON.stringify({ steps: [`{ name = "a" }`, `{ name = "b" }`], by: "span.user.id" }),
    });
    expect(res.status).toBe(200);
  });

  it("a text/plain body gets 415, with a key or a cookie", async () => {
    const asText = { "content-type": "text/plain" };
    const viaKey = await api("/api/v1/funnels/query", { method: "POST", headers: asText, body: JSON.stringify({ name: "x" }) });
    expect(viaKey.status).toBe(415);
    const viaCookie = await fetch(`${base()}/api/v1/projects/default/keys`, { method: "POST", headers: { ...asText, cookie, origin: base() }, body: JSON.stringify({ name: "x" }) });
    expect(viaCookie.status).toBe(415);
  });

  it("GET /health is open and says nothing secret", async () => {
    const res = await fetch(`${base()}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("pages send anonymous visitors to sign in, keeping the whole URL", async () => {
    const res = await fetch(`${base()}/traces?q=%7B%7D&since=1h`, { redirect: "manual" });
    expect(res.status).toBe(307);
    const to = new URL(res.headers.get("location")!, base());
    expect(to.pathname).toBe("/sign-in");
    expect(to.searchParams.get("next")).toBe("/traces?q=%7B%7D&since=1h");
    // Signed in, a URL without a project gets one (the browser's last, else the person's first), so copied links carry it.
    const bare = await fetch(`${base()}/traces?q=%7B%7D`, { headers: { cookie }, redirect: "manual" });
    expect(bare.status).toBe(307);
    expect(bare.headers.get("location")).toMatch(/\/traces\?q=%7B%7D&project=default$/);
    expect((await fetch(`${base()}/traces?project=default`, { headers: { cookie }, redirect: "manual" })).status).toBe(200);
  });

  it("/setup is gone once an admin exists: the page redirects, the API refuses", async () => {
    const page = await fetch(`${base()}/setup`, { redirect: "manual" });
    expect(page.status).toBe(307);
    expect(new URL(page.headers.get("location")!, base()).pathname).toBe("/sign-in");
    const res = await fetch(`${base()}/api/setup`, {
      method: "POST",
      headers: { ...json, origin: base() },
      body: JSON.stringify({ email: "intruder@bars.local", password: "password123" }),
    });
    expect(res.status).toBe(404);
  });
});
