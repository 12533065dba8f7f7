import { describe, expect, it } from "vitest";
import { SHORT_LINK_URL_MAX, shareablePath } from "./short-link-url";

const opts = { origin: "http://spanlens.test:3000", project: "shop" };
const path = (input: string) => {
  const r = shareablePath(input, opts);
  return r.ok ? r.path : r.error;
};

describe("shareablePath", () => {
  it("keeps a page path and adds the project when it is missing", () => {
    expect(path("/traces?q=%7B%7D&since=1h")).toBe("/traces?q=%7B%7D&since=1h&project=shop");
    expect(path("/metrics")).toBe("/metrics?project=shop");
    expect(path("/traces/abc?project=shop&span=12#x")).toBe("/traces/abc?project=shop&span=12#x");
  });

  it("accepts a full URL on this app and stores only its path", () => {
    expect(path("http://spanlens.test:3000/tiers?since=24h")).toBe("/tiers?since=24h&project=shop");
  });

  it.each([
    ["https://evil.example/traces", /not https:\/\/evil\.example/],
    ["http://spanlens.test:4000/traces", /not http:\/\/spanlens\.test:4000/],
    ["//evil.example/traces", /give a path/],
    ["/\\evil.example", /backslashes/],
    ["/\t/evil.example", /control characters/],
    ["javascript:alert(1)", /give a path/],
    ["traces?q=1", /give a path/],
    ["/api/v1/traces", /page of the app/],
    ["/s/abc", /page of the app/],
    ["", /give the page/],
    ["/traces?project=other", /names project "other"/],
    ["/traces?q=" + "x".repeat(SHORT_LINK_URL_MAX), /at most/],
  ])("refuses %s, naming url", (input, why) => {
    const r = shareablePath(input, opts);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/^url: /);
      expect(r.error).toMatch(why);
    }
  });
});
