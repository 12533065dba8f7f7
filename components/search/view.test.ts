import { describe, expect, it } from "vitest";
import { parseSavedSort, resolveView, savedSortText, searchParamsOf, type SavedFilterRow, type UrlState } from "./view";

const url = (over: Partial<UrlState> = {}): UrlState => ({ q: null, filter: null, since: null, start: null, end: null, cols: null, sort: null, order: null, ...over });
const saved: SavedFilterRow = {
  id: "f1", name: "Slow checkouts", query: '{ name = "checkout" }', since: "1h", startNs: null, endNs: null, sort: null, columns: null,
  author: "ana", createdAt: "", updatedAt: "", queryError: null,
};

describe("resolveView", () => {
  it("defaults to every trace in the last 24 h", () => {
    const v = resolveView(url(), []);
    expect(v).toMatchObject({ query: "", range: { kind: "relative", since: "24h" }, rangeSource: "default", modified: false });
  });

  it("takes query and range from a saved filter the URL names", () => {
    const v = resolveView(url({ filter: "f1" }), [saved]);
    expect(v).toMatchObject({ query: saved.query, range: { kind: "relative", since: "1h" }, rangeSource: "filter", modified: false });
  });

  it("lets the URL override a saved filter and says it was modified", () => {
    expect(resolveView(url({ filter: "f1", q: "{}" }), [saved]).modified).toBe(true);
    expect(resolveView(url({ filter: "f1", since: "1h" }), [saved]).modified).toBe(false);
    expect(resolveView(url({ filter: "f1", since: "7d" }), [saved]).modified).toBe(true);
  });

  it("restores a saved filter's sort and columns, unless the URL has its own", () => {
    const tabled = { ...saved, sort: "duration:asc", columns: ["span.customer.tier", "resource.region"] };
    expect(resolveView(url({ filter: "f1" }), [tabled])).toMatchObject({
      sort: "duration", order: "asc", cols: ["span.customer.tier", "resource.region"], modified: false,
    });
    const overridden = resolveView(url({ filter: "f1", sort: "spans", order: "desc", cols: [] }), [tabled]);
    expect(overridden).toMatchObject({ sort: "spans", order: "desc", cols: [], modified: true });
    // The URL saying what the filter says is not a change.
    expect(resolveView(url({ filter: "f1", sort: "duration", order: "asc" }), [tabled]).modified).toBe(false);
    // Older filters (no sort or columns saved) open with the defaults.
    expect(resolveView(url({ filter: "f1" }), [saved])).toMatchObject({ sort: "start", order: "desc", cols: [] });
    expect(resolveView(url({ filter: "f1", sort: "start" }), [tabled]).modified).toBe(true);
  });

  it("notices a missing filter and waits for the list", () => {
    expect(resolveView(url({ filter: "nope" }), [saved]).missingFilter).toBe("nope");
    expect(resolveView(url({ filter: "f1" }), undefined).waiting).toBe(true);
  });

  it("prefers an absolute URL range", () => {
    const v = resolveView(url({ since: "1h", start: new Date(0), end: new Date(60_000) }), []);
    expect(v.range).toEqual({ kind: "absolute", startMs: 0, endMs: 60_000 });
  });
});

describe("saved sorts", () => {
  it("reads and writes the sort as the traces URL has it", () => {
    expect(parseSavedSort("duration:desc")).toEqual({ sort: "duration", order: "desc" });
    expect(parseSavedSort("-start")).toBeNull();
    expect(parseSavedSort("size:asc")).toBeNull();
    expect(parseSavedSort(null)).toBeNull();
    expect(savedSortText({ sort: "errors", order: "asc" })).toBe("errors:asc");
  });
});

describe("searchParamsOf", () => {
  it("builds the API query string", () => {
    const v = resolveView(url({ q: " { .a = 1 } ", cols: ["span.customer.tier"], sort: "duration" }), []);
    expect(searchParamsOf(v)).toBe("q=%7B+.a+%3D+1+%7D&since=24h&sort=duration&order=desc&columns=span.customer.tier&limit=50");
  });
});
