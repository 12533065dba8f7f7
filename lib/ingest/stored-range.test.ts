/** Values past what storage holds must be a 400 naming the field in every format, never a 500 at insert. */
import { describe, expect, it } from "vitest";
import { TRACE_ID } from "./__fixtures__/sdk-spans";
import { decodeNoveum } from "./noveum";
import { decodeOtlpJson } from "./otlp-json";
import { errorOf } from "./test-errors";

const TIME_RANGE = "expected a time after 1970-01-01T00:00:00Z and by 2262-04-11T23:47:16.854775807Z";

function noveumSpan(over: Record<string, unknown>) {
  const span = { span_id: "aaaaaaaaaaaaaaaa", name: "s", start_time: "2026-11-24T20:15:09Z", ...over };
  return { traces: [{ trace_id: "1111222233334444", start_time: "2026-11-24T20:15:09Z", spans: [span] }] };
}

function otlpSpan(over: Record<string, unknown>) {
  const span = {
    traceId: TRACE_ID,
    spanId: "00f067aa0ba902b7",
    startTimeUnixNano: "1795551309366000123",
    endTimeUnixNano: "1795551309366000124",
    ...over,
  };
  return { resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] };
}

const SPAN = "traces[0].spans[0]";

describe("ints outside signed 64-bit", () => {
  it("are a 400 in Noveum attributes, worded as for OTLP intValue", () => {
    for (const n of [1e20, 2 ** 63, 1e308]) {
      const err = errorOf(() => decodeNoveum(noveumSpan({ attributes: { n } })));
      expect([err.status, err.path], String(n)).toEqual([400, `${SPAN}.attributes["n"]`]);
      const otlp = errorOf(() => decodeOtlpJson(otlpSpan({ attributes: [{ key: "n", value: { intValue: n } }] })));
      expect(otlp.detail).toBe(err.detail);
    }
  });
});

describe("times after 2262", () => {
  it("are a 400 for Noveum span, trace and event times", () => {
    const late = "9999-12-31T23:59:59Z";
    for (const field of ["start_time", "end_time"]) {
      const err = errorOf(() => decodeNoveum(noveumSpan({ [field]: late })));
      expect(err.message).toBe(`${SPAN}.${field}: ${TIME_RANGE}`);
    }
    const record = { trace_id: "1111222233334444", start_time: late, spans: [] };
    expect(errorOf(() => decodeNoveum({ traces: [record] })).path).toBe("traces[0].start_time");
    const events = [{ name: "e", timestamp: late }];
    const err = errorOf(() => decodeNoveum(noveumSpan({ events })));
    expect(err.message).toBe(`${SPAN}.events[0].timestamp: ${TIME_RANGE}`);
  });

  it("are a 400 for a Noveum duration_ms that ends the span too late, and a bad duration_ms is named", () => {
    for (const ms of [1e15, 1e308]) {
      const err = errorOf(() => decodeNoveum(noveumSpan({ duration_ms: ms })));
      expect(err.message).toBe(`${SPAN}.duration_ms: ${TIME_RANGE}`);
    }
    for (const ms of [-1, "12", true]) {
      expect(errorOf(() => decodeNoveum(noveumSpan({ duration_ms: ms }))).message).toBe(
        `${SPAN}.duration_ms: expected a non-negative number`,
      );
    }
    const [span] = decodeNoveum(noveumSpan({ duration_ms: 1e12 }));
    expect(span.endNs - span.startNs).toBe(10n ** 18n);
  });
});

describe("OTLP/JSON times", () => {
  it("are only decimal strings or numbers: a Long-shaped object is a 400", () => {
    const err = errorOf(() => decodeOtlpJson(otlpSpan({ startTimeUnixNano: { low: 1, high: 2 } })));
    expect([err.status, err.path]).toEqual([400, "resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano"]);
  });
});
