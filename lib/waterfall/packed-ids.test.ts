import { describe, expect, it } from "vitest";
import { packIds, unpackIds } from "./packed-ids";

describe("packed span ids", () => {
  it("round-trips ids, roots' null parents and empty traces", () => {
    const parents = [null, "a1", "b2", null];
    expect(unpackIds(packIds(parents), 4, true)).toEqual(parents);
    expect(unpackIds(packIds(["a1", "b2"]), 2, false)).toEqual(["a1", "b2"]);
    expect(unpackIds(packIds([]), 0, false)).toEqual([]);
    expect(unpackIds(packIds([""]), 1, false)).toEqual([""]);
  });

  it("sends ids that hold the separator as a list", () => {
    const ids = ["ok", "new\nline"];
    const packed = packIds(ids);
    expect(typeof packed).toBe("object");
    expect(unpackIds(packed, 2, false)).toEqual(ids);
  });
});
