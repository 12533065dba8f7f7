import { describe, expect, it } from "vitest";
import { TraceQLError, checkTraceQL } from "@/lib/traceql";
import { compileTraceQL } from "./compile";

/** What the compiler refuses, as checkTraceQL reports it. */
function compileProblem(query: string) {
  try {
    compileTraceQL(query);
    return null;
  } catch (err) {
    if (err instanceof TraceQLError) return { message: err.message, from: err.from, to: err.to };
    throw err;
  }
}

const FIELDS = [
  "span.x", "resource.x", ".x", "event.x", "name", "status", "statusMessage", "kind", "duration", "event:name",
  "trace:rootName", "trace:rootService", "trace:duration", "trace:id", "span:id", "span:parentID",
  "instrumentation:name", "instrumentation:version",
];
const OPS = ["=", "!=", ">", ">=", "<", "<=", "=~", "!~"];
const VALUES = ['"a"', "1", "1.5", "10ms", "true", "error", "server", "nil"];
const AGGREGATES = ["count()", "avg(duration)", "sum(span.x)", "max(.x)", "min(name)", "avg(event.x)", "avg()", "count(span.x)"];

describe("checkTraceQL (the AST's semantic check) refuses exactly what the DuckDB compiler refuses", () => {
  it("every field, operator and literal type", () => {
    for (const f of FIELDS) for (const op of OPS) for (const v of VALUES) {
      const q = `{ ${f} ${op} ${v} }`;
      expect(checkTraceQL(q), q).toEqual(compileProblem(q));
    }
  });

  it("aggregates, their comparisons, and the order problems are met in", () => {
    const queries: string[] = [];
    for (const a of AGGREGATES) for (const v of ["2", "1.5", "10ms", '"a"', "true"]) queries.push(`{ } | ${a} > ${v}`, `{ } | ${v} < ${a}`);
    queries.push(
      '{ span.x = 1 } | avg(name) > 1', '{ name = 1 } | avg(name) > 1', '{ name = 1 } | count() > "a"',
      '{ status = 1 } && { kind = "a" }', '{ status = error } || { kind = 1 }', "{ } || { name = 1 }", "{ name = 1 } || { }",
      '{ name = 1 } | { status = "x" }', '{ span.a = 1 } >> { name = 1 }', "{ name = 1 } > { status = 1 } | count() > 1",
      '{ } | count() > "a" | { name = 1 }', "{ !(name = 1) }", '{ span.a = "x" && (kind = 1 || name = 2) }',
      "{ } | avg(span.x) > 1 | max(event.y) > 2", '{ } | count() > 1 && { } | sum(name) > 1', "({ name = 1 }) ~ ({ kind = 1 })",
    );
    for (const q of queries) expect(checkTraceQL(q), q).toEqual(compileProblem(q));
  });
});
