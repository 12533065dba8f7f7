import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { parseIsoTimeNs, parseUnixNano } from "./time";

/** A fixed64 as protobufjs hands it out when decoding (a Long). */
function decodedFixed64(decimal: string): unknown {
  return protobuf.Reader.create(protobuf.Writer.create().fixed64(decimal).finish()).fixed64();
}

describe("parseUnixNano", () => {
  it("reads decimal strings, numbers, BigInt and protobufjs Longs exactly", () => {
    expect(parseUnixNano("1795551309366000123", "t")).toBe(1795551309366000123n);
    expect(parseUnixNano("9223372036854775807", "t")).toBe(9223372036854775807n);
    expect(parseUnixNano(1795551309366000128, "t")).toBe(1795551309366000128n);
    expect(parseUnixNano(1795551309366000123n, "t")).toBe(1795551309366000123n);
    expect(parseUnixNano(decodedFixed64("1795551309366000123"), "t")).toBe(1795551309366000123n);
    // A fixed64 past 2^63 must not turn negative: it is out of the stored range instead.
    expect(() => parseUnixNano(decodedFixed64("18446744073709551615"), "t")).toThrow(/year 2262/);
  });

  it("rejects missing, zero, negative, fractional, too large and non-numeric times", () => {
    expect(() => parseUnixNano(undefined, "s.startTimeUnixNano")).toThrow("s.startTimeUnixNano: required");
    for (const bad of ["0", 0, -1, 1.5, "9223372036854775808", "18446744073709551616", "12a", "", "1e18", true]) {
      expect(() => parseUnixNano(bad, "t"), String(bad)).toThrow(/^t: expected Unix time in nanoseconds/);
    }
  });
});

describe("parseIsoTimeNs", () => {
  it("keeps every fractional digit without going through a float", () => {
    expect(parseIsoTimeNs("2026-11-24T20:15:09.366000+00:00", "t")).toBe(1795551309366000000n);
    expect(parseIsoTimeNs("2026-11-24T20:15:09.123456789Z", "t")).toBe(1795551309123456789n);
    expect(parseIsoTimeNs("2026-11-24T20:15:09.1Z", "t")).toBe(1795551309100000000n);
    expect(parseIsoTimeNs("2026-11-24T20:15:09Z", "t")).toBe(1795551309000000000n);
  });

  it("applies offsets and treats a missing offset as UTC", () => {
    const utc = 1795551309123456789n;
    expect(parseIsoTimeNs("2026-11-24T20:15:09.123456789", "t")).toBe(utc);
    expect(parseIsoTimeNs("2026-11-24 20:15:09.123456789z", "t")).toBe(utc);
    expect(parseIsoTimeNs("2026-11-25T01:45:09.123456789+05:30", "t")).toBe(utc);
    expect(parseIsoTimeNs("2026-11-24T15:15:09,123456789-0500", "t")).toBe(utc);
    expect(parseIsoTimeNs("2026-11-24T21:15:09.123456789+01", "t")).toBe(utc);
  });

  it("rejects what is not a real ISO 8601 time", () => {
    for (const bad of [
      "2026-11-24",
      "2026-02-30T00:00:00Z",
      "2026-11-24T24:00:00Z",
      "2026-11-24T20:15:60Z",
      "2026-11-24T20:15:09.1234567890Z",
      "2026-11-24T20:15:09+25:00",
      "1795551309.366",
      1795551309366,
      null,
    ]) {
      expect(() => parseIsoTimeNs(bad, "x.start_time"), String(bad)).toThrow("x.start_time: expected an ISO 8601 time");
    }
    expect(() => parseIsoTimeNs("1969-12-31T23:59:59Z", "t")).toThrow("t: expected a time after 1970-01-01T00:00:00Z");
  });
});
