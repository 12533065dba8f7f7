import { describe, expect, it } from "vitest";
import { shortId } from "./id";

describe("shortId", () => {
  it("shows the first 8 characters of an ordinary id", () => {
    expect(shortId("4bf92f3577b34da6a3ce929d0e0e4736")).toBe("4bf92f35");
  });
  it("skips the padding of a 64-bit id widened to 128 bits", () => {
    expect(shortId("0000000000000000a3ce929d0e0e4736")).toBe("a3ce929d");
  });
  it("keeps the last characters of an id that is almost all zeros", () => {
    expect(shortId("00000000000000000000000000000042")).toBe("00000042");
    expect(shortId("abc")).toBe("abc");
  });
});
