import { describe, expect, it } from "vitest";
import { SERVICE_PALETTE_SIZE, hashString, serviceColor, serviceColorIndex } from "./service-color";

describe("serviceColorIndex", () => {
  it("is stable for a name", () => {
    // Pinned: a change here recolours every service users have learned.
    expect(hashString("checkout")).toBe(1303992121);
    expect(serviceColorIndex("checkout")).toBe(1);
    expect(serviceColorIndex("frontend")).toBe(5);
    expect(hashString("")).toBe(0x811c9dc5);
  });

  it("stays inside the palette", () => {
    for (const name of ["", "a", "frontend", "payments-api", "ünïcødé", "x".repeat(500)]) {
      const i = serviceColorIndex(name);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(i).toBeLessThan(SERVICE_PALETTE_SIZE);
    }
  });

  it("spreads typical service names over the palette", () => {
    const names = ["frontend", "checkout", "payments", "inventory", "shipping", "auth", "search", "email", "cart", "ads", "recommendation", "quote"];
    const used = new Set(names.map(serviceColorIndex));
    expect(used.size).toBeGreaterThanOrEqual(6);
  });

  it("returns a palette custom property", () => {
    expect(serviceColor("checkout")).toMatch(/^var\(--svc-\d\)$/);
  });
});

describe("well-known tiers", () => {
  it("get four different colours, so a tier chart reads at a glance", () => {
    const slots = ["free", "standard", "premium", "enterprise"].map(serviceColorIndex);
    expect(new Set(slots).size).toBe(4);
  });
});
