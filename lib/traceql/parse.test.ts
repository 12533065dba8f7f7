import { describe, expect, it } from "vitest";
import { durationToNs } from "./durations";
import { TraceQLError, parseTraceQL } from "./index";
import type { Condition, Spanset } from "./ast";

/** The AST without positions, for compact expectations. */
const shape = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x) =>
  k === "from" || k === "to" ? undefined : typeof x === "bigint" ? `${x}n` : x));

const condition = (q: string): Condition => {
  const ast = parseTraceQL(q);
  if (ast.kind !== "filter" || !ast.condition) throw new Error("expected a filter");
  return ast.condition;
};

function errorOf(q: string): TraceQLError {
  try {
    parseTraceQL(q);
  } catch (err) {
    if (err instanceof TraceQLError) return err;
    throw err;
  }
  throw new Error(`expected ${q} to fail`);
}

describe("parseTraceQL", () => {
  it("builds typed comparisons with scopes and dotted keys", () => {
    expect(shape(condition('{ span.customer.tier = "enterprise" && span.http.response.status_code >= 500 }'))).toEqual({
      kind: "and",
      left: { kind: "compare", op: "=", field: { kind: "attribute", scope: "span", key: "customer.tier" },
        value: { kind: "static", value: { type: "string", value: "enterprise" } } },
      right: { kind: "compare", op: ">=", field: { kind: "attribute", scope: "span", key: "http.response.status_code" },
        value: { kind: "static", value: { type: "int", value: "500n" } } },
    });
  });

  it("reads every scope and quoted keys", () => {
    const fields = (q: string) => {
      const c = condition(q);
      return c.kind === "compare" ? shape(c.field) : null;
    };
    expect(fields('{ resource.service.name = "x" }')).toEqual({ kind: "attribute", scope: "resource", key: "service.name" });
    expect(fields('{ .foo = "x" }')).toEqual({ kind: "attribute", scope: "unscoped", key: "foo" });
    expect(fields('{ event.exception.type = "x" }')).toEqual({ kind: "attribute", scope: "event", key: "exception.type" });
    expect(fields('{ span."key with \\"quotes\\"" = "x" }')).toEqual({ kind: "attribute", scope: "span", key: 'key with "quotes"' });
  });

  it("folds intrinsic spellings into canonical names", () => {
    const name = (q: string) => {
      const c = condition(q);
      return c.kind === "compare" && c.field.kind === "intrinsic" ? c.field.name : null;
    };
    expect(name('{ span:name = "x" }')).toBe("name");
    expect(name("{ span:status = ok }")).toBe("status");
    expect(name("{ span:duration > 1s }")).toBe("duration");
    expect(name("{ span:kind = server }")).toBe("kind");
    expect(name('{ span:statusMessage = "x" }')).toBe("statusMessage");
    expect(name('{ rootName = "x" }')).toBe("trace:rootName");
    expect(name('{ rootServiceName = "x" }')).toBe("trace:rootService");
    expect(name("{ traceDuration > 1s }")).toBe("trace:duration");
    expect(name('{ event:name = "x" }')).toBe("event:name");
  });

  it("parses every literal type", () => {
    const value = (q: string) => {
      const c = condition(q);
      return c.kind === "compare" ? shape(c.value.value) : null;
    };
    expect(value("{ .a = 1.5 }")).toEqual({ type: "float", value: 1.5 });
    expect(value("{ .a = -3 }")).toEqual({ type: "int", value: "-3n" });
    expect(value("{ .a = true }")).toEqual({ type: "bool", value: true });
    expect(value("{ .a = nil }")).toEqual({ type: "nil" });
    expect(value("{ status = error }")).toEqual({ type: "status", value: "error" });
    expect(value("{ kind = consumer }")).toEqual({ type: "kind", value: "consumer" });
    expect(value("{ duration > 1.5s }")).toEqual({ type: "duration", ns: "1500000000n" });
    expect(value("{ .a = `raw\\.x` }")).toEqual({ type: "string", value: "raw\\.x" });
    expect(value('{ .a = "say \\"hi\\"" }')).toEqual({ type: "string", value: 'say "hi"' });
  });

  it("converts duration literals to nanoseconds exactly", () => {
    const at = { from: 0, to: 0 };
    expect(durationToNs("10ns", at)).toBe(10n);
    expect(durationToNs("2us", at)).toBe(2_000n);
    expect(durationToNs("2µs", at)).toBe(2_000n);
    expect(durationToNs("100ms", at)).toBe(100_000_000n);
    expect(durationToNs("1.5s", at)).toBe(1_500_000_000n);
    expect(durationToNs("0.1s", at)).toBe(100_000_000n);
    expect(durationToNs("2m", at)).toBe(120_000_000_000n);
    expect(durationToNs("1h", at)).toBe(3_600_000_000_000n);
  });

  it("gives ! and - their TraceQL precedence, which the grammar does not", () => {
    // Lezer parses this as !((name = "x") && .a = -1); TraceQL means (!(name = "x")) && (.a = -1).
    expect(shape(condition('{ !(name = "x") && .a = -1 }'))).toMatchObject({
      kind: "and", left: { kind: "not" }, right: { kind: "compare", value: { value: { type: "int", value: "-1n" } } },
    });
    expect(shape(condition("{ !.a = 1 || .b = 2 }"))).toMatchObject({ kind: "or", left: { kind: "not", operand: { kind: "compare" } } });
    expect(shape(condition("{ (.a = 1 || .b = 2) && .c = 3 }"))).toMatchObject({ kind: "and", left: { kind: "or" } });
  });

  it("puts the field on the left of a comparison", () => {
    expect(shape(condition("{ 500 <= span.x }"))).toMatchObject({ op: ">=", field: { key: "x" } });
  });

  it("builds spanset operators with structural ops binding tighter than && and ||", () => {
    const ops = (n: Spanset): unknown => (n.kind === "spansetOp" ? [n.op, ops(n.left), ops(n.right)] : n.kind);
    expect(ops(parseTraceQL("{} >> {} && ({} ~ {}) || {} < {} << {}"))).toEqual(
      ["or", ["and", ["descendant", "filter", "filter"], ["sibling", "filter", "filter"]], ["ancestor", ["parent", "filter", "filter"], "filter"]],
    );
    expect(ops(parseTraceQL("{} > {}"))).toEqual(["child", "filter", "filter"]);
  });

  it("collects pipeline stages", () => {
    expect(shape(parseTraceQL("{ } | count() > 2 | avg(duration) >= 1s"))).toEqual({
      kind: "pipeline",
      source: { kind: "filter", condition: null },
      stages: [
        { kind: "scalarFilter", op: ">", left: { kind: "aggregate", fn: "count", field: null }, right: { kind: "static", value: { type: "int", value: "2n" } } },
        { kind: "scalarFilter", op: ">=", left: { kind: "aggregate", fn: "avg", field: { kind: "intrinsic", name: "duration" } },
          right: { kind: "static", value: { type: "duration", ns: "1000000000n" } } },
      ],
    });
    expect(shape(parseTraceQL("({ .a = 1 } | max(span.x) < 3.5) && {}"))).toMatchObject({
      kind: "spansetOp", op: "and", left: { kind: "pipeline", stages: [{ left: { fn: "max", field: { key: "x" } } }] },
    });
  });

  it("reports syntax errors at the first error node", () => {
    expect(errorOf("{ .a = }")).toMatchObject({ from: 7, to: 7, message: 'syntax error near "}"' });
    expect(errorOf("{ a }")).toMatchObject({ from: 2, to: 3, message: 'syntax error: unexpected "a"' });
    expect(errorOf("{ .a = 1")).toMatchObject({ from: 8, to: 8, message: "syntax error: unexpected end of query" });
    expect(errorOf("{.a=1} | count() >")).toMatchObject({ from: 18, to: 18 });
    expect(errorOf("   ")).toMatchObject({ message: "empty query" });
  });

  it.each([
    ["{} | by(name)", "by()", 5, 13],
    ["{} | select(.x, name)", "select()", 5, 21],
    ["{} | coalesce()", "coalesce()", 5, 15],
    ["{} | rate()", "metrics function rate()", 5, 11],
    ["{} !< {}", "the !< operator", 3, 5],
    ["{} !>> {}", "the !>> operator", 3, 6],
    ["{} &>> {}", "the &>> operator", 3, 6],
    ["{ .a = $var }", "template variable $var", 7, 11],
    ["{ parent.x = 1 }", "parent. attributes", 2, 10],
    ["{ link.x = 1 }", "link. attributes", 2, 8],
    ["{ event:timeSinceStart > 1ms }", "intrinsic event:timeSinceStart", 2, 22],
    ["{ .a + 1 > 2 }", "operator +", 5, 6],
    ["{ span.a = span.b }", "comparing two fields", 2, 17],
    ["{ .flag }", "a bare field as a condition", 2, 7],
    ["{} | count() + 1 > 2", "arithmetic (+)", 13, 14],
    ["{ .a = 1 } with (most_recent=true)", "with() query hints", 11, 34],
  ])("names the unsupported construct in %s", (q, what, from, to) => {
    const err = errorOf(q);
    expect(err.message).toContain(`not supported: ${what}`);
    expect([err.from, err.to]).toEqual([from, to]);
  });

  it("asks for parentheses when a pipeline is combined without them", () => {
    expect(errorOf("{ .a = 1 } | count() > 1 && { .b = 1 }").message).toMatch(/wrap the pipeline in parentheses/);
  });
});
