/**
 * The one normalized span every ingest format decodes into. Everything after decoding
 * (validation, storage) works on this shape only, so formats cannot drift apart.
 */

/** OpenTelemetry AnyValue, with the int/double distinction kept (ints are BigInt so
 * values past 2^53 survive). */
export type AnyValue =
  | { t: "str"; v: string }
  | { t: "int"; v: bigint }
  | { t: "dbl"; v: number }
  | { t: "bool"; v: boolean }
  | { t: "bytes"; v: Uint8Array }
  | { t: "arr"; v: AnyValue[] }
  | { t: "kv"; v: Attr[] }
  | { t: "empty" };

export interface Attr {
  key: string;
  value: AnyValue;
}

/** OTLP SpanKind numbers: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
export type SpanKindCode = 0 | 1 | 2 | 3 | 4 | 5;
/** OTLP StatusCode numbers: 0 unset, 1 ok, 2 error. */
export type StatusCodeNum = 0 | 1 | 2;

export interface NormalizedEvent {
  name: string;
  timeNs: bigint;
  attributes: Attr[];
  droppedAttributesCount: number;
}

export interface NormalizedLink {
  traceId: string;
  spanId: string;
  traceState: string;
  attributes: Attr[];
  droppedAttributesCount: number;
}

export interface NormalizedSpan {
  /** 32 lowercase hex characters (64-bit ids are left-padded with zeros). */
  traceId: string;
  /** 16 lowercase hex characters. */
  spanId: string;
  /** null for a root span. */
  parentSpanId: string | null;
  traceState: string;
  name: string;
  kind: SpanKindCode;
  startNs: bigint;
  endNs: bigint;
  statusCode: StatusCodeNum;
  statusMessage: string;
  attributes: Attr[];
  resource: Attr[];
  scopeName: string;
  scopeVersion: string;
  events: NormalizedEvent[];
  links: NormalizedLink[];
  droppedAttributesCount: number;
  droppedEventsCount: number;
  droppedLinksCount: number;
}

/** The encoding a request arrived in; the reply uses the same one. */
export type IngestFormat = "otlp-json" | "otlp-proto" | "noveum";

/**
 * Bad input. `path` names the field (e.g. `resourceSpans[0].scopeSpans[1].spans[3].traceId`)
 * so the sender can find it; status is 400, or 413 when a size limit was passed.
 */
export class IngestError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
    readonly status: 400 | 413 | 415 = 400,
  ) {
    super(path ? `${path}: ${detail}` : detail);
    this.name = "IngestError";
  }
}
