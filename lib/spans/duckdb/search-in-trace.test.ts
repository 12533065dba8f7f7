import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Attr, NormalizedSpan } from "@/lib/ingest/types";
import { parseTraceSearch } from "@/lib/waterfall/search-query";
import { DuckDbSpanStore } from "./store";

const TRACE = "ab".repeat(16);
const str = (key: string, v: string): Attr => ({ key, value: { t: "str", v } });
const int = (key: string, v: number): Attr => ({ key, value: { t: "int", v: BigInt(v) } });
const bool = (key: string, v: boolean): Attr => ({ key, value: { t: "bool", v } });

function span(n: number, attributes: Attr[], resource: Attr[] = [], extra: Partial<NormalizedSpan> = {}): NormalizedSpan {
  return {
    traceId: TRACE, spanId: n.toString(16).padStart(16, "0"), parentSpanId: null, traceState: "", name: `op-${n}`, kind: 1,
    startNs: 1_700_000_000_000_000_000n + BigInt(n), endNs: 1_700_000_000_000_000_100n + BigInt(n), statusCode: 0, statusMessage: "",
    attributes, resource: [str("service.name", "svc"), ...resource], scopeName: "", scopeVersion: "", events: [], links: [],
    droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0, ...extra,
  };
}

let dir: string;
let store: DuckDbSpanStore;
const find = async (q: string) => (await store.searchInTrace(1, TRACE, parseTraceSearch(q), 100))!.map((id) => parseInt(id, 16));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "spanlens-search-in-trace-"));
  store = await DuckDbSpanStore.open(dir);
  await store.ingest(1, [
    span(1, [str("customer.tier", "Enterprise"), int("http.status_code", 200)]),
    span(2, [str("customer.tier", "free"), int("http.status_code", 500), bool("cache.hit", true)]),
    span(3, [str("db.statement", "SELECT * FROM orders WHERE id = $1")], [str("deployment.region", "eu-west")]),
    span(4, [], [], { statusCode: 2, statusMessage: "card declined" }),
  ]);
});

afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("searchInTrace", () => {
  it("matches key=value by the value's type, strings in any case", async () => {
    expect(await find("customer.tier=enterprise")).toEqual([1]);
    expect(await find("http.status_code=500")).toEqual([2]);
    expect(await find("cache.hit=true")).toEqual([2]);
    expect(await find('span.customer.tier = "free"')).toEqual([2]);
    expect(await find("resource.customer.tier=free")).toEqual([]);
    expect(await find("deployment.region=eu-west")).toEqual([3]);
  });

  it("matches the span name, which binds no attribute key", async () => {
    expect(await find("name=OP-2")).toEqual([2]);
    expect(await find("name!=op-2")).toEqual([1, 3, 4]);
  });

  it("matches != only on spans that have the key", async () => {
    expect(await find("http.status_code!=200")).toEqual([2]);
  });

  it("matches free text in values, resource values, status messages and key names", async () => {
    expect(await find("orders")).toEqual([3]);
    expect(await find("EU-WEST")).toEqual([3]);
    expect(await find("declined")).toEqual([4]);
    expect(await find("500")).toEqual([2]);
    expect(await find("cache.hit")).toEqual([2]);
  });

  it("treats user text as data, never as SQL", async () => {
    expect(await find("x' OR 1=1 --")).toEqual([]);
    expect(await find("customer.tier=' OR '1'='1")).toEqual([]);
  });

  it("answers the trace summary without reading spans, and null for an unknown trace", async () => {
    expect((await store.getTraceSummary(1, TRACE))?.spanCount).toBe(4);
    expect(await store.getTraceSummary(1, "cd".repeat(16))).toBeNull();
    expect(await store.searchInTrace(1, "not-an-id", parseTraceSearch("x"), 10)).toBeNull();
  });
});
