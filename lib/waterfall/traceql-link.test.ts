import { describe, expect, it } from "vitest";
import { attributeQuery, attributeSearchHref } from "./traceql-link";

describe("attributeQuery", () => {
  it("quotes strings and leaves numbers and bools bare", () => {
    expect(attributeQuery("span", "customer.tier", "enterprise")).toBe('{ span.customer.tier = "enterprise" }');
    expect(attributeQuery("span", "http.status_code", 500)).toBe("{ span.http.status_code = 500 }");
    expect(attributeQuery("resource", "feature.on", true)).toBe("{ resource.feature.on = true }");
  });

  it("escapes quotes and odd keys, and refuses values TraceQL cannot compare", () => {
    expect(attributeQuery("span", "msg", 'say "hi" \\ bye')).toBe('{ span.msg = "say \\"hi\\" \\\\ bye" }');
    expect(attributeQuery("span", "my key", "x")).toBe('{ span."my key" = "x" }');
    expect(attributeQuery("span", "list", [1, 2])).toBeNull();
    expect(attributeQuery("span", "n", null)).toBeNull();
  });

  it("links to the trace search", () => {
    expect(attributeSearchHref("span", "customer.tier", "gold")).toBe(`/traces?q=${encodeURIComponent('{ span.customer.tier = "gold" }')}`);
  });
});
