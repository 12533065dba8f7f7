import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { signInCookie } from "./auth-helpers";
import { api, base, getJson, key } from "./http";

/*
 * Every /api/v1 route and method, with a concrete URL. The first test compares this table
 * with the route files under app/api/v1, so a new route without a row fails here.
 */
const ROUTES: [method: string, file: string, url: string][] = [
  ["GET", "attributes/[key]/stats", "/api/v1/attributes/service.name/stats"],
  ["GET", "attributes/[key]/values", "/api/v1/attributes/service.name/values"],
  ["GET", "attributes", "/api/v1/attributes"],
  ["GET", "funnels/[id]", "/api/v1/funnels/nope"],
  ["PATCH", "funnels/[id]", "/api/v1/funnels/nope"],
  ["DELETE", "funnels/[id]", "/api/v1/funnels/nope"],
  ["POST", "funnels/drop-off", "/api/v1/funnels/drop-off"],
  ["POST", "funnels/query", "/api/v1/funnels/query"],
  ["GET", "funnels", "/api/v1/funnels"],
  ["POST", "funnels", "/api/v1/funnels"],
  ["DELETE", "keys/[id]", "/api/v1/keys/999999"],
  ["GET", "keys", "/api/v1/keys"],
  ["POST", "keys", "/api/v1/keys"],
  ["GET", "metrics", "/api/v1/metrics"],
  ["POST", "projects/[slug]/retention/purge", "/api/v1/projects/default/retention/purge"],
  ["GET", "projects/[slug]/retention", "/api/v1/projects/default/retention"],
  ["PUT", "projects/[slug]/retention", "/api/v1/projects/default/retention"],
  ["POST", "projects/[slug]/sampling/preview", "/api/v1/projects/default/sampling/preview"],
  ["GET", "projects/[slug]/sampling", "/api/v1/projects/default/sampling"],
  ["PUT", "projects/[slug]/sampling", "/api/v1/projects/default/sampling"],
  ["GET", "saved-filters/[id]", "/api/v1/saved-filters/nope"],
  ["PATCH", "saved-filters/[id]", "/api/v1/saved-filters/nope"],
  ["DELETE", "saved-filters/[id]", "/api/v1/saved-filters/nope"],
  ["GET", "saved-filters", "/api/v1/saved-filters"],
  ["POST", "saved-filters", "/api/v1/saved-filters"],
  ["GET", "traces/[traceId]", `/api/v1/traces/${"ab".repeat(16)}`],
  ["GET", "traces/[traceId]/search", `/api/v1/traces/${"ab".repeat(16)}/search?q=x`],
  ["GET", "traces/[traceId]/spans/[spanId]", `/api/v1/traces/${"ab".repeat(16)}/spans/${"cd".repeat(8)}`],
  ["GET", "traces/[traceId]/waterfall", `/api/v1/traces/${"ab".repeat(16)}/waterfall`],
  ["GET", "traces/duration-histogram", "/api/v1/traces/duration-histogram"],
  ["GET", "traces", "/api/v1/traces"],
  ["POST", "traces", "/api/v1/traces"],
];

function routeFiles(dir: string, prefix = ""): [string, string][] {
  const out: [string, string][] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...routeFiles(path.join(dir, entry.name), rel));
    else if (entry.name === "route.ts") {
      const source = fs.readFileSync(path.join(dir, entry.name), "utf8");
      for (const m of source.matchAll(/export (?:async function|const) (GET|POST|PUT|PATCH|DELETE)\b/g)) out.push([m[1], prefix]);
    }
  }
  return out;
}

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

  it.each(ROUTES)("anonymous %s %s gets 401 JSON", async (method, _file, url) => {
    const res = await fetch(base() + url, { method, headers: json, body: body(method) });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(((await res.json()) as { error: string }).error).toBeTruthy();
  });

  it("an API key works as Bearer and as x-api-key; a wrong one gets 401", async () => {
    expect((await getJson("/api/v1/keys")).status).toBe(200);
    expect((await fetch(`${base()}/api/v1/keys`, { headers: { "x-api-key": key() } })).status).toBe(200);
    expect((await getJson("/api/v1/keys", { key: "sl_not_a_key" })).status).toBe(401);
  });

  it("ingest still needs a key, even with a session", async () => {
    const anonymous = await fetch(`${base()}/v1/traces`, { method: "POST", headers: json, body: "{}" });
    expect(anonymous.status).toBe(401);
    const withCookie = await fetch(`${base()}/api/v1/traces`, { method: "POST", headers: { ...json, cookie, origin: base() }, body: "{}" });
    expect(withCookie.status).toBe(401);
  });

  it("the session cookie reads and, from our own origin, writes", async () => {
    expect((await fetch(`${base()}/api/v1/keys`, { headers: { cookie } })).status).toBe(200);
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
    const res = await fetch(`${base()}/api/v1/keys`, { method: "POST", headers: { ...json, cookie, ...headers }, body: JSON.stringify({ name: "csrf" }) });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/cross-site/);
  });

  it("a key skips the Origin check: it is not sent by browsers on their own", async () => {
    const res = await api("/api/v1/saved-filters", {
      method: "POST",
      headers: { ...json, origin: "https://elsewhere.example" },
      body: JSON.stringify({ name: "by key", query: "{}", author: "ci" }),
    });
    expect(res.status).toBe(201);
  });

  it("a text/plain body gets 415, with a key or a cookie", async () => {
    const asText = { "content-type": "text/plain" };
    const viaKey = await api("/api/v1/keys", { method: "POST", headers: asText, body: JSON.stringify({ name: "x" }) });
    expect(viaKey.status).toBe(415);
    const viaCookie = await fetch(`${base()}/api/v1/keys`, { method: "POST", headers: { ...asText, cookie, origin: base() }, body: JSON.stringify({ name: "x" }) });
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
    expect((await fetch(`${base()}/traces`, { headers: { cookie }, redirect: "manual" })).status).toBe(200);
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
