import { describe, expect, it } from "vitest";
import { completionSpot } from "./completion-context";

/** The spot at the `|` marker. */
const at = (marked: string) => {
  const pos = marked.indexOf("¦");
  return completionSpot(marked.replace("¦", ""), pos);
};

describe("completionSpot", () => {
  it("offers a spanset at the start and joins after one", () => {
    expect(at("¦")).toEqual({ kind: "spanset", from: 0 });
    expect(at("{ .a = 1 } ¦")).toEqual({ kind: "afterSpanset", from: 11 });
  });

  it("offers fields after {, && and ||, replacing what is typed", () => {
    expect(at("{ ¦")).toEqual({ kind: "field", from: 2, text: "" });
    expect(at("{ span.cu¦")).toEqual({ kind: "field", from: 2, text: "span.cu" });
    expect(at('{ .a = 1 && res¦ }')).toEqual({ kind: "field", from: 12, text: "res" });
    expect(at("{ (¦")).toMatchObject({ kind: "field" });
  });

  it("offers operators after a field and a space", () => {
    expect(at("{ span.customer.tier ¦")).toEqual({ kind: "operator", from: 21, field: "span.customer.tier" });
    expect(at("{ span.customer.tier¦")).toMatchObject({ kind: "field" });
  });

  it("offers values after an operator, quoted or not", () => {
    expect(at("{ status =¦")).toEqual({ kind: "value", from: 10, field: "status", op: "=", quoted: false });
    expect(at("{ status = er¦")).toEqual({ kind: "value", from: 11, field: "status", op: "=", quoted: false });
    expect(at('{ span."odd key" = "pre¦')).toEqual({ kind: "value", from: 19, field: 'span."odd key"', op: "=", quoted: true });
    expect(at('{ name = "done"¦')).toBeNull();
  });

  it("offers && and || after a complete condition", () => {
    expect(at('{ name = "a" ¦')).toEqual({ kind: "join", from: 13 });
    expect(at('{ name = "a" &¦')).toEqual({ kind: "join", from: 13 });
  });

  it("ignores comments and strings that contain braces", () => {
    expect(at('{ name = "}" && ¦')).toMatchObject({ kind: "field" });
    expect(at("// { \n{ ¦")).toMatchObject({ kind: "field" });
  });
});
