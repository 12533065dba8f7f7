import { describe, expect, it } from "vitest";
import { jsonAnyValue, jsonAttributes, otlpAnyValue, otlpAttributes } from "./any-value";
import { INGEST_LIMITS } from "./limits";

describe("jsonAnyValue (Noveum attributes)", () => {
  it("keeps ints and doubles apart and maps every JSON type", () => {
    expect(jsonAnyValue(3, "v")).toEqual({ t: "int", v: 3n });
    expect(jsonAnyValue(-0.5, "v")).toEqual({ t: "dbl", v: -0.5 });
    expect(jsonAnyValue("x", "v")).toEqual({ t: "str", v: "x" });
    expect(jsonAnyValue(false, "v")).toEqual({ t: "bool", v: false });
    expect(jsonAnyValue(null, "v")).toEqual({ t: "empty" });
    expect(jsonAnyValue([1, "a", null], "v")).toEqual({
      t: "arr",
      v: [{ t: "int", v: 1n }, { t: "str", v: "a" }, { t: "empty" }],
    });
    expect(jsonAnyValue({ a: { b: true } }, "v")).toEqual({
      t: "kv",
      v: [{ key: "a", value: { t: "kv", v: [{ key: "b", value: { t: "bool", v: true } }] } }],
    });
  });

  it("counts nesting against maxValueDepth with a path to the culprit", () => {
    let ok: unknown = 1;
    for (let i = 0; i < INGEST_LIMITS.maxValueDepth; i++) ok = [ok];
    expect(() => jsonAnyValue(ok, "v")).not.toThrow();
    expect(() => jsonAnyValue({ k: ok }, "v")).toThrow(
      `v["k"]${"[0]".repeat(INGEST_LIMITS.maxValueDepth - 1)}: nesting ${INGEST_LIMITS.maxValueDepth + 1}, over maxValueDepth`,
    );
  });

  it("enforces maxAttributesPerSpan on an attribute object", () => {
    const obj = Object.fromEntries(Array.from({ length: INGEST_LIMITS.maxAttributesPerSpan + 1 }, (_, i) => [`k${i}`, i]));
    expect(() => jsonAttributes(obj, "traces[0].attributes")).toThrow(
      `traces[0].attributes: ${INGEST_LIMITS.maxAttributesPerSpan + 1} attributes, over maxAttributesPerSpan (${INGEST_LIMITS.maxAttributesPerSpan})`,
    );
    expect(() => jsonAttributes([1], "a")).toThrow("a: expected an object, got an array");
  });

  it("refuses integers outside signed 64-bit, as OTLP intValue does", () => {
    for (const big of [1e20, 2 ** 63, 1e308, -(2 ** 64)]) {
      expect(() => jsonAttributes({ n: big }, "a"), String(big)).toThrow(`a["n"]: expected a 64-bit integer`);
    }
    expect(jsonAnyValue(-(2 ** 63), "v")).toEqual({ t: "int", v: -(1n << 63n) });
    expect(jsonAnyValue(2 ** 62, "v")).toEqual({ t: "int", v: 1n << 62n });
  });

  it("names an over-long key by its (cut) name", () => {
    const key = "k".repeat(INGEST_LIMITS.maxValueLength + 1);
    expect(() => jsonAttributes({ ok: 1, [key]: 2 }, "a")).toThrow(
      `a["${"k".repeat(64)}…"]: ${key.length} characters, over maxValueLength`,
    );
  });
});

describe("lone UTF-16 surrogates", () => {
  const cut = "smile \ud83d";
  const fixed = "smile \ufffd";

  it("become U+FFFD in OTLP values and keys at any depth", () => {
    const array = { arrayValue: { values: [{ stringValue: cut }] } };
    const nested = { kvlistValue: { values: [{ key: cut, value: array }] } };
    expect(otlpAttributes([{ key: cut, value: nested }], "a")).toEqual([
      { key: fixed, value: { t: "kv", v: [{ key: fixed, value: { t: "arr", v: [{ t: "str", v: fixed }] } }] } },
    ]);
  });

  it("become U+FFFD in Noveum values and keys at any depth", () => {
    const array = { t: "arr", v: [{ t: "str", v: fixed }, { t: "str", v: "\ufffd" }] };
    expect(jsonAttributes({ [cut]: { [cut]: [cut, "\udc00"] } }, "a")).toEqual([
      { key: fixed, value: { t: "kv", v: [{ key: fixed, value: array }] } },
    ]);
  });

  it("leave whole surrogate pairs alone", () => {
    expect(otlpAnyValue({ stringValue: "smile \ud83d\ude00" }, "v")).toEqual({ t: "str", v: "smile 😀" });
    expect(jsonAnyValue("smile 😀", "v")).toEqual({ t: "str", v: "smile 😀" });
  });
});

describe("otlpAnyValue", () => {
  it("rejects values of the wrong type with the member's path", () => {
    expect(() => otlpAnyValue({ boolValue: "true" }, "v")).toThrow("v.boolValue: expected a boolean");
    expect(() => otlpAnyValue({ stringValue: 1 }, "v")).toThrow("v.stringValue: expected a string, got a number");
    expect(() => otlpAnyValue({ bytesValue: "not base64!" }, "v")).toThrow("v.bytesValue: expected base64 bytes");
    expect(() => otlpAnyValue({ intValue: "9223372036854775808" }, "v")).toThrow("v.intValue: expected a 64-bit integer");
    // protobufjs's Long shape is not OTLP/JSON; the protobuf decoder hands over BigInt instead.
    expect(() => otlpAnyValue({ intValue: { low: 1, high: 2 } }, "v")).toThrow("v.intValue: expected a 64-bit integer");
    expect(() => otlpAnyValue({ doubleValue: "fast" }, "v")).toThrow("v.doubleValue: expected a number");
    expect(() => otlpAnyValue({ arrayValue: { values: {} } }, "v")).toThrow("v.arrayValue.values: expected an array");
  });

  it("reads quoted doubles and keys of kvlists", () => {
    expect(otlpAnyValue({ doubleValue: "2.5" }, "v")).toEqual({ t: "dbl", v: 2.5 });
    expect(() => otlpAttributes([{ key: 7, value: {} }], "attributes")).toThrow("attributes[0].key: expected a string");
  });
});
