/**
 * Attribute statistics on DuckDB and on ClickHouse (chDB): every value type, span vs
 * resource scope, sampled spans, a span stored twice, and a key past the exact-count limit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AttributeStats } from "@/lib/contract";
import type { AnyValue, Attr, NormalizedSpan } from "@/lib/ingest/types";
import { openBothEngines } from "./both-engines";

const T0 = 1_764_000_000_000_000_000n;
const MS = 1_000_000n;
const hex = (v: number, len: number) => v.toString(16).padStart(len, "0");
const str = (v: string): AnyValue => ({ t: "str", v });
const int = (v: number): AnyValue => ({ t: "int", v: BigInt(v) });
const dbl = (v: number): AnyValue => ({ t: "dbl", v });

let n = 0;
function span(attrs: Record<string, AnyValue>, resource: Record<string, AnyValue> = {}, atMs = n): NormalizedSpan {
  n++;
  const start = T0 + BigInt(atMs) * MS;
  const kv = (m: Record<string, AnyValue>): Attr[] => Object.entries(m).map(([key, value]) => ({ key, value }));
  return {
    traceId: hex(Math.ceil(n / 3), 32), spanId: hex(n, 16), parentSpanId: null, traceState: "", name: "op", kind: 1,
    startNs: start, endNs: start + MS, statusCode: 0, statusMessage: "", attributes: kv(attrs),
    resource: kv({ "service.name": str("svc"), ...resource }), scopeName: "", scopeVersion: "", events: [], links: [],
    droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0,
  };
}

function fixture() {
  n = 0;
  return [
    span({ "http.status_code": int(200), mixed: str("a"), tier: str("free"), ratio: dbl(0.5) }, { region: str("eu") }),
    span({ "http.status_code": int(500), mixed: int(7), tier: str("free"), ratio: dbl(Number.NaN) }, { region: str("eu") }),
    span({ "http.status_code": int(503), mixed: dbl(2.25), tier: str("pro"), ratio: dbl(1.5) }, { region: str("us"), cores: int(8) }),
    span({ "http.status_code": int(200), mixed: { t: "bool", v: true }, flag: { t: "bool", v: false }, ratio: dbl(Infinity) }),
    span({ "http.status_code": int(-(2 ** 40)), mixed: { t: "arr", v: [str("x")] }, tier: str("") }, { cores: dbl(2.5) }),
    span({ tier: str("ent"), region: str("span-level") }, {}, 90_000),
  ];
}

let engines: Awaited<ReturnType<typeof openBothEngines>>;
beforeAll(async () => {
  engines = await openBothEngines(async (store) => {
    const spans = fixture();
    await store.ingest(1, spans);
    // A span stored again beside a new one: ClickHouse holds two copies until a merge.
    await store.ingest(1, [spans[0], span({ "http.status_code": int(404), tier: str("free") })]);
    n = 100;
    await store.ingest(1, [span({ "http.status_code": int(429), tier: str("sampled") }), span({ tier: str("sampled") })],
      { sampleRates: [0.25, 0.5] });
    n = 1000;
    // More distinct values than the exact recount covers.
    await store.ingest(2, Array.from({ length: 1500 }, (_, i) => span({ "request.id": str(`r-${i}`), bytes: int(i) })));
  });
}, 180_000);
afterAll(() => engines.cleanup());

const round = (s: AttributeStats) => JSON.parse(JSON.stringify(s, (_k, v: unknown) =>
  (typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v))) as AttributeStats;
const ALL = { startNs: 0n, endNs: (1n << 63n) - 1n };

describe("attributeStats on ClickHouse answers as on DuckDB", () => {
  it.each([
    ["span", "http.status_code"], ["span", "mixed"], ["span", "tier"], ["span", "ratio"], ["span", "flag"],
    ["resource", "region"], ["resource", "cores"], ["span", "region"], ["span", "absent"], ["resource", "tier"],
  ] as const)("%s.%s", async (scope, key) => {
    const got = await engines.both((s) => s.attributeStats({ projectId: 1, key, scope, ...ALL }));
    expect(round(got.ch)).toEqual(round(got.duck));
  });

  it("weights counts, the mean and the sum by 1 / sample rate; a span stored twice counts once", async () => {
    const got = await engines.both((s) => s.attributeStats({ projectId: 1, key: "http.status_code", scope: "span", ...ALL }));
    expect(round(got.ch)).toEqual(round(got.duck));
    // Six kept at 100% (the copy of the first counts once), 429 kept at 25%.
    expect(got.ch.spanCount).toBe(6 + 4);
    expect(got.ch.distinctApprox).toBe(6);
    expect(got.ch.numeric).toMatchObject({ min: -(2 ** 40), max: 503 });
  });

  it("within a time range", async () => {
    const range = { startNs: T0 + 2n * MS, endNs: T0 + 10_000n * MS };
    const got = await engines.both((s) => s.attributeStats({ projectId: 1, key: "tier", scope: "span", ...range }));
    expect(round(got.ch)).toEqual(round(got.duck));
    expect(got.ch.spanCount).toBe(1 + 1 + 1 + 4 + 2);
  });

  it("past 1,000 values: the engines' estimates differ", async () => {
    const got = await engines.both((s) => s.attributeStats({ projectId: 2, key: "request.id", scope: "span", ...ALL }));
    // Where the engines differ: DuckDB's approx_count_distinct is a HyperLogLog (1345 here,
    // 10% off); ClickHouse's uniq keeps every hash up to 65,536 values, so it is exact here.
    expect(Math.abs(got.duck.distinctApprox - 1500)).toBeLessThan(1500 * 0.15);
    expect(got.ch.distinctApprox).toBe(1500);
    expect(got.ch.spanCount).toBe(got.duck.spanCount);
    const bytes = await engines.both((s) => s.attributeStats({ projectId: 2, key: "bytes", scope: "span", ...ALL }));
    expect(round(bytes.ch).numeric).toEqual(round(bytes.duck).numeric);
  });
});
