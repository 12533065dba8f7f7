import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";
import type { Pipeline, ServiceName } from "./pipeline";
import { double, hr, MS, type Random } from "./random";

export interface StartOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /** Omitted: the span starts a new trace. */
  parent?: Span;
}

export interface DemoError {
  type: string;
  message: string;
  /** Frames for a believable stack trace, innermost first. */
  frames: string[];
}

/** Thin layer over the tracers: every span gets explicit start and end times. */
export class Writer {
  constructor(
    readonly pipe: Pipeline,
    readonly rand: Random,
  ) {}

  start(service: ServiceName, name: string, atUs: number, opts: StartOptions = {}): Span {
    const ctx = opts.parent ? trace.setSpan(context.active(), opts.parent) : context.active();
    return this.pipe.tracer(service).startSpan(
      name,
      { kind: opts.kind ?? SpanKind.INTERNAL, attributes: opts.attributes, startTime: hr(atUs), root: !opts.parent },
      ctx,
    );
  }

  /** A span without children: started and ended at once. Returns its end time. */
  leaf(service: ServiceName, name: string, atUs: number, durUs: number, opts: StartOptions = {}): number {
    this.start(service, name, atUs, opts).end(hr(atUs + durUs));
    return atUs + durUs;
  }

  /** Marks a span failed the way instrumented code does: exception event plus ERROR status. */
  fail(span: Span, err: DemoError, atUs: number): void {
    const stack = [`${err.type}: ${err.message}`, ...err.frames.map((f) => `    at ${f}`)].join("\n");
    span.recordException({ name: err.type, message: err.message, stack }, hr(atUs));
    span.setAttribute("error.type", err.type);
    span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
  }

  /** Latency in microseconds, log-normal around `medianMs` scaled by `factor`. */
  dur(medianMs: number, factor = 1, sigma = 0.45): number {
    return Math.max(20, Math.round(this.rand.logNormal(medianMs * factor, sigma) * MS));
  }
}

export function httpServer(method: string, route: string, status: number): Attributes {
  return {
    "http.request.method": method,
    "http.route": route,
    "http.response.status_code": status,
    "url.scheme": "https",
  };
}

/** `status` is omitted when no response arrived (a timeout). */
export function httpClient(method: string, url: string, status?: number): Attributes {
  return {
    "http.request.method": method,
    "url.full": url,
    "server.address": new URL(url).hostname,
    ...(status === undefined ? {} : { "http.response.status_code": status }),
  };
}

export interface Query {
  system: "postgresql" | "redis" | "mysql";
  operation: string;
  table: string;
  statement: string;
  medianMs: number;
  rows: number;
}

/** A DB client span as database instrumentation records it. Returns its end time. */
export function dbQuery(w: Writer, service: ServiceName, parent: Span, atUs: number, q: Query, factor = 1): number {
  const durUs = w.dur(q.medianMs, factor, 0.6);
  return w.leaf(service, `${q.operation} ${q.table}`, atUs, durUs, {
    kind: SpanKind.CLIENT,
    parent,
    attributes: {
      "db.system": q.system,
      "db.operation.name": q.operation,
      "db.collection.name": q.table,
      "db.statement": q.statement,
      "db.execution_time": double(durUs / MS, 3),
      "db.rows_affected": q.rows,
    },
  });
}

export function profiling(w: Writer, durUs: number, memoryMedianMb: number): Attributes {
  return {
    "profiling.execution_time_seconds": double(durUs / 1e6, 6),
    "profiling.memory_delta_mb": double(w.rand.logNormal(memoryMedianMb, 0.5), 2),
  };
}

/** Producer span in one service, consumer span in another, joined by propagated context. */
export function publish(
  w: Writer,
  from: ServiceName,
  parent: Span,
  atUs: number,
  destination: string,
): { producer: Span; sentAt: number } {
  const durUs = w.dur(2.5);
  const producer = w.start(from, `publish ${destination}`, atUs, {
    kind: SpanKind.PRODUCER,
    parent,
    attributes: {
      "messaging.system": "kafka",
      "messaging.destination.name": destination,
      "messaging.operation.type": "send",
      "messaging.message.id": w.rand.hex(12),
    },
  });
  producer.end(hr(atUs + durUs));
  return { producer, sentAt: atUs + durUs };
}

export function consumerAttributes(destination: string, group: string): Attributes {
  return {
    "messaging.system": "kafka",
    "messaging.destination.name": destination,
    "messaging.operation.type": "process",
    "messaging.consumer.group.name": group,
  };
}

export interface CallResult {
  end: number;
  /** HTTP status the server answered with; 200 when omitted by the handler. */
  status?: number;
}

/**
 * An HTTP call between two services: a CLIENT span in `from` and the SERVER span in `to`,
 * with `handle` writing the server's work. Status codes follow the HTTP semantic
 * conventions: the client marks 4xx and 5xx as errors, the server only 5xx.
 */
export function httpCall(
  w: Writer,
  from: ServiceName,
  to: ServiceName,
  method: string,
  route: string,
  path: string,
  parent: Span,
  atUs: number,
  handle: (server: Span, atUs: number) => CallResult,
): Required<CallResult> {
  const net = w.dur(0.5, 1, 0.3);
  const client = w.start(from, `${method} ${route}`, atUs, { kind: SpanKind.CLIENT, parent });
  const server = w.start(to, `${method} ${route}`, atUs + net, { kind: SpanKind.SERVER, parent: client });
  const inner = handle(server, atUs + net + w.dur(0.15));
  const status = inner.status ?? 200;
  server.setAttributes(httpServer(method, route, status));
  if (status >= 500) server.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${status}` });
  const serverEnd = inner.end + w.dur(0.2);
  server.end(hr(serverEnd));
  client.setAttributes(httpClient(method, `http://${to}:8080${path}`, status));
  if (status >= 400) client.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${status}` });
  const end = serverEnd + w.dur(0.4, 1, 0.3);
  client.end(hr(end));
  return { end, status };
}
