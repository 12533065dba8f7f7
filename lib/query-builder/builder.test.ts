import { describe, expect, it } from "vitest";
import { builderToQuery, queryToBuilder, type BuilderState } from "./builder";

const rows = (q: string) => {
  const r = queryToBuilder(q);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.state;
};

describe("queryToBuilder", () => {
  it("reads an empty query and {} as no rows", () => {
    expect(rows("")).toEqual({ join: "and", rows: [] });
    expect(rows("{ }")).toEqual({ join: "and", rows: [] });
  });

  it("reads a flat && list with typed values", () => {
    const s = rows('{ resource.service.name = "shop" && span.http.status_code >= 500 && duration > 1.5s && status = error }');
    expect(s.join).toBe("and");
    expect(s.rows).toEqual([
      { field: "resource.service.name", op: "=", value: { type: "string", text: "shop" } },
      { field: "span.http.status_code", op: ">=", value: { type: "int", text: "500" } },
      { field: "duration", op: ">", value: { type: "duration", text: "1.5s" } },
      { field: "status", op: "=", value: { type: "status", text: "error" } },
    ]);
  });

  it("reads a flat || list, unscoped and quoted keys, and presence tests", () => {
    const s = rows('{ .tier = "gold" || span."odd key" != nil || span.x = nil || kind = server }');
    expect(s.join).toBe("or");
    expect(s.rows.map((r) => [r.field, r.op])).toEqual([
      [".tier", "="], ['span."odd key"', "exists"], ["span.x", "missing"], ["kind", "="],
    ]);
  });

  it("normalises literal-on-the-left comparisons", () => {
    expect(rows("{ 500 <= span.code }").rows[0]).toMatchObject({ field: "span.code", op: ">=" });
  });

  it("says which constructs it cannot show", () => {
    const why = (q: string) => {
      const r = queryToBuilder(q);
      return r.ok ? null : r.kind === "unsupported" ? r.uses : r.kind;
    };
    expect(why("{ .a = 1 } >> { .b = 2 }")).toEqual(["structural operators (>, >>, <, <<, ~)"]);
    expect(why("{ .a = 1 } && { .b = 2 }")).toEqual(["several spansets joined by && or ||"]);
    expect(why("{ .a = 1 } | count() > 2")).toEqual(["pipelines (| count() …)"]);
    expect(why("{ .a = 1 && (.b = 2 || .c = 3) }")).toEqual(["a mix of && and || (grouping)"]);
    expect(why("{ !(.a = 1) }")).toEqual(["negation (!)"]);
    expect(why("{ true }")).toEqual(["true/false in place of a condition"]);
  });

  it("reports a syntax error with its position", () => {
    expect(queryToBuilder("{ span.x = }")).toMatchObject({ ok: false, kind: "error", from: 11 });
  });
});

describe("builderToQuery", () => {
  it("writes rows joined by the chosen operator, leaving incomplete rows out", () => {
    const state: BuilderState = {
      join: "and",
      rows: [
        { field: "span.customer.tier", op: "=", value: { type: "string", text: 'en"t' } },
        { field: "span.", op: "=", value: { type: "string", text: "x" } },
        { field: "span.amount", op: ">", value: { type: "float", text: "10" } },
        { field: "span.note", op: "=", value: { type: "string", text: "" } },
        { field: "span.flag", op: "exists", value: { type: "nil", text: "" } },
      ],
    };
    expect(builderToQuery(state)).toBe('{ span.customer.tier = "en\\"t" && span.amount > 10.0 && span.flag != nil }');
    expect(builderToQuery({ join: "or", rows: [] })).toBe("{}");
  });

  it("round-trips what it reads", () => {
    for (const q of [
      '{ resource.service.name = "shop" && span.http.status_code >= 500 }',
      '{ .tier = "gold" || span."odd key" != nil || kind = server }',
      "{ trace:duration >= 100ms && trace:duration < 1.5s && span.ratio <= 0.25 }",
      '{ name =~ "GET .*" && span.flag = true && event:name = "retry" }',
    ]) {
      expect(builderToQuery(rows(q))).toBe(q);
    }
  });
});
