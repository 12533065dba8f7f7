import { describe, expect, it } from "vitest";
import { buildSpanTree } from "./build-tree";
import { compactTrace } from "./fixtures";
import { markSpanIds, matchLocally, positionsOf, stepTo, withAncestors } from "./search";
import { needsServer, parseTraceSearch } from "./search-query";
import { rowKey } from "./visible-rows";

const t = buildSpanTree(compactTrace([
  { id: "aaaa000000000001", start: 0, end: 10, name: "GET /checkout", service: "web" },
  { id: "bbbb000000000002", parent: "aaaa000000000001", start: 1, end: 5, name: "charge card", service: "payments", error: true },
  { id: "cccc000000000003", parent: "bbbb000000000002", start: 2, end: 3, name: "SELECT", service: "db" },
  { id: "dddd000000000004", parent: "aaaa000000000001", start: 6, end: 9, name: "send email", service: "mailer" },
]));
const hits = (q: string) => Array.from(positionsOf(matchLocally(t, parseTraceSearch(q))), (p) => rowKey(t, p).slice(0, 4));

describe("parseTraceSearch", () => {
  it("tells free text from key=value", () => {
    expect(parseTraceSearch("  ")).toEqual({ kind: "none" });
    expect(parseTraceSearch("checkout")).toEqual({ kind: "text", text: "checkout" });
    expect(parseTraceSearch('customer.tier = "enterprise"')).toEqual({ kind: "field", key: "customer.tier", op: "=", value: "enterprise" });
    expect(parseTraceSearch("http.status_code!=200")).toEqual({ kind: "field", key: "http.status_code", op: "!=", value: "200" });
    expect(parseTraceSearch("a b = c")).toEqual({ kind: "text", text: "a b = c" });
  });

  it("asks the server only for attributes", () => {
    expect(needsServer(parseTraceSearch("name=SELECT"))).toBe(false);
    expect(needsServer(parseTraceSearch("resource.service.name=db"))).toBe(false);
    expect(needsServer(parseTraceSearch("customer.tier=gold"))).toBe(true);
    expect(needsServer(parseTraceSearch("gold"))).toBe(true);
  });
});

describe("matchLocally", () => {
  it("matches free text in names and services, any case", () => {
    expect(hits("CHECKOUT")).toEqual(["aaaa"]);
    expect(hits("pay")).toEqual(["bbbb"]);
    expect(hits("e")).toEqual(["aaaa", "bbbb", "cccc", "dddd"]);
  });

  it("matches span ids by prefix", () => {
    expect(hits("cccc00")).toEqual(["cccc"]);
  });

  it("matches intrinsic fields exactly", () => {
    expect(hits("name=select")).toEqual(["cccc"]);
    expect(hits("service.name=mailer")).toEqual(["dddd"]);
    expect(hits("status=error")).toEqual(["bbbb"]);
    expect(hits("status!=error")).toEqual(["aaaa", "cccc", "dddd"]);
    expect(hits("kind=internal")).toHaveLength(4);
    expect(hits("customer.tier=gold")).toEqual([]);
  });

  it("adds the server's matches by span id", () => {
    const flags = markSpanIds(t, ["dddd000000000004", "unknown"], matchLocally(t, parseTraceSearch("select")));
    expect(Array.from(positionsOf(flags), (p) => rowKey(t, p).slice(0, 4))).toEqual(["cccc", "dddd"]);
  });

  it("keeps the ancestors of matches", () => {
    const keep = withAncestors(t, matchLocally(t, parseTraceSearch("select")));
    expect(Array.from(positionsOf(keep), (p) => rowKey(t, p).slice(0, 4))).toEqual(["aaaa", "bbbb", "cccc"]);
  });
});

describe("stepTo", () => {
  it("walks forward and back, wrapping", () => {
    const at = Int32Array.from([2, 5, 9]);
    expect(stepTo(at, -1, 1)).toBe(2);
    expect(stepTo(at, 5, 1)).toBe(9);
    expect(stepTo(at, 9, 1)).toBe(2);
    expect(stepTo(at, 5, -1)).toBe(2);
    expect(stepTo(at, 2, -1)).toBe(9);
    expect(stepTo(new Int32Array(0), 0, 1)).toBe(-1);
  });
});
