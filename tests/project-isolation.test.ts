import { beforeAll, describe, expect, it } from "vitest";
import { base, hexId, key as defaultKey } from "./http";
import { otlpRequest } from "./otlp-json-payloads";
import { as, invitedPerson, projectWithKey } from "./team-fixtures";

const BASE_S = 1_700_000_000;
const RANGE = `start=${BASE_S}&end=${BASE_S + 3600}`;

/**
 * A trace sent with project B's key must be invisible from project A on every read route,
 * by key and by session, and A's members cannot name B.
 */
describe("project isolation", () => {
  const traceId = hexId(32);
  const spanId = hexId(16);
  let other = { slug: "", key: "" };

  beforeAll(async () => {
    other = await projectWithKey("Isolated");
    const body = otlpRequest("isolated-svc", [{
      traceId, spanId, name: "isolated-op", start: `${BASE_S}000000000`, end: `${BASE_S}500000000`,
      attributes: [{ key: "isolated.only", value: { stringValue: "secret-value" } }, { key: "user.id", value: { stringValue: "u1" } }],
    }]);
    const res = await fetch(`${base()}/v1/traces`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${other.key}` }, body: JSON.stringify(body) });
    expect(res.status).toBe(200);
  });

  type J = Record<string, unknown[] | number | unknown>;
  const len = (v: unknown) => (v as unknown[]).length;
  /** Each read route, and how to tell from its JSON that B's trace showed through. */
  const reads = (): [string, string, RequestInit | undefined, (j: J) => boolean][] => [
    ["trace", `/api/v1/traces/${traceId}`, undefined, (j) => j.traceId === traceId],
    ["waterfall", `/api/v1/traces/${traceId}/waterfall`, undefined, (j) => j.traceId === traceId],
    ["span", `/api/v1/traces/${traceId}/spans/${spanId}`, undefined, (j) => j.spanId === spanId],
    ["search in trace", `/api/v1/traces/${traceId}/search?q=isolated-op`, undefined, (j) => len(j.spanIds ?? []) > 0],
    ["search", `/api/v1/traces?q=${encodeURIComponent('{ name = "isolated-op" }')}&${RANGE}`, undefined, (j) => len(j.traces) > 0],
    ["histogram", `/api/v1/traces/duration-histogram?q=${encodeURIComponent('{ name = "isolated-op" }')}&${RANGE}`, undefined, (j) => (j.total as number) > 0],
    ["attribute keys", "/api/v1/attributes?limit=5000", undefined, (j) => (j.keys as { key: string }[]).some((k) => k.key === "isolated.only")],
    ["attribute values", "/api/v1/attributes/isolated.only/values", undefined, (j) => len(j.values) > 0],
    ["attribute stats", "/api/v1/attributes/isolated.only/stats?scope=span", undefined, (j) => (j.spanCount as number) > 0],
    ["metrics", `/api/v1/metrics?q=${encodeURIComponent('{ name = "isolated-op" }')}&${RANGE}`, undefined, (j) => len(j.series) > 0],
    ["funnel", "/api/v1/funnels/query", {
      method: "POST",
      body: JSON.stringify({ steps: ['{ name = "isolated-op" }', '{ span.user.id = "u1" }'], by: "span.user.id", start: BASE_S, end: BASE_S + 3600 }),
    }, (j) => ((j.steps as { count: number }[])[0]?.count ?? 0) > 0],
  ];

  /** Whether B's trace shows through a route's answer (a 404 shows nothing). */
  async function leaks(url: string, init: RequestInit | undefined, headers: Record<string, string>, seen: (j: J) => boolean) {
    const res = await fetch(base() + url, { ...init, headers: { ...headers, ...(init?.body ? { "content-type": "application/json" } : {}) } });
    const text = await res.text();
    expect([200, 404], text).toContain(res.status);
    return res.ok && seen(JSON.parse(text) as J);
  }

  let viewer: Record<string, string> = {};
  beforeAll(async () => {
    viewer = await as(await invitedPerson("default", "viewer"));
  });

  it.each(reads())("%s: project B's key sees it, project A's key does not", async (_what, url, init, seen) => {
    expect(await leaks(url, init, { authorization: `Bearer ${other.key}` }, seen)).toBe(true);
    expect(await leaks(url, init, { authorization: `Bearer ${defaultKey()}` }, seen)).toBe(false);
  });

  it.each(reads())("%s: a member of A only cannot reach B by naming it", async (_what, url, init, seen) => {
    const named = `${url}${url.includes("?") ? "&" : "?"}project=${other.slug}`;
    const res = await fetch(base() + named, { ...init, headers: { ...viewer, ...(init?.body ? { "content-type": "application/json" } : {}) } });
    expect(res.status).toBe(403);
    expect(await leaks(url, init, viewer, seen)).toBe(false);
  });

  it("A's key naming project B is refused", async () => {
    const res = await fetch(`${base()}/api/v1/traces/${traceId}?project=${other.slug}`, { headers: { authorization: `Bearer ${defaultKey()}` } });
    expect(res.status).toBe(403);
  });

  it("a page of B opened by a member of A only lands on the ask-for-access page", async () => {
    const res = await fetch(`${base()}/traces/${traceId}?project=${other.slug}`, { headers: viewer, redirect: "manual" });
    expect(res.status).toBe(307);
    const to = new URL(res.headers.get("location")!, base());
    expect(to.pathname).toBe("/no-access");
    const page = await (await fetch(to, { headers: viewer })).text();
    expect(page).toContain("Ask an admin for access");
    expect(page).not.toContain("isolated-op");
  });
});
