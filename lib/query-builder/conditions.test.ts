import { describe, expect, it } from "vitest";
import { stringEqualities } from "./conditions";

describe("stringEqualities", () => {
  it("finds field = string tests anywhere in the query, with where their values live", () => {
    const found = stringEqualities('{ span.customer.tier = "gold" && .region = "eu" } >> { trace:rootService = "shop" && status = error } | count() > 1');
    expect(found).toEqual([
      { field: { kind: "attribute", scope: "span", key: "customer.tier" }, catalog: { key: "customer.tier", scope: "span" }, value: "gold" },
      { field: { kind: "attribute", scope: "unscoped", key: "region" }, catalog: { key: "region", scope: undefined }, value: "eu" },
      { field: { kind: "intrinsic", name: "trace:rootService" }, catalog: { scope: "resource", key: "service.name" }, value: "shop" },
    ]);
  });

  it("skips other operators and queries that do not parse", () => {
    expect(stringEqualities('{ span.a != "x" && span.b =~ "y.*" }')).toEqual([]);
    expect(stringEqualities("{ span.a = ")).toEqual([]);
  });
});
