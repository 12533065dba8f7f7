/**
 * Spans made by the real OpenTelemetry JS SDK with fixed ids and nanosecond times, and
 * the NormalizedSpan values every OTLP decoder must turn them into. The expected values
 * are written out by hand, not derived from the SDK objects, so a decoder bug shows.
 */
import { SpanKind, SpanStatusCode, context, createTraceState, trace } from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from "@opentelemetry/sdk-trace-base";
import type { Attr, AnyValue, NormalizedSpan } from "../types";

export const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
export const LINKED_TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
export const LINKED_SPAN_ID = "b7ad6b7169203331";
const SPAN_IDS = ["00f067aa0ba902b7", "53995c3f42cd8ad8", "7a085853722dc6d2", "a1b2c3d4e5f60718", "0102030405060708"];
const [ROOT, DB, PUBLISH, RECEIVE, RENDER] = SPAN_IDS;

export function makeSdkSpans(): ReadableSpan[] {
  let next = 0;
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "checkout", "service.version": "1.4.2", "host.cpu.count": 8 }),
    idGenerator: { generateTraceId: () => TRACE_ID, generateSpanId: () => SPAN_IDS[next++] },
    spanLimits: { attributeCountLimit: 9, eventCountLimit: 2 },
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("spanlens.test", "0.9.0");

  const root = tracer.startSpan("GET /cart", {
    kind: SpanKind.SERVER,
    startTime: [1795551309, 366000123],
    attributes: {
      "http.request.method": "GET",
      "http.response.status_code": 200,
      "balance.delta": -42,
      "server.load": 0.25,
      "user.anonymous": false,
      "cart.item_ids": ["sku-1", "sku-2"],
      "cart.quantities": [1, 2, 3],
      "cart.prices": [9.99, 0.5],
      "cart.flags": [true, false],
      "over.the.limit": "dropped",
    },
  });
  const inRoot = trace.setSpan(context.active(), root);
  const db = tracer.startSpan(
    "SELECT carts",
    {
      kind: SpanKind.CLIENT,
      startTime: [1795551309, 400000001],
      attributes: { "db.system.name": "postgresql" },
      links: [
        {
          context: {
            traceId: LINKED_TRACE_ID,
            spanId: LINKED_SPAN_ID,
            traceFlags: 1,
            traceState: createTraceState("congo=t61rcWkgMzE"),
          },
          attributes: { "link.reason": "batch" },
        },
      ],
    },
    inRoot,
  );
  // The SDK keeps the last two events and counts the first as dropped.
  db.addEvent("connect", [1795551309, 400000002]);
  db.addEvent("retry", { attempt: 2, "backoff.seconds": 0.125 }, [1795551309, 450000000]);
  db.addEvent("rows", [1795551309, 500000000]);
  db.setStatus({ code: SpanStatusCode.ERROR, message: "deadlock detected" });
  db.end([1795551309, 500000999]);

  for (const [name, kind] of [
    ["publish cart.updated", SpanKind.PRODUCER],
    ["receive cart.updated", SpanKind.CONSUMER],
    ["render", SpanKind.INTERNAL],
  ] as const) {
    const s = tracer.startSpan(name, { kind, startTime: [1795551309, 600000000] }, inRoot);
    if (kind === SpanKind.CONSUMER) s.setStatus({ code: SpanStatusCode.OK });
    s.end([1795551309, 600000000]);
  }
  root.end([1795551310, 1]);
  return exporter.getFinishedSpans();
}

const str = (v: string): AnyValue => ({ t: "str", v });
const int = (v: number): AnyValue => ({ t: "int", v: BigInt(v) });
const dbl = (v: number): AnyValue => ({ t: "dbl", v });
const bool = (v: boolean): AnyValue => ({ t: "bool", v });
const arr = (...v: AnyValue[]): AnyValue => ({ t: "arr", v });
export const attr = (key: string, value: AnyValue): Attr => ({ key, value });
export const values = { str, int, dbl, bool, arr };

function span(over: Partial<NormalizedSpan> & Pick<NormalizedSpan, "spanId" | "name" | "kind">): NormalizedSpan {
  return {
    traceId: TRACE_ID,
    parentSpanId: ROOT,
    traceState: "",
    startNs: 1795551309600000000n,
    endNs: 1795551309600000000n,
    statusCode: 0,
    statusMessage: "",
    attributes: [],
    resource: [attr("service.name", str("checkout")), attr("service.version", str("1.4.2")), attr("host.cpu.count", int(8))],
    scopeName: "spanlens.test",
    scopeVersion: "0.9.0",
    events: [],
    links: [],
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
    ...over,
  };
}

/** In the order the SDK finished them, which is the order both serializers keep. */
export const EXPECTED_SDK_SPANS: NormalizedSpan[] = [
  span({
    spanId: DB,
    name: "SELECT carts",
    kind: 3,
    startNs: 1795551309400000001n,
    endNs: 1795551309500000999n,
    statusCode: 2,
    statusMessage: "deadlock detected",
    attributes: [attr("db.system.name", str("postgresql"))],
    events: [
      {
        name: "retry",
        timeNs: 1795551309450000000n,
        attributes: [attr("attempt", int(2)), attr("backoff.seconds", dbl(0.125))],
        droppedAttributesCount: 0,
      },
      { name: "rows", timeNs: 1795551309500000000n, attributes: [], droppedAttributesCount: 0 },
    ],
    droppedEventsCount: 1,
    links: [
      {
        traceId: LINKED_TRACE_ID,
        spanId: LINKED_SPAN_ID,
        traceState: "congo=t61rcWkgMzE",
        attributes: [attr("link.reason", str("batch"))],
        droppedAttributesCount: 0,
      },
    ],
  }),
  span({ spanId: PUBLISH, name: "publish cart.updated", kind: 4 }),
  span({ spanId: RECEIVE, name: "receive cart.updated", kind: 5, statusCode: 1 }),
  span({ spanId: RENDER, name: "render", kind: 1 }),
  span({
    spanId: ROOT,
    parentSpanId: null,
    name: "GET /cart",
    kind: 2,
    startNs: 1795551309366000123n,
    endNs: 1795551310000000001n,
    attributes: [
      attr("http.request.method", str("GET")),
      attr("http.response.status_code", int(200)),
      attr("balance.delta", int(-42)),
      attr("server.load", dbl(0.25)),
      attr("user.anonymous", bool(false)),
      attr("cart.item_ids", arr(str("sku-1"), str("sku-2"))),
      attr("cart.quantities", arr(int(1), int(2), int(3))),
      attr("cart.prices", arr(dbl(9.99), dbl(0.5))),
      attr("cart.flags", arr(bool(true), bool(false))),
    ],
    droppedAttributesCount: 1,
  }),
];
