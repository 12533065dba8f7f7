import { describe, expect, it } from "vitest";
import { andConditions, traceqlField, valueCondition } from "./traceql";

describe("traceqlField", () => {
  it("keeps scoped and unscoped attributes and intrinsics, quoting odd keys", () => {
    expect(traceqlField("span.customer.tier")).toBe("span.customer.tier");
    expect(traceqlField("resource.service.name")).toBe("resource.service.name");
    expect(traceqlField(".x")).toBe(".x");
    expect(traceqlField("status")).toBe("status");
    expect(traceqlField("span.my key")).toBe('span."my key"');
  });
});

describe("valueCondition", () => {
  it("quotes strings and escapes quotes and backslashes", () => {
    expect(valueCondition("span.customer.tier", "enterprise")).toBe('span.customer.tier = "enterprise"');
    expect(valueCondition("span.q", 'say "hi" \\ bye')).toBe('span.q = "say \\"hi\\" \\\\ bye"');
  });
  it("spells numbers by the catalogued type and matches both when unsure", () => {
    expect(valueCondition("span.code", "200", ["int"])).toBe("span.code = 200");
    expect(valueCondition("span.id", "200", ["string"])).toBe('span.id = "200"');
    expect(valueCondition("span.code", "200")).toBe('(span.code = 200 || span.code = "200")');
  });
  it("uses nil for a missing value and bare words for status and kind", () => {
    expect(valueCondition("span.customer.tier", null)).toBe("span.customer.tier = nil");
    expect(valueCondition("status", "error")).toBe("status = error");
  });
});

describe("andConditions", () => {
  const b = 'span.customer.tier = "enterprise"';
  it("merges into a single spanset", () => {
    expect(andConditions('{ resource.service.name = "web" }', [b])).toBe(`{ resource.service.name = "web" && ${b} }`);
    expect(andConditions("", [b])).toBe(`{ ${b} }`);
    expect(andConditions("{}", [b])).toBe(`{ ${b} }`);
  });
  it("keeps an OR together", () => {
    expect(andConditions("{ .a = 1 || .b = 2 }", [b])).toBe(`{ (.a = 1 || .b = 2) && ${b} }`);
  });
  it("adds a spanset to structural filters", () => {
    expect(andConditions("{ .a = 1 } && { .b = 2 }", [b])).toBe(`{ .a = 1 } && { .b = 2 } && { ${b} }`);
    expect(andConditions("{ .a = 1 } | count() > 2", [b])).toBe(`({ .a = 1 } | count() > 2) && { ${b} }`);
  });
  it("leaves the filter alone without conditions, and unparsable text as written", () => {
    expect(andConditions(" { .a = 1 } ", [])).toBe("{ .a = 1 }");
    expect(andConditions("{ .a = ", [b])).toBe(`{ .a = && { ${b} }`);
  });
});
