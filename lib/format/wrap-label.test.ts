import { describe, expect, it } from "vitest";
import { wrapLabel } from "./wrap-label";

describe("wrapLabel", () => {
  it("breaks at spaces so nothing is cut when the lines suffice", () => {
    expect(wrapLabel('4. span.funnel.stage = "purchase"', 22)).toEqual(["4. span.funnel.stage =", '"purchase"']);
    expect(wrapLabel("short", 22)).toEqual(["short"]);
  });

  it("cuts a word longer than a line, and ends the last line with an ellipsis past the limit", () => {
    expect(wrapLabel("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
    expect(wrapLabel("a b c d e f", 3, 2)).toEqual(["a b", "c …"]);
  });
});
