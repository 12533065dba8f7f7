import { describe, expect, it } from "vitest";
import { normalizeParentSpanId, normalizeSpanId, normalizeTraceId } from "./ids";

describe("ids", () => {
  it("lowercases hex and left-pads 64-bit trace ids", () => {
    expect(normalizeTraceId("4BF92F3577B34DA6A3CE929D0E0E4736", "t")).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
    expect(normalizeTraceId("EE77EC95C9B24ACB", "t")).toBe("0000000000000000ee77ec95c9b24acb");
    expect(normalizeSpanId("00F067AA0BA902B7", "s")).toBe("00f067aa0ba902b7");
  });

  it("turns protobuf bytes into hex", () => {
    expect(normalizeTraceId(new Uint8Array(16).map((_, i) => i * 17), "t")).toBe("00112233445566778899aabbccddeeff");
    expect(normalizeTraceId(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), "t")).toBe("00000000000000000102030405060708");
    // A view into a larger buffer, as a protobuf reader hands out.
    const view = new Uint8Array([9, 9, 0xab, 0xcd, 0, 0, 0, 0, 0, 1, 9]).subarray(2, 10);
    expect(normalizeSpanId(view, "s")).toBe("abcd000000000001");
  });

  it("rejects wrong lengths, non-hex, other types and all-zero ids", () => {
    expect(() => normalizeTraceId("4bf92f3577b34da6a3ce929d0e0e473", "a.traceId")).toThrow(
      "a.traceId: expected 32 hex characters",
    );
    expect(() => normalizeTraceId("zbf92f3577b34da6a3ce929d0e0e4736", "t")).toThrow("expected 32 hex characters");
    expect(() => normalizeSpanId("00f067aa0ba902b7ff", "s")).toThrow("s: expected 16 hex characters");
    expect(() => normalizeSpanId(42, "s")).toThrow("s: expected 16 hex characters");
    expect(() => normalizeSpanId(new Uint8Array(7).fill(1), "s")).toThrow("s: expected 8 bytes, got 7");
    expect(() => normalizeTraceId("0".repeat(32), "t")).toThrow("t: all-zero id is invalid");
    expect(() => normalizeTraceId(new Uint8Array(8), "t")).toThrow("t: all-zero id is invalid");
  });

  it("reads an empty parent as a root span", () => {
    for (const empty of [undefined, null, "", new Uint8Array(0)]) expect(normalizeParentSpanId(empty, "p")).toBeNull();
    expect(normalizeParentSpanId("53995c3f42cd8ad8", "p")).toBe("53995c3f42cd8ad8");
    expect(() => normalizeParentSpanId("0000000000000000", "p")).toThrow("p: all-zero id is invalid");
  });
});
