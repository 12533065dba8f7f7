import { describe, expect, it } from "vitest";
import { safeNext } from "./next-url";

describe("safeNext", () => {
  it("keeps a path with its query", () => {
    expect(safeNext("/traces?q=%7B%7D&since=1h")).toBe("/traces?q=%7B%7D&since=1h");
  });
  it("refuses other sites and non-paths", () => {
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "", undefined]) {
      expect(safeNext(bad)).toBe("/");
    }
  });
});
