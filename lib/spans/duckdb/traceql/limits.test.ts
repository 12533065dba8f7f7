import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { migrateSpanSchema } from "../schema";
import { MAX_QUERY_DEPTH } from "@/lib/traceql/depth";
import { checkTraceQL } from "@/lib/traceql";
import { compileTraceQL } from "./index";
import { compileSpanFilter } from "./span-filter";

let conn: DuckDBConnection;

beforeAll(async () => {
  conn = await (await DuckDBInstance.create(":memory:")).connect();
  await migrateSpanSchema(conn);
});

const nots = (n: number) => `{ ${"!".repeat(n)}true }`;
const chain = (n: number, op: string) => Array.from({ length: n }, (_, i) => `{ .a = ${i} }`).join(` ${op} `);

describe("query limits", () => {
  it("refuses a regex RE2 cannot compile, pointing at the pattern", () => {
    expect(checkTraceQL('{ span.foo =~ "[" }')).toEqual({ message: 'invalid regex: missing ] at "["', from: 14, to: 17 });
    expect(checkTraceQL('{ name !~ "(?=x)" }')?.message).toMatch(/lookahead is not supported/);
    expect(checkTraceQL('{ event.x =~ "a{1001}" }')?.message).toMatch(/invalid repetition size/);
    expect(checkTraceQL('{ .a = 1 } >> { resource.b =~ "(a)\\\\1" }')).toMatchObject({ from: 30, to: 38 });
    expect(() => compileSpanFilter('{ span.foo =~ "[" }')).toThrow(/invalid regex/);
    expect(checkTraceQL('{ span.foo =~ "(?i)ent.*" && name =~ "\\\\QGET /\\\\E.*" }')).toBeNull();
  });

  it("refuses a duration past 64-bit nanoseconds", () => {
    expect(checkTraceQL("{ duration > 2562048h }")).toEqual({
      message: 'duration "2562048h" does not fit in 64-bit nanoseconds (at most about 2562047h)', from: 13, to: 21,
    });
    expect(checkTraceQL("{} | avg(duration) > 9999999999999999999ns")?.message).toMatch(/does not fit/);
    expect(checkTraceQL("{ duration > 2562047h }")).toBeNull();
  });

  it.each([
    ["nested !", nots(600)],
    ["spansets joined by >>", chain(300, ">>")],
    ["pipeline stages", `{ .a = 1 }${" | { .b = 1 }".repeat(MAX_QUERY_DEPTH)}`],
    ["parentheses", `${"(".repeat(MAX_QUERY_DEPTH)}{ .a = 1 }${")".repeat(MAX_QUERY_DEPTH)}`],
  ])("refuses %s past MAX_QUERY_DEPTH", (_, q) => {
    expect(checkTraceQL(q)?.message).toBe(`the query nests deeper than ${MAX_QUERY_DEPTH} levels (maxQueryDepth)`);
  });

  it("runs queries just inside the limit, and long && / || chains, on DuckDB", async () => {
    const queries = [
      nots(MAX_QUERY_DEPTH - 5),
      chain(MAX_QUERY_DEPTH - 5, ">>"),
      chain(400, "&&"),
      `{ ${Array.from({ length: 400 }, (_, i) => `.a = ${i}`).join(" || ")} }`,
      "{ duration > 2562047h }",
    ];
    for (const q of queries) {
      expect(checkTraceQL(q), q.slice(0, 40)).toBeNull();
      const { sql, params } = compileTraceQL(q);
      await expect(conn.run(sql, { project: 1, start: 0n, end: 10n, ...params })).resolves.toBeDefined();
    }
  });
});
