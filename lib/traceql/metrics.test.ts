import { describe, expect, it } from "vitest";
import { TraceQLError } from "./errors";
import { parseMetricsTraceQL } from "./metrics";
import { parseTraceQL } from "./parse";

const strip = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v, (k, x) => (k === "from" || k === "to" ? undefined : typeof x === "bigint" ? String(x) : x)));
const parse = (q: string) => strip(parseMetricsTraceQL(q)) as Record<string, unknown>;

function errorOf(run: () => unknown): TraceQLError {
  try {
    run();
  } catch (err) {
    if (err instanceof TraceQLError) return err;
    throw err;
  }
  throw new Error("expected a TraceQLError");
}

describe("parseMetricsTraceQL", () => {
  it("returns null for a query without a metrics function", () => {
    expect(parseMetricsTraceQL("{ status = error }")).toBeNull();
    expect(parseMetricsTraceQL('{ .a = "rate(" }')).toBeNull();
  });

  it("reads rate() with by() and keeps the spanset part as text", () => {
    expect(parse("{ status = error } | rate() by (resource.service.name)")).toMatchObject({
      kind: "metrics", fn: "rate", field: null, quantiles: [], top: null,
      filter: { text: "{ status = error }" },
      by: [{ kind: "attribute", scope: "resource", key: "service.name" }],
    });
  });

  it("reads count_over_time() and a query that starts with the function", () => {
    expect(parse("count_over_time()")).toMatchObject({ fn: "count_over_time", filter: null });
    expect(parse("{ } | count_over_time() by (name, span.x)").by).toEqual([
      { kind: "intrinsic", name: "name" }, { kind: "attribute", scope: "span", key: "x" },
    ]);
  });

  it.each(["avg_over_time", "min_over_time", "max_over_time", "sum_over_time"])("reads %s(field)", (fn) => {
    expect(parse(`{ } | ${fn}(span.business.revenue_impact)`)).toMatchObject({
      fn, field: { kind: "attribute", scope: "span", key: "business.revenue_impact" },
    });
    expect(parse(`${fn}(duration)`)).toMatchObject({ fn, field: { kind: "intrinsic", name: "duration" } });
  });

  it("reads quantile_over_time with Tempo's .95 spelling, which the grammar refuses", () => {
    const ast = parseMetricsTraceQL("{ } | quantile_over_time(duration, .95, 0.5, 1) by (span.customer.tier)")!;
    expect(ast.quantiles.map((q) => q.value)).toEqual([0.95, 0.5, 1]);
    expect(ast.quantiles[0]).toMatchObject({ from: 35, to: 38 });
    expect(ast.field).toMatchObject({ kind: "intrinsic", name: "duration" });
  });

  it("refuses a quantile outside 0..1 and a quantile_over_time without one", () => {
    expect(errorOf(() => parseMetricsTraceQL("{} | quantile_over_time(duration, 1.5)"))).toMatchObject({ from: 34, to: 37 });
    expect(errorOf(() => parseMetricsTraceQL("{} | quantile_over_time(duration)")).message).toMatch(/at least one quantile/);
  });

  it("reads histogram_over_time(field)", () => {
    expect(parse("{} | histogram_over_time(duration) by (name)")).toMatchObject({
      fn: "histogram_over_time", field: { name: "duration" }, by: [{ name: "name" }],
    });
  });

  it("reads topk and bottomk after the function", () => {
    expect(parse("{} | rate() by (name) | topk(5)").top).toEqual({ dir: "topk", k: 5 });
    expect(parse("{} | count_over_time() by (name) | bottomk(2)").top).toEqual({ dir: "bottomk", k: 2 });
    expect(errorOf(() => parseMetricsTraceQL("{} | topk(3)")).message).toMatch(/must follow a metrics function/);
    expect(errorOf(() => parseMetricsTraceQL("{} | rate() | topk(0)")).message).toMatch(/count of 1 or more/);
  });

  it("checks the spanset part with the query's own positions", () => {
    expect(errorOf(() => parseMetricsTraceQL("{ status = 5 } | rate()"))).toMatchObject({ from: 2, to: 12 });
    expect(errorOf(() => parseMetricsTraceQL("{ x = } | rate()")).message).toMatch(/^syntax error/);
  });

  it("refuses fields an aggregate cannot read", () => {
    expect(errorOf(() => parseMetricsTraceQL("{} | avg_over_time(name)")).message).toMatch(/^not supported: avg_over_time\(name\)/);
    expect(errorOf(() => parseMetricsTraceQL("{} | sum_over_time()")).message).toMatch(/^syntax error/);
  });

  it.each([
    ["{} | rate() > 10", "comparing a metrics query with a value (> after rate())", 12, 16],
    ["{} | rate() by (name) >= 5", "comparing a metrics query with a value (>= after rate())", 22, 26],
    ["({} | rate()) / ({} | count_over_time())", "arithmetic between metrics queries (/)", 14, 40],
    ["{ } | rate() + { } | count_over_time()", "arithmetic between metrics queries (+)", 13, 38],
    ["{} | rate() with(sample=true)", "with() query hints (with(sample=true))", 12, 29],
    ["{} | rate() by (name) with (sample=0.1)", "with() query hints (with (sample=0.1))", 22, 39],
    ["{} | compare({ status = error })", "compare()", 5, 32],
    ["{} | rate() | { .a = 1 }", "{ .a = 1 } after a metrics function", 14, 24],
  ])("names %s as not supported, never as a syntax error", (q, what, from, to) => {
    const err = errorOf(() => parseMetricsTraceQL(q));
    expect(err.message.replace(/ \(the selection.*$/, "")).toBe(`not supported: ${what}`);
    expect([err.from, err.to]).toEqual([from, to]);
  });
});

describe("odd constructs from Tempo's examples", () => {
  it("reads a query that starts with an aggregate as following { }", () => {
    const ast = parseTraceQL("avg(.field) > 1");
    expect(strip(ast)).toMatchObject({
      kind: "pipeline", source: { kind: "filter", condition: null },
      stages: [{ kind: "scalarFilter", op: ">", left: { kind: "aggregate", fn: "avg" } }],
    });
    const piped = parseTraceQL("count() = 1 | { true }");
    expect(strip(piped)).toMatchObject({
      kind: "pipeline", source: { kind: "filter", condition: null },
      stages: [{ kind: "scalarFilter", op: "=" }, { kind: "filter", condition: { kind: "literal", value: true } }],
    });
  });

  it("refuses a pipeline stage comparing two literals, as inside a filter", () => {
    const err = errorOf(() => parseTraceQL("{} | 3 > 2"));
    expect(err.message).toBe("not supported: comparing two literals");
    expect([err.from, err.to]).toEqual([5, 10]);
    expect(errorOf(() => parseTraceQL("{ 3 > 2 }")).message).toBe("not supported: comparing two literals");
  });
});
