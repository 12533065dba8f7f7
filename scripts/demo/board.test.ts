import { describe, expect, it } from "vitest";
import { createBoardSchema } from "../../lib/boards/schema";
import { BUSINESS_OVERVIEW } from "./board";

describe("the demo board", () => {
  it("is a board the API accepts, with the panels the story needs", () => {
    const parsed = createBoardSchema.safeParse(BUSINESS_OVERVIEW);
    expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues[0])).toBe(true);
    expect(BUSINESS_OVERVIEW.panels.map((p) => p.kind).sort()).toEqual(["funnel", "metrics", "metrics", "metrics", "note", "number", "number", "traces"]);
  });
});
