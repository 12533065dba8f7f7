import { describe, expect, it } from "vitest";
import { encodeSearchCursor } from "@/lib/spans/cursor";
import { badRequestResponse, BadRequestError, QueryError } from "./errors";
import { toFunnelQuery } from "./funnel-body";
import { MAX_STEP, parseMetricsParams } from "./metrics-params";
import { savedFilterProblem, createSavedFilterBody } from "./saved-filter-body";
import { parseSearchParams } from "./search-params";
import { parseSinceParam, parseTimeParam } from "./time-params";
import { nextTracePage, parseTracePage, TRACE_PAGE_MAX_SPANS } from "./trace-page";

const search = (qs: string) => parseSearchParams(new URLSearchParams(qs), 1);
const metrics = (qs: string) => parseMetricsParams(new URLSearchParams(qs), 1);

describe("read parameters past 64-bit nanoseconds", () => {
  it("refuses start/end after 2262 or before 1970", () => {
    expect(parseTimeParam("end", "9223372036")).toBe(9_223_372_036_000_000_000n);
    expect(() => parseTimeParam("end", "9223372037")).toThrow(/^end: "9223372037" is outside 1970-01-01 to 2262-04-11/);
    expect(() => parseTimeParam("start", "2263-01-01T00:00:00Z")).toThrow(BadRequestError);
    expect(() => parseTimeParam("start", "1960-01-01T00:00:00Z")).toThrow(/^start: /);
    expect(() => search("start=99999999999")).toThrow(/^start: /);
    expect(() => toFunnelQuery({ steps: ["{ .a = 1 }", "{ .b = 1 }"], by: "trace", window: "1d", end: 99_999_999_999 }, 1))
      .toThrow(/^end: /);
  });

  it("reads a since longer than the epoch as since 1970", () => {
    expect(parseSinceParam("999999w", 10n)).toBe(0n);
  });

  it("refuses a cursor whose value does not fit in 64 bits", () => {
    const traceId = "a".repeat(32);
    expect(search(`cursor=${encodeSearchCursor({ value: 2n ** 63n - 1n, traceId })}`).cursor?.value).toBe(2n ** 63n - 1n);
    expect(() => search(`cursor=${encodeSearchCursor({ value: 2n ** 63n, traceId })}`)).toThrow(/^cursor: /);
    expect(() => search(`cursor=${encodeSearchCursor({ value: -(2n ** 63n) - 1n, traceId })}`)).toThrow(/^cursor: /);
  });

  it("refuses a metrics step over the maximum", () => {
    expect(MAX_STEP).toBe("365d");
    expect(metrics("start=0&end=1000000000&step=365d").stepNs).toBe(365n * 86_400_000_000_000n);
    expect(() => metrics("start=0&end=1000000000&step=999999d")).toThrow('step: at most 365d, got "999999d"');
  });

  it("refuses saved-filter times past 2262", () => {
    const body = { name: "n", query: "{}", author: "a", startNs: "1", endNs: "99999999999999999999" };
    expect(savedFilterProblem(createSavedFilterBody.safeParse(body))?.error).toMatch(/^endNs: after 2262-04-11/);
  });
});

describe("TraceQL problems in parameters", () => {
  it("name the parameter and keep the position", () => {
    const err = (() => {
      try {
        search('q={ span.foo =~ "[" }');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(QueryError);
    expect(err).toMatchObject({ message: 'q: invalid regex: missing ] at "["', from: 14, to: 17 });
    expect(() => metrics('q={ span.foo =~ "[" }')).toThrow(/^q: invalid regex/);
    expect(() => toFunnelQuery({ steps: ["{ .a = 1 }", '{ .b =~ "(?=x)" }'], by: "trace", window: "1d" }, 1))
      .toThrow(/^steps\[1\]: invalid regex: lookahead/);
    expect(() => search("q={ duration > 2562048h }")).toThrow(/^q: duration "2562048h" does not fit/);
  });
});

describe("badRequestResponse", () => {
  it("maps the engine's regex compile failure to a 400 and nothing else", async () => {
    const tooLarge = badRequestResponse(new Error("Invalid Input Error: pattern too large - compile failed"), "steps");
    expect(tooLarge?.status).toBe(400);
    expect(await tooLarge?.json()).toEqual({
      error: "steps: the engine cannot compile a regex of this query: pattern too large - compile failed",
    });
    // ClickHouse's wording of the same refusal (the pattern is the user's and may hold anything).
    const ch = badRequestResponse(new Error(
      "OptimizedRegularExpression: cannot compile re2: (?-s)^(?:\\pL{1000}, error: x)$, error: pattern too large - compile failed."
        + " Look at https://github.com/google/re2/wiki/Syntax for reference.",
    ));
    expect(await ch?.json()).toEqual({ error: "q: the engine cannot compile a regex of this query: pattern too large - compile failed" });
    expect(badRequestResponse(new Error("Invalid Input Error: Malformed JSON"))).toBeNull();
    expect(badRequestResponse(new Error("Code: 60. DB::Exception: Unknown table expression identifier"))).toBeNull();
    expect(badRequestResponse(new RangeError("Maximum call stack size exceeded"))).toBeNull();
    expect(await badRequestResponse(new QueryError("q: x", 1, 2))?.json()).toEqual({ error: "q: x", from: 1, to: 2 });
  });
});

describe("trace pages", () => {
  it("defaults to the first TRACE_PAGE_MAX_SPANS spans and refuses more", () => {
    expect(parseTracePage(new URLSearchParams())).toEqual({ offset: 0, limit: TRACE_PAGE_MAX_SPANS });
    expect(parseTracePage(new URLSearchParams("offset=20&limit=10"))).toEqual({ offset: 20, limit: 10 });
    expect(() => parseTracePage(new URLSearchParams(`limit=${TRACE_PAGE_MAX_SPANS + 1}`))).toThrow(/^limit: /);
    expect(() => parseTracePage(new URLSearchParams("offset=-1"))).toThrow(/^offset: /);
    expect(() => parseTracePage(new URLSearchParams("offset=1e3"))).toThrow(/^offset: /);
    expect(() => parseTracePage(new URLSearchParams("offset=99999999999999999999"))).toThrow(/^offset: /);
  });

  it("points to the next page until the last", () => {
    expect(nextTracePage("ab", { offset: 0, limit: 10 }, 25)).toBe("/api/v1/traces/ab?offset=10&limit=10");
    expect(nextTracePage("ab", { offset: 20, limit: 10 }, 25)).toBeNull();
    expect(nextTracePage("ab", { offset: 0, limit: 10 }, 10)).toBeNull();
  });
});
