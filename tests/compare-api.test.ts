import { beforeAll, describe, expect, it } from "vitest";
import { hexId, postJson } from "./http";
import { otlpRequest } from "./otlp-json-payloads";
import type { CompareResult } from "@/lib/contract";
import { COMPARE_FAST_MS, COMPARE_SLOW_MS, compareFixture } from "@/lib/compare/compare-fixture";

const BASE = 1_550_000_000;
const SERVICE = "compare-svc";
const ONLY = `resource.service.name = "${SERVICE}"`;

async function compare(body: Record<string, unknown>) {
  const res = await postJson("/api/v1/compare", body);
  return { status: res.status, body: (await res.json()) as CompareResult & { error?: string; from?: number; to?: number } };
}

const request = (over: Record<string, unknown> = {}) => ({
  selection: `{ ${ONLY} && duration > 500ms }`, baseline: `{ ${ONLY} }`, start: BASE, end: BASE + 3600, ...over,
});

beforeAll(async () => {
  const spans = compareFixture().map((f, i) => {
    const start = BigInt(BASE) * 1_000_000_000n + BigInt(i) * 1_000_000_000n;
    const attributes: { key: string; value: Record<string, unknown> }[] = [
      { key: "region", value: { stringValue: f.region } }, { key: "request.bytes", value: { intValue: String(f.bytes) } },
    ];
    if (f.payment) attributes.push({ key: "payment.method", value: { stringValue: f.payment } });
    if (f.revenue !== undefined) attributes.push({ key: "business.revenue_impact", value: { doubleValue: f.revenue } });
    const ms = f.slow ? COMPARE_SLOW_MS : COMPARE_FAST_MS;
    return { traceId: hexId(32), spanId: hexId(16), name: "GET /checkout", start: String(start), end: String(start + BigInt(ms) * 1_000_000n), attributes };
  });
  expect((await postJson("/v1/traces", otlpRequest(SERVICE, spans))).status).toBe(200);
});

describe("POST /api/v1/compare", () => {
  it("ranks first the attribute the slow spans share and the rest rarely have", async () => {
    const { status, body } = await compare(request());
    expect(status).toBe(200);
    expect(body.selection.spans).toBe(100);
    expect(body.baseline.spans).toBe(300);
    expect(body.attributes[0]).toMatchObject({ key: "region", scope: "span", type: "string" });
    const apSouth = body.attributes[0].values.find((v) => v.value === "ap-south")!;
    expect(apSouth).toMatchObject({ selection: 0.9, baseline: 0.05 });
  });

  it("weighted by business.revenue_impact, ranks first the attribute the revenue sits on", async () => {
    const { status, body } = await compare(request({ weightBy: "span.business.revenue_impact" }));
    expect(status).toBe(200);
    expect(body.weightBy).toBe("span.business.revenue_impact");
    expect(body.attributes[0]).toMatchObject({ key: "payment.method", score: 1 });
    expect(body.attributes.find((a) => a.key === "region")!.score).toBeCloseTo(0, 6);
  });

  it("reads the baseline over baselineStart…baselineEnd, without the selected spans", async () => {
    // The first 50 slow spans against the rest of the hour: 50 slow and 300 fast spans.
    const { status, body } = await compare(request({ end: BASE + 50, baselineStart: BASE, baselineEnd: BASE + 3600 }));
    expect(status).toBe(200);
    expect([body.selection.spans, body.baseline.spans]).toEqual([50, 350]);
    // Every span of a window against the rest of a wider one: an ungrouped chart's bucket.
    const all = await compare(request({ selection: `{ ${ONLY} }`, end: BASE + 100, baselineEnd: BASE + 3600 }));
    expect(all.status).toBe(200);
    expect([all.body.selection.spans, all.body.baseline.spans]).toEqual([100, 300]);
    expect(all.body.attributes[0].key).toBe("region");
    // `{ }` alike: it selects every span only when the baseline's window holds nothing more.
    const matchAll = await compare(request({ selection: "{ }", end: BASE + 100, baselineEnd: BASE + 3600 }));
    expect(matchAll.status).toBe(200);
    expect(matchAll.body.selection.spans).toBeGreaterThanOrEqual(100);
  });

  it("answers 400 naming what is wrong and where", async () => {
    const bad = async (over: Record<string, unknown>, error: RegExp) => {
      const r = await compare(request(over));
      expect(r.status, JSON.stringify(over)).toBe(400);
      expect(r.body.error).toMatch(error);
      return r.body;
    };
    const syntax = await bad({ selection: "{ duration > }" }, /^selection: /);
    expect(typeof syntax.from).toBe("number");
    await bad({ baseline: "{ span.x = }" }, /^baseline: /);
    await bad({ selection: "{ }" }, /^selection: matches every span/);
    await bad({ start: BASE + 10, end: BASE }, /^end: must be after start/);
    await bad({ start: "yesterday" }, /^start: expected unix seconds/);
    await bad({ weightBy: "revenue impact" }, /^weightBy: expected a numeric attribute/);
    await bad({ baselineStart: "yesterday" }, /^baselineStart: expected unix seconds/);
    await bad({ baselineEnd: -5 }, /^baselineEnd: expected unix seconds/);
    await bad({ baselineStart: BASE + 100, baselineEnd: BASE + 50 }, /^baselineEnd: must be after baselineStart$/);
    await bad({ baselineStart: BASE + 4000 }, /^baselineEnd: must be after baselineStart \(baselineEnd defaults to end\)/);
    await bad({ baselineEnd: BASE }, /^baselineEnd: must be after baselineStart \(baselineStart defaults to start\)$/);
    await bad({ selection: "{ }", baselineStart: BASE + 10, baselineEnd: BASE + 20 }, /^selection: matches every span/);
    // Windows: each, and both together, at most the longest range a /metrics chart draws (2,000 weeks).
    await bad({ baselineStart: 0 }, /^baselineStart: the baseline's window baselineStart…baselineEnd is longer than 2,000 weeks \(the longest range a \/metrics chart draws\)$/);
    await bad({ start: 0 }, /^start: the selection's window start…end is longer than/);
    await bad({ baselineStart: 1, baselineEnd: 2 }, /^baselineStart: the two windows together, from the earlier start to the later end, span more than/);
    await bad({ baselineStart: BASE, baselineEnd: 8_000_000_000 }, /^baselineStart: the baseline's window/);
    await bad({ baselineStart: 5_000_000_000, baselineEnd: 5_000_000_001 }, /^baselineEnd: the two windows together/);
    // 2,000 weeks exactly is allowed.
    expect((await compare(request({ baselineStart: BASE + 3600 - 2000 * 604_800, baselineEnd: BASE + 3600 }))).status).toBe(200);
    await bad({ selection: undefined }, /^selection: /);
    await bad({ extra: 1 }, /unrecognized key/i);
    const notJson = await postJson("/api/v1/compare", "not json");
    expect(notJson.status).toBe(400);
  });
});
