import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { checkStoredTime, parseIsoTimeNs, parseUnixNano } from "./time";

/** A fixed64 as protobufjs's reader hands it out (a Long); `toObject({ longs: BigInt })` never does. */
function decodedFixed64(decimal: string): unknown {
  return protobuf.Reader.create(protobuf.Writer.create().fixed64(decimal).finish()).fixed64();
}

const RANGE = "expected a time after 1970-01-01T00:00:00Z and by 2262-04-11T23:47:16.854775807Z";

describe("parseUnixNano", () => {
  it("reads decimal strings, numbers and BigInt exactly", () => {
    expect(parseUnixNano("1795551309366000123", "t")).toBe(1795551309366000123n);
    expect(parseUnixNano("9223372036854775807", "t")).toBe(9223372036854775807n);
    expect(parseUnixNano(1795551309366000128, "t")).toBe(1795551309366000128n);
    expect(parseUnixNano(1795551309366000123n, "t")).toBe(1795551309366000123n);
  });

  it("rejects missing, fractional, non-numeric times and objects such as a Long", () => {
    expect(() => parseUnixNano(undefined, "s.startTimeUnixNano")).toThrow("s.startTimeUnixNano: required");
    const long = decodedFixed64("1795551309366000123");
    for (const bad of [1.5, "12a", "", "1e18", true, { low: 1, high: 2 }, long]) {
      expect(() => parseUnixNano(bad, "t"), String(bad)).toThrow(/^t: expected Unix time in nanoseconds/);
    }
  });

  it("rejects zero, negative and times past what signed 64-bit nanoseconds hold", () => {
    for (const bad of ["0", 0, -1, "9223372036854775808", "18446744073709551615", 18446744073709551615n]) {
      expect(() => parseUnixNano(bad, "t"), String(bad)).toThrow(`t: ${RANGE}`);
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
    expect(() => parseIsoTimeNs("1969-12-31T23:59:59Z", "t")).toThrow(`t: ${RANGE}`);
  });

  it("holds ISO times to the same range as OTLP nanoseconds", () => {
    expect(parseIsoTimeNs("2262-04-11T23:47:16.854775807Z", "t")).toBe(9223372036854775807n);
    expect(() => parseIsoTimeNs("2262-04-11T23:47:16.854775808Z", "t")).toThrow(`t: ${RANGE}`);
    expect(() => parseIsoTimeNs("9999-12-31T23:59:59Z", "t")).toThrow(`t: ${RANGE}`);
    expect(checkStoredTime(1n, "t")).toBe(1n);
  });
});
