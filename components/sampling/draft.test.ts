import { describe, expect, it } from "vitest";
import { buildBody, draftOf, errorsFromServer, isUnchanged, parsePercent, percentText, triedOrder, type PolicyDraft } from "./draft";

const rule = (over: Partial<PolicyDraft["rules"][number]> = {}) => ({ key: 1, name: "errors", match: "{ status = error }", rate: "100", priority: "0", ...over });

describe("percentages", () => {
  it("reads what people type and shows rates without float noise", () => {
    expect(parsePercent("12.5")).toBe(0.125);
    expect(parsePercent(" 7 % ")).toBe(0.07);
    expect(parsePercent("100")).toBe(1);
    expect(parsePercent("101")).toBe("at most 100%");
    expect(parsePercent("half")).toBe("a percentage from 0 to 100");
    expect(percentText(0.07)).toBe("7");
    expect(percentText(0.129)).toBe("12.9");
  });
});

describe("buildBody", () => {
  it("sends rates from 0 to 1 and trimmed names", () => {
    const { built } = buildBody({ rules: [rule({ name: " slow ", rate: "50", priority: "10" })], defaultRate: "10" }, "save");
    expect(built?.body).toEqual({ rules: [{ name: "slow", match: "{ status = error }", rate: 0.5, priority: 10 }], defaultRate: 0.1 });
  });

  it("leaves rows without a condition out of the preview, and maps the rest back to their rows", () => {
    const draft = { rules: [rule({ key: 1, match: "" }), rule({ key: 2, name: "" })], defaultRate: "100" };
    const { built, skipped } = buildBody(draft, "preview");
    expect(skipped).toBe(1);
    expect(built?.keys).toEqual([2]);
    expect(built?.body.rules[0].name).toBe("rule 2");
  });

  it("refuses a draft with a malformed rate or priority, naming the row", () => {
    const { built, errors } = buildBody({ rules: [rule({ key: 7, rate: "lots", priority: "1.5" })], defaultRate: "x" }, "save");
    expect(built).toBeNull();
    expect(errors.rows.get(7)).toEqual({ rate: "a percentage from 0 to 100", priority: expect.stringContaining("whole number") });
    expect(errors.defaultRate).toBeDefined();
  });
});

describe("errorsFromServer", () => {
  const { built } = buildBody({ rules: [rule({ key: 3 }), rule({ key: 4, match: "{ trace:duration > 1s }" })], defaultRate: "10" }, "save");

  it("puts a condition's problem on its row, with where it is", () => {
    const e = errorsFromServer("rules[1].match: trace:duration cannot be used", built!, { from: 2, to: 16 });
    expect(e.rows.get(4)?.match).toEqual({ query: "{ trace:duration > 1s }", message: "trace:duration cannot be used", from: 2, to: 16 });
  });

  it("speaks in percentages about rates, and keeps the rest general", () => {
    expect(errorsFromServer("rules[0].rate: a rate is between 0 and 1", built!).rows.get(3)).toEqual({ rate: "a percentage from 0 to 100" });
    expect(errorsFromServer("defaultRate: a rate is between 0 and 1", built!).defaultRate).toBe("a percentage from 0 to 100");
    expect(errorsFromServer("rules: at most 50 rules", built!).general).toBe("rules: at most 50 rules");
  });
});

describe("order and changes", () => {
  it("tries rules by priority, ties in listed order", () => {
    const rules = [rule({ priority: "0" }), rule({ priority: "5" }), rule({ priority: "" }), rule({ priority: "5" })];
    expect(triedOrder(rules)).toEqual([1, 3, 0, 2]);
  });

  it("sees a draft made from the saved policy as unchanged", () => {
    const saved = { rules: [{ name: "slow", match: "{ duration > 5s }", rate: 0.5, priority: 1 }], defaultRate: 0.1, updatedAt: null, updatedBy: null };
    const draft = draftOf(saved);
    expect(isUnchanged(draft, saved)).toBe(true);
    expect(isUnchanged({ ...draft, defaultRate: "20" }, saved)).toBe(false);
  });
});
