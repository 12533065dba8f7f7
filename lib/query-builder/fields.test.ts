import { describe, expect, it } from "vitest";
import { fieldText, parseFieldText, valueTypeOf } from "./fields";
import { durationLiteral, rowLiteral } from "./literals";

describe("fields", () => {
  it("parses and prints scoped, unscoped, quoted keys and intrinsics", () => {
    expect(parseFieldText("span.customer.tier")).toEqual({ kind: "attribute", scope: "span", key: "customer.tier" });
    expect(parseFieldText(".x")).toEqual({ kind: "attribute", scope: "unscoped", key: "x" });
    expect(parseFieldText('resource."a b"')).toEqual({ kind: "attribute", scope: "resource", key: "a b" });
    expect(parseFieldText("trace:duration")).toEqual({ kind: "intrinsic", name: "trace:duration" });
    expect(parseFieldText("span.")).toBeNull();
    expect(parseFieldText("customer")).toBeNull();
    expect(fieldText({ kind: "attribute", scope: "span", key: "a b" })).toBe('span."a b"');
    expect(fieldText({ kind: "attribute", scope: "unscoped", key: "x" })).toBe(".x");
  });

  it("maps catalog types to value types", () => {
    expect(valueTypeOf(["int"])).toBe("int");
    expect(valueTypeOf(["double"])).toBe("float");
    expect(valueTypeOf(["int", "double"])).toBe("float");
    expect(valueTypeOf(["string", "int"])).toBe("string");
    expect(valueTypeOf(["bool"])).toBe("bool");
  });
});

describe("literals", () => {
  it("writes durations in the largest exact unit", () => {
    expect(durationLiteral(1_500_000_000n)).toBe("1.5s");
    expect(durationLiteral(56_200_000n)).toBe("56.2ms");
    expect(durationLiteral(90_000_000_000n)).toBe("90s");
    expect(durationLiteral(120_000_000_000n)).toBe("2m");
    expect(durationLiteral(1_001n)).toBe("1.001us");
    expect(durationLiteral(999n)).toBe("999ns");
  });

  it("validates values by type", () => {
    expect(rowLiteral({ type: "int", text: "12" })).toEqual({ ok: true, literal: "12" });
    expect(rowLiteral({ type: "int", text: "x" })).toMatchObject({ ok: false });
    expect(rowLiteral({ type: "duration", text: "250ms" })).toEqual({ ok: true, literal: "250ms" });
    expect(rowLiteral({ type: "duration", text: "250" })).toMatchObject({ ok: false, problem: expect.stringContaining("250ms") });
    expect(rowLiteral({ type: "status", text: "error" })).toEqual({ ok: true, literal: "error" });
    expect(rowLiteral({ type: "string", text: "" })).toMatchObject({ ok: false });
  });
});
