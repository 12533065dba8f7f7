import { describe, expect, it } from "vitest";
import type { AttributeKeyInfo } from "@/lib/contract";
import { isKnownGroupKey } from "./known-key";

const key = (scope: AttributeKeyInfo["scope"], k: string) => ({ scope, key: k, types: ["string"], spanCount: 1, firstSeenUnixNano: "0", lastSeenUnixNano: "0" }) as AttributeKeyInfo;
const keys = [key("span", "customer.tier"), key("resource", "service.version")];

describe("isKnownGroupKey", () => {
  it("knows intrinsics and catalogued keys in their scope", () => {
    expect(isKnownGroupKey("service", keys)).toBe(true);
    expect(isKnownGroupKey("span.customer.tier", keys)).toBe(true);
    expect(isKnownGroupKey(".customer.tier", keys)).toBe(true);
    expect(isKnownGroupKey("resource.service.version", keys)).toBe(true);
  });
  it("flags a misspelt key, or one in the wrong scope", () => {
    expect(isKnownGroupKey("span.customer.tierr", keys)).toBe(false);
    expect(isKnownGroupKey("resource.customer.tier", keys)).toBe(false);
    expect(isKnownGroupKey("customer.tier", keys)).toBe(false);
  });
  it("flags nothing before the catalog has loaded", () => {
    expect(isKnownGroupKey("span.anything", [])).toBe(true);
  });
});
