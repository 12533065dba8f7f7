import { describe, expect, it } from "vitest";
import { addFilter, clearDurationRange, durationBound, setDurationRange } from "./edit";

const tier = (text: string, op: "=" | "!=" = "=") => ({ field: "span.customer.tier", op, value: { type: "string" as const, text } });

describe("addFilter", () => {
  it("adds to an empty query or {}", () => {
    expect(addFilter("", tier("gold"))).toBe('{ span.customer.tier = "gold" }');
    expect(addFilter("{}", tier("gold"))).toBe('{ span.customer.tier = "gold" }');
  });

  it("adds inside one && spanset and replaces an earlier = on the same field", () => {
    const q = '{ name = "checkout" && span.customer.tier = "free" }';
    expect(addFilter(q, tier("gold"))).toBe('{ name = "checkout" && span.customer.tier = "gold" }');
    expect(addFilter(q, tier("gold", "!="))).toBe('{ name = "checkout" && span.customer.tier = "free" && span.customer.tier != "gold" }');
  });

  it("does not add a condition twice", () => {
    const q = '{ span.customer.tier = "gold" }';
    expect(addFilter(q, tier("gold"))).toBe(q);
  });

  it("joins a new spanset to queries the builder cannot extend", () => {
    expect(addFilter('{ .a = 1 || .b = 2 }', tier("gold"))).toBe('{ .a = 1 || .b = 2 } && { span.customer.tier = "gold" }');
    expect(addFilter("{ .a = 1 } | count() > 2", tier("gold"))).toBe('({ .a = 1 } | count() > 2) && { span.customer.tier = "gold" }');
  });
});

describe("duration range", () => {
  it("rounds bounds outward to three significant digits", () => {
    expect(durationBound(17.78279, "down")).toBe("17.7ms");
    expect(durationBound(17.78279, "up")).toBe("17.8ms");
    expect(durationBound(316.227, "up")).toBe("317ms");
    expect(durationBound(1778.279, "down")).toBe("1.77s");
    expect(durationBound(0.5623, "down")).toBe("562us");
    expect(durationBound(100, "down")).toBe("100ms");
    expect(durationBound(1000, "up")).toBe("1s");
  });

  it("replaces earlier trace:duration bounds", () => {
    const once = setDurationRange('{ name = "a" }', 100, 1000);
    expect(once).toBe('{ name = "a" && trace:duration >= 100ms && trace:duration < 1s }');
    expect(setDurationRange(once, 10, null)).toBe('{ name = "a" && trace:duration >= 10ms }');
    expect(clearDurationRange(once)).toBe('{ name = "a" }');
    expect(clearDurationRange('{ name = "a" }')).toBeNull();
  });
});
