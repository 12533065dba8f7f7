/** A plain JSON attribute value as the read API returns it: types kept, ints past
 * 2^53 as decimal strings, bytes as base64, kvlists as objects. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type SpanKindName = "unspecified" | "internal" | "server" | "client" | "producer" | "consumer";
export type StatusName = "unset" | "ok" | "error";

export interface TraceSummary {
  traceId: string;
  rootName: string;
  rootService: string;
  /** Decimal string: nanoseconds do not fit a JS number. */
  startTimeUnixNano: string;
  durationMs: number;
  spanCount: number;
  errorCount: number;
}

export interface SpanView {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: SpanKindName;
  serviceName: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  durationMs: number;
  status: { code: StatusName; message: string };
  attributes: Record<string, JsonValue>;
  resource: Record<string, JsonValue>;
  events: { name: string; timeUnixNano: string; attributes: Record<string, JsonValue> }[];
  links: { traceId: string; spanId: string; traceState: string; attributes: Record<string, JsonValue> }[];
}

export interface TraceDetail {
  traceId: string;
  /** The requested page of spans (all of them without a page), in start order. */
  spans: SpanView[];
  /** Spans in the whole trace. */
  total: number;
}

/**
 * A whole trace in columns, for the waterfall: one array per field, indexes shared, names
 * and services interned. A 100,000-span trace is a few MB of JSON instead of the full
 * span objects; details of one span come from `getSpan`.
 */
export interface CompactTrace {
  traceId: string;
  startTimeUnixNano: string;
  spanCount: number;
  /** Interned strings: `name[i]` indexes `names`, `service[i]` indexes `services`. */
  names: string[];
  services: string[];
  spanId: string[];
  /** Parent span id, or null for a root. The client resolves it (and finds missing parents). */
  parentSpanId: (string | null)[];
  name: number[];
  service: number[];
  /** Offsets from the trace start and durations, in nanoseconds (exact below 2^53 ns, ~104 days). */
  startOffsetNs: number[];
  durationNs: number[];
  /** 0 unset, 1 ok, 2 error. */
  status: number[];
  kind: number[];
  /** Events as flat triples: span index, offset from trace start in ns, index into `names`. */
  events: number[];
}

/**
 * What a search inside one trace asks for, shared by the page (names, services, status)
 * and the server route (attributes):
 *   `checkout`            free text: name, service, or any attribute value containing it
 *   `customer.tier=gold`  a field equal to a value (`!=` for not equal; quotes optional)
 */
export type TraceSearch =
  | { kind: "none" }
  | { kind: "text"; text: string }
  | { kind: "field"; key: string; op: "=" | "!="; value: string };
