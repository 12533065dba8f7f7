import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { attr, values } from "./__fixtures__/sdk-spans";
import { INGEST_LIMITS } from "./limits";
import { decodeNoveum } from "./noveum";
import { type NormalizedSpan } from "./types";
import { errorOf } from "./test-errors";

const { str, int, dbl, bool, arr } = values;
// Captured from @noveum/trace 1.1.1 posting to /api/v1/traces.
const captured: unknown = JSON.parse(
  readFileSync(new URL("./__fixtures__/noveum-trace-ts-1.1.1-batch.json", import.meta.url), "utf8"),
);
const AT_366 = 1795551309366000000n;
const AT_367 = 1795551309367000000n;
const RESOURCE = [
  attr("service.name", str("shop-api")),
  attr("noveum.project", str("shop-api")),
  attr("deployment.environment.name", str("staging")),
  attr("deployment.environment", str("staging")),
  attr("telemetry.sdk.name", str("@noveum/trace")),
  attr("telemetry.sdk.version", str("1.1.1")),
];

describe("decodeNoveum with a captured @noveum/trace batch", () => {
  const spans = decodeNoveum(captured);

  it("decodes the first trace's span exactly", () => {
    expect(spans).toHaveLength(5);
    expect(spans[0]).toEqual<NormalizedSpan>({
      traceId: "0000000000000000ee77ec95c9b24acb",
      spanId: "c1923e0fdc3b40b9",
      parentSpanId: null,
      traceState: "",
      name: "purchase_validation",
      kind: 1,
      startNs: AT_366,
      endNs: AT_367,
      statusCode: 1,
      statusMessage: "",
      // The trace record repeats these; they appear once.
      attributes: [
        attr("purchase.item_count", int(3)),
        attr("purchase.total_value", dbl(129.5)),
        attr("purchase.currency", str("USD")),
        attr("purchase.validation_success", bool(true)),
        attr("duration.ms", int(1)),
      ],
      resource: RESOURCE,
      scopeName: "@noveum/trace",
      scopeVersion: "1.1.1",
      events: [
        {
          name: "stage_completed",
          timeNs: AT_366,
          attributes: [attr("stage", str("validation")), attr("duration", int(12))],
          droppedAttributesCount: 0,
        },
      ],
      links: [],
      droppedAttributesCount: 0,
      droppedEventsCount: 0,
      droppedLinksCount: 0,
    });
  });

  it("keeps arrays, errors and every span id", () => {
    expect(spans.map((s) => s.spanId)).toEqual([
      "c1923e0fdc3b40b9",
      "3eeb652ee1dc4814",
      "f49a692beeec4ee1",
      "8178272ae5ac41fd",
      "6bcd20ac106a4b51",
    ]);
    expect(spans[2].attributes).toContainEqual(attr("business.feature_flags", arr(str("new-checkout"), str("fast-pay"))));
    expect([spans[3].statusCode, spans[3].statusMessage]).toEqual([2, "card declined"]);
  });
});

const TRACE_ID_16 = "1111222233334444";

function trace(over: Record<string, unknown>): Record<string, unknown> {
  return {
    trace_id: TRACE_ID_16,
    name: "checkout",
    start_time: "2026-11-24T20:15:09.366000+00:00",
    end_time: "2026-11-24T20:15:09.367000+00:00",
    status: "ok",
    attributes: { "funnel.stage": "purchase" },
    metadata: {
      user_id: "u-42",
      session_id: null,
      request_id: "req-9",
      tags: { team: "payments", empty: null },
      custom_attributes: { "ab.variant": "B" },
    },
    project: "shop-api",
    ...over,
  };
}

describe("decodeNoveum trace records", () => {
  it("turns a trace with no spans into one root span with a stable derived id", () => {
    const body = { traces: [trace({ spans: [], status: "timeout", status_message: null })], timestamp: 1795551309.368 };
    const [span] = decodeNoveum(body);
    expect(span).toMatchObject({
      traceId: "00000000000000001111222233334444",
      // sha256("00000000000000001111222233334444"), first 16 hex characters.
      spanId: "5edddef0e3b408a3",
      parentSpanId: null,
      name: "checkout",
      kind: 1,
      startNs: AT_366,
      endNs: AT_367,
      statusCode: 2,
      statusMessage: "timeout",
      resource: [attr("service.name", str("shop-api")), attr("noveum.project", str("shop-api"))],
    });
    expect(span.attributes).toEqual([
      attr("funnel.stage", str("purchase")),
      attr("user.id", str("u-42")),
      attr("request.id", str("req-9")),
      attr("tags.team", str("payments")),
      attr("ab.variant", str("B")),
    ]);
    expect(decodeNoveum(body)[0].spanId).toBe(span.spanId);
  });

  it("puts trace attributes and metadata on root spans only, and reads kind, durations and precise times", () => {
    const root = {
      span_id: "aaaaaaaaaaaaaaaa",
      name: "root",
      start_time: "2026-11-24T20:15:09.123456789-05:00",
      duration_ms: 1.5,
      status: "cancelled",
      attributes: { "funnel.stage": "own value", "span.kind": "server" },
    };
    const child = {
      span_id: "bbbbbbbbbbbbbbbb",
      parent_span_id: "aaaaaaaaaaaaaaaa",
      name: "child",
      start_time: "2026-11-25T01:15:09.2Z",
      end_time: "2026-11-25T01:15:09.3",
      status: "error",
      status_message: "boom",
      attributes: { "span.kind": "SPAN_KIND_CLIENT" },
      links: [{ trace_id: "0af7651916cd43dd8448eb211c80319c", span_id: "b7ad6b7169203331", attributes: { why: "retry" } }],
    };
    const [r, c] = decodeNoveum({ traces: [trace({ spans: [root, child] })] });
    expect(r.attributes.map((a) => a.key)).toEqual(["funnel.stage", "span.kind", "user.id", "request.id", "tags.team", "ab.variant"]);
    expect(r.attributes[0]).toEqual(attr("funnel.stage", str("own value")));
    expect([r.kind, r.statusCode, r.statusMessage]).toEqual([2, 2, "cancelled"]);
    expect(r.startNs).toBe(1795569309123456789n);
    expect(r.endNs).toBe(1795569309124956789n);
    expect(c.attributes).toEqual([attr("span.kind", str("SPAN_KIND_CLIENT"))]);
    expect([c.kind, c.parentSpanId, c.startNs, c.endNs]).toEqual([3, "aaaaaaaaaaaaaaaa", 1795569309200000000n, 1795569309300000000n]);
    expect(c.links).toEqual([
      {
        traceId: "0af7651916cd43dd8448eb211c80319c",
        spanId: "b7ad6b7169203331",
        traceState: "",
        attributes: [attr("why", str("retry"))],
        droppedAttributesCount: 0,
      },
    ]);
  });
});

describe("decodeNoveum errors", () => {
  it("names the field with its path", () => {
    const good = { span_id: "aaaaaaaaaaaaaaaa", start_time: "2026-11-24T20:15:09Z" };
    const body = { traces: [trace({}), trace({}), trace({ spans: [{ ...good, start_time: "yesterday" }] })] };
    expect(errorOf(() => decodeNoveum(body)).message).toBe("traces[2].spans[0].start_time: expected an ISO 8601 time");
    const badStatus = { traces: [trace({ spans: [{ ...good, status: "meh" }] })] };
    expect(errorOf(() => decodeNoveum(badStatus)).path).toBe("traces[0].spans[0].status");
    const badId = { traces: [trace({ trace_id: "ee77ec95c9b24ac" })] };
    expect(errorOf(() => decodeNoveum(badId)).message).toBe("traces[0].trace_id: expected 32 hex characters");
    const long = "x".repeat(INGEST_LIMITS.maxValueLength + 1);
    const badAttr = { traces: [trace({ attributes: { "a.b": { deep: [long] } } })] };
    expect(errorOf(() => decodeNoveum(badAttr)).message).toBe(
      `traces[0].attributes["a.b"]["deep"][0]: ${long.length} characters, over maxValueLength (${INGEST_LIMITS.maxValueLength})`,
    );
  });

  it("enforces maxSpansPerRequest before decoding", () => {
    const span = { span_id: "aaaaaaaaaaaaaaaa", start_time: "2026-11-24T20:15:09Z" };
    const spans = new Array(INGEST_LIMITS.maxSpansPerRequest + 1).fill(span);
    expect(errorOf(() => decodeNoveum({ traces: [trace({ spans })] })).message).toBe(
      `${INGEST_LIMITS.maxSpansPerRequest + 1} spans, over maxSpansPerRequest (${INGEST_LIMITS.maxSpansPerRequest})`,
    );
  });
});
