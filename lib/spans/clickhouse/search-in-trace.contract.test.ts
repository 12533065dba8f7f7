/**
 * Search within a trace on DuckDB and on ClickHouse (chDB): DuckDB's own cases
 * (lib/spans/duckdb/search-in-trace.test.ts) and every value type, each engine asked the
 * same question. DuckDB compares typed values (and prints doubles its own way); ClickHouse
 * holds text with a type beside it, so these cases pin the conversions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyValue, Attr, NormalizedSpan } from "@/lib/ingest/types";
import { parseTraceSearch } from "@/lib/waterfall/search-query";
import { openBothEngines } from "./both-engines";
import { duckDoubleText, duckTryBigint, duckTryBool, duckTryDouble } from "./search-in-trace";

const TRACE = "ab".repeat(16);
const SHORT = "0000000000000000" + "cd".repeat(8);
const str = (key: string, v: string): Attr => ({ key, value: { t: "str", v } });
const int = (key: string, v: number | bigint): Attr => ({ key, value: { t: "int", v: BigInt(v) } });
const dbl = (key: string, v: number): Attr => ({ key, value: { t: "dbl", v } });
const bool = (key: string, v: boolean): Attr => ({ key, value: { t: "bool", v } });
const any = (key: string, value: AnyValue): Attr => ({ key, value });

function span(n: number, attributes: Attr[], resource: Attr[] = [], extra: Partial<NormalizedSpan> = {}): NormalizedSpan {
  return {
    traceId: TRACE, spanId: n.toString(16).padStart(16, "0"), parentSpanId: null, traceState: "", name: `op-${n}`, kind: 1,
    startNs: 1_700_000_000_000_000_000n + BigInt(100 - n), endNs: 1_700_000_000_000_000_500n, statusCode: 0, statusMessage: "",
    attributes, resource: [str("service.name", "svc"), ...resource], scopeName: "", scopeVersion: "", events: [], links: [],
    droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0, ...extra,
  };
}

const SPANS = [
  span(1, [str("customer.tier", "Enterprise"), int("http.status_code", 200)]),
  span(2, [str("customer.tier", "free"), int("http.status_code", 500), bool("cache.hit", true)]),
  span(3, [str("db.statement", "SELECT * FROM orders WHERE id = $1")], [str("deployment.region", "eu-west")]),
  span(4, [], [], { statusCode: 2, statusMessage: "card declined" }),
  span(5, [dbl("ratio", 0.5), dbl("whole", 3), dbl("huge", 1e16), dbl("tiny", 1.5e-7), dbl("mid", 123456789.125), bool("cache.hit", false)]),
  span(6, [dbl("nan", Number.NaN), dbl("inf", Number.NEGATIVE_INFINITY), any("payload", { t: "bytes", v: new Uint8Array([0, 1, 2, 250]) }),
    any("tags", { t: "arr", v: [str("x", "Alpha").value, { t: "int", v: 7n }] }), any("nested", { t: "kv", v: [str("inner", "Beta")] }),
    any("nothing", { t: "empty" }), str("unicode", "Naïve ☕")]),
  span(7, [int("big", 2n ** 62n), int("neg", -42)], [int("process.pid", 4242), str("customer.tier", "free")], {
    name: "Checkout", events: [{ name: "Retry.Exhausted", timeNs: 1_700_000_000_000_000_000n, attributes: [], droppedAttributesCount: 0 }],
  }),
  span(8, [str("empty.string", ""), str("quote", "it's \"quoted\"")], [], { resource: [str("service.name", "Payments-API")] }),
];

let engines: Awaited<ReturnType<typeof openBothEngines>>;
beforeAll(async () => {
  engines = await openBothEngines(async (store) => {
    await store.ingest(1, SPANS);
    // Span 1 again beside another trace's span: ClickHouse keeps the copy until a merge.
    await store.ingest(1, [SPANS[0], { ...span(9, [str("customer.tier", "free")]), traceId: SHORT }]);
    await store.ingest(2, [span(1, [str("customer.tier", "Enterprise")])]);
  });
}, 120_000);
afterAll(() => engines.cleanup());

const ids = (list: string[] | null) => list && list.map((id) => parseInt(id, 16));
async function same(q: string, trace = TRACE, limit = 100) {
  const got = await engines.both((s) => s.searchInTrace(1, trace, parseTraceSearch(q), limit));
  expect(got.ch, q).toEqual(got.duck);
  return ids(got.duck);
}

describe("searchInTrace on ClickHouse answers as on DuckDB", () => {
  it("DuckDB's own cases", async () => {
    expect(await same("customer.tier=enterprise")).toEqual([1]);
    expect(await same("http.status_code=500")).toEqual([2]);
    expect(await same("cache.hit=true")).toEqual([2]);
    expect(await same('span.customer.tier = "free"')).toEqual([2]);
    expect(await same("resource.customer.tier=free")).toEqual([7]);
    expect(await same("deployment.region=eu-west")).toEqual([3]);
    expect(await same("http.status_code!=200")).toEqual([2]);
    expect(await same("orders")).toEqual([3]);
    expect(await same("EU-WEST")).toEqual([3]);
    expect(await same("declined")).toEqual([4]);
    expect(await same("500")).toEqual([2]);
    expect(await same("cache.hit")).toEqual([5, 2]);
    expect(await same("x' OR 1=1 --")).toEqual([]);
    expect(await same("customer.tier=' OR '1'='1")).toEqual([]);
  });

  it.each([
    // key = value by type: DuckDB's TRY_CAST of the text decides which typed value can match.
    "http.status_code=500.4", "http.status_code= 500", "http.status_code=0x1f4", "http.status_code=5e2", "http.status_code=abc",
    "cache.hit=yes", "cache.hit=0", "cache.hit=F", "cache.hit!=true", "ratio=0.5", "ratio=.5", "whole=3", "whole=3.0", "huge=1e16",
    "tiny=0.00000015", "mid=123456789.125", "ratio!=1", "big=4611686018427387904", "neg=-42", "process.pid=4242",
    "resource.process.pid!=1", "span.process.pid=4242", "tags=Alpha", "tags!=x",
    "unicode=naïve ☕", "empty.string=", "empty.string!=x", "quote=it's \"quoted\"", "nan=NaN", "missing=1", "missing!=1",
    // Free text: substrings of strings and of the JSON DuckDB keeps for other values;
    // ints, doubles and bools only whole, as DuckDB prints them.
    "3.0", "3", "0.5", "1e+16", "1.5e-07", "123456789.125", "4611686018427387904", "-42", "true", "false", "tru",
    "alpha", "beta", "arrayvalue", "intvalue", "bytesvalue", "aaec", "nan", "infinity", "doublevalue", "{}",
    "retry.exhausted", "payments", "svc", "checkout", "naïve", "NAÏVE", "☕", "declined", "quoted", "\"", "'", "%", "_",
    "process.pid", "whole", "op-", "ss",
  ])("%s", async (q) => {
    await same(q);
  });

  it("bare `name` compares the span name in any case", async () => {
    expect(await same("name=checkout")).toEqual([7]);
    expect(await same("name=CHECKOUT")).toEqual([7]);
    expect(await same("name!=checkout")).toEqual([8, 6, 5, 4, 3, 2, 1]);
  });

  it("limits in start order, finds a 64-bit id by its 16-hex form, null for what is not a trace id", async () => {
    expect(await same("op-", TRACE, 3)).toEqual([8, 6, 5]);
    expect(await same("free", SHORT.slice(16))).toEqual([9]);
    expect(await same("free", "ef".repeat(16))).toEqual([]);
    expect(await same("x", "not-an-id")).toBeNull();
    expect(await same("", TRACE)).toEqual([]);
  });
});

describe("DuckDB's conversions, as the ClickHouse store makes them", () => {
  it("prints doubles as DuckDB does", () => {
    expect([3, 0.1, 1e15, 1e16, 1e20, 1e21, 1.5e-7, 0.0001, 0.00001, 0, 123456789.125, -2.5, 1e100, 4.5e-5].map(duckDoubleText))
      .toEqual(["3.0", "0.1", "1000000000000000.0", "1e+16", "1e+20", "1e+21", "1.5e-07", "0.0001", "1e-05", "0.0", "123456789.125",
        "-2.5", "1e+100", "4.5e-05"]);
  });

  it("casts text as DuckDB's TRY_CAST does", () => {
    expect(["1.5", " 42 ", "1e3", "0x10", "+5", "1_000", "abc", "", "-2.5"].map(duckTryBigint))
      .toEqual([2n, 42n, 1000n, 16n, 5n, 1000n, null, null, -3n]);
    expect([" 42 ", "1e3", "0x10", "+5", "1_000", "nan", ".5", ""].map(duckTryDouble)).toEqual([42, 1000, null, 5, 1000, null, 0.5, null]);
    expect(["true", "True", "t", "1", "0", "yes", "y", "no", "off", " true "].map(duckTryBool))
      .toEqual([true, true, true, true, false, true, true, false, null, null]);
  });
});
