import { beforeAll, describe, expect, it } from "vitest";
import { adminApi, api, getJson, hexId, postJson } from "./http";
import { otlpRequest, type SpanSpec } from "./otlp-json-payloads";
import type { TraceDetail } from "@/lib/contract";

/** Read-side user mistakes: each must be a 400 naming the problem, never a 500. */

const BASE = 1_650_000_000;
const window = `start=${BASE}&end=${BASE + 100}`;
const BAD_REGEX = '{ span.foo =~ "[" }';
const funnel = (step: string) => ({ steps: ['{ name = "limits-root" }', step], start: BASE, end: BASE + 100 });

type Reply = { status: number; body: Record<string, unknown> };
const get = (path: string) => getJson<Record<string, unknown>>(path) as Promise<Reply>;
/** As the signed-in admin: saving needs a person, and the queries are allowed to one too. */
async function post(path: string, body: unknown): Promise<Reply> {
  const res = await adminApi(path, { method: "POST", body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const traceId = hexId(32);
const root = hexId(16);

beforeAll(async () => {
  const spans: SpanSpec[] = [
    { traceId, spanId: root, name: "limits-root", start: `${BASE}000000000`, end: `${BASE}000900000`,
      attributes: [{ key: "foo", value: { stringValue: "bar" } }] },
    ...[10, 20, 30].map((used, i) => ({
      traceId, spanId: hexId(16), parentSpanId: root, name: `limits-child-${i}`,
      start: `${BASE}00000${i + 1}000`, end: `${BASE}000800000`,
      attributes: [{ key: "disk%/used", value: { intValue: used } }, { key: "100%", value: { stringValue: `v${i}` } }],
    })),
  ];
  expect((await postJson("/v1/traces", otlpRequest("limits-svc", spans))).status).toBe(200);
});

describe("an invalid regex is a 400 with its position everywhere a query goes", () => {
  it.each([
    ["trace search", () => get(`/api/v1/traces?q=${encodeURIComponent(BAD_REGEX)}&${window}`), "q: "],
    ["the duration histogram", () => get(`/api/v1/traces/duration-histogram?q=${encodeURIComponent(BAD_REGEX)}`), "q: "],
    ["metrics", () => get(`/api/v1/metrics?q=${encodeURIComponent(BAD_REGEX)}&${window}`), "q: "],
    ["funnel steps", () => post("/api/v1/funnels/query", funnel(BAD_REGEX)), "steps[1]: "],
    ["drop-off", () => post("/api/v1/funnels/drop-off", { ...funnel(BAD_REGEX), step: 0 }), "steps[1]: "],
    ["saving a filter", () => post("/api/v1/saved-filters", { name: "bad", query: BAD_REGEX, author: "t" }), "query: "],
    ["saving a funnel", () => post("/api/v1/funnels", { name: "bad", author: "t", definition: funnel(BAD_REGEX) }),
      "definition.steps[1]: "],
  ])("%s", async (_, request, prefix) => {
    const { status, body } = await request();
    expect(status).toBe(400);
    expect(body).toEqual({ error: `${prefix}invalid regex: missing ] at "["`, from: 14, to: 17 });
  });

  it("names RE2's missing features, and a valid RE2-only pattern still runs", async () => {
    const lookahead = await get(`/api/v1/traces?q=${encodeURIComponent('{ name =~ "(?=x)" }')}&${window}`);
    expect(lookahead).toMatchObject({ status: 400, body: { error: expect.stringMatching(/lookahead is not supported/) } });
    const ok = await get(`/api/v1/traces?q=${encodeURIComponent('{ name =~ "(?i)LIMITS-ROOT" }')}&${window}`);
    expect(ok).toMatchObject({ status: 200, body: { total: 1 } });
  });

  it("turns a pattern too large for the engine into a 400", async () => {
    const q = encodeURIComponent('{ span.foo =~ "\\\\pL{1000}" }');
    const { status, body } = await get(`/api/v1/traces?q=${q}&${window}`);
    expect(status).toBe(400);
    expect(body.error).toMatch(/^q: the engine cannot compile a regex of this query: pattern too large/);
  });
});

describe("values past 64 bits", () => {
  it("refuses a duration literal past int64", async () => {
    const { status, body } = await get(`/api/v1/traces?q=${encodeURIComponent("{ duration > 2562048h }")}`);
    expect(status).toBe(400);
    expect(body).toEqual({
      error: 'q: duration "2562048h" does not fit in 64-bit nanoseconds (at most about 2562047h)', from: 13, to: 21,
    });
  });

  it.each([
    ["/api/v1/traces?start=99999999999", /^start: "99999999999" is outside 1970-01-01 to 2262-04-11/],
    ["/api/v1/traces?end=2263-01-01T00:00:00Z", /^end: /],
    ["/api/v1/metrics?start=0&end=9999999999.5", /^end: /],
    [`/api/v1/traces?cursor=${Buffer.from(`9223372036854775808:${"a".repeat(32)}`).toString("base64url")}`, /^cursor: /],
    [`/api/v1/metrics?${window}&step=999999d`, /^step: at most 365d, got "999999d"$/],
  ])("400s %s", async (path, error) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.error).toMatch(error);
  });
});

describe("query depth", () => {
  it.each([
    ["600 nested !", `{ ${"!".repeat(600)}true }`],
    ["300 spansets joined with >>", Array.from({ length: 300 }, () => "{ .a = 1 }").join(">>")],
  ])("refuses %s with the named limit", async (_, q) => {
    const { status, body } = await get(`/api/v1/traces?q=${encodeURIComponent(q)}`);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: "q: the query nests deeper than 100 levels (maxQueryDepth)" });
    expect(body.from).toEqual(expect.any(Number));
  });
});

describe("attribute keys holding % and /", () => {
  it("are decoded once, for values and stats", async () => {
    const values = await get(`/api/v1/attributes/${encodeURIComponent("100%")}/values?scope=span`);
    expect(values).toMatchObject({ status: 200, body: { key: "100%", distinctValues: 3 } });
    const stats = await get(`/api/v1/attributes/${encodeURIComponent("disk%/used")}/stats?scope=span`);
    expect(stats).toMatchObject({ status: 200, body: { key: "disk%/used", spanCount: 3, numeric: { min: 10, max: 30 } } });
  });
});

describe("GET /api/v1/traces/{traceId} pages", () => {
  it("answers a small trace whole, with total and no next page", async () => {
    const { status, body } = await getJson<TraceDetail & { next: string | null; offset: number; limit: number }>(
      `/api/v1/traces/${traceId}`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ traceId, total: 4, offset: 0, limit: 10_000, next: null });
    expect(body.spans.map((s) => s.name)).toEqual(["limits-root", "limits-child-0", "limits-child-1", "limits-child-2"]);
  });

  it("pages with offset and limit, in start order", async () => {
    const { body } = await getJson<TraceDetail & { next: string | null }>(`/api/v1/traces/${traceId}?offset=1&limit=2`);
    expect(body.spans.map((s) => s.name)).toEqual(["limits-child-0", "limits-child-1"]);
    expect(body).toMatchObject({ total: 4, next: `/api/v1/traces/${traceId}?offset=3&limit=2` });
    const past = await getJson<TraceDetail>(`/api/v1/traces/${traceId}?offset=10`);
    expect(past).toMatchObject({ status: 200, body: { spans: [], total: 4 } });
  });

  it("refuses a page larger than the maximum or a bad offset", async () => {
    const tooMany = await get(`/api/v1/traces/${traceId}?limit=10001`);
    expect(tooMany).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^limit: expected an integer from 1 to 10000/) } });
    const negative = await get(`/api/v1/traces/${traceId}?offset=-1`);
    expect(negative).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^offset: /) } });
  });

  it("answers a trace over 10,000 spans with its first page and a next link", async () => {
    const big = hexId(32);
    const bigRoot = hexId(16);
    const spans: SpanSpec[] = Array.from({ length: 10_005 }, (_, i) => ({
      traceId: big, spanId: i === 0 ? bigRoot : hexId(16), parentSpanId: i === 0 ? undefined : bigRoot, name: `s${i}`,
      start: String(BigInt(BASE) * 1_000_000_000n + BigInt(i)), end: String(BigInt(BASE) * 1_000_000_000n + 1_000_000n),
    }));
    expect((await postJson("/v1/traces", otlpRequest("big-svc", spans))).status).toBe(200);
    const first = await getJson<TraceDetail & { next: string }>(`/api/v1/traces/${big}`);
    expect(first.body.spans).toHaveLength(10_000);
    expect(first.body).toMatchObject({ total: 10_005, next: `/api/v1/traces/${big}?offset=10000&limit=10000` });
    const rest = (await (await api(first.body.next)).json()) as TraceDetail & { next: string | null };
    expect(rest.spans.map((s) => s.name)).toEqual(["s10000", "s10001", "s10002", "s10003", "s10004"]);
    expect(rest.next).toBeNull();
  });
});
