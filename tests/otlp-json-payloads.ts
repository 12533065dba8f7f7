/** Builders for hand-written OTLP/JSON requests (the SDK cannot make kvlists, bytes or big ints). */
export interface SpanSpec {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  start: string;
  end: string;
  attributes?: { key: string; value: Record<string, unknown> }[];
  status?: { code: number; message?: string };
  [extra: string]: unknown;
}

export function otlpRequest(service: string, spans: SpanSpec[]) {
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: "service.name", value: { stringValue: service } }] },
        scopeSpans: [{ scope: { name: "hand-written", version: "1" }, spans: spans.map(({ start, end, ...s }) => ({ kind: 1, startTimeUnixNano: start, endTimeUnixNano: end, ...s })) }],
      },
    ],
  };
}
