import { describe, expect, it } from "vitest";
import { compareState, compareUrl } from "./search-params";
import { windowText } from "./sides";

const T = Date.UTC(2026, 10, 30, 10, 5);

describe("compare URL", () => {
  it("keeps the baseline's own window, and leaves it out when it is the selection's", () => {
    const own = compareUrl({ selection: "{ a }", baseline: "", fromMs: T, toMs: T + 30_000, baseFromMs: T - 3_600_000, baseToMs: T + 60_000 });
    expect(own).toMatchObject({ cmpFrom: T, cmpTo: T + 30_000, cmpBaseFrom: T - 3_600_000, cmpBaseTo: T + 60_000 });
    expect(compareState({ ...own, cmpWeight: null })).toMatchObject({ baseFromMs: T - 3_600_000, baseToMs: T + 60_000 });
    const same = compareUrl({ selection: "{ a }", baseline: "", fromMs: T, toMs: T + 30_000, baseFromMs: T, baseToMs: T + 30_000 });
    expect([same.cmpBaseFrom, same.cmpBaseTo]).toEqual([null, null]);
  });
});

describe("window text", () => {
  it("names the date once, and seconds only when an edge needs them", () => {
    expect(windowText(T, T + 300_000)).toBe("2026-11-30 10:05 – 10:10 UTC");
    expect(windowText(T + 22_000, T + 52_000)).toBe("2026-11-30 10:05:22 – 10:05:52 UTC");
    expect(windowText(T - 86_400_000, T)).toBe("2026-11-29 10:05 – 2026-11-30 10:05 UTC");
  });
});
