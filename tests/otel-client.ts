import { context, trace, SpanKind, SpanStatusCode, type Attributes, type HrTime } from "@opentelemetry/api";
import { ExportResultCode } from "@opentelemetry/core";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";

export { SpanKind, SpanStatusCode };

/** Records spans with the real SDK; `send` then exports them with a real OTLP exporter. */
export function recordSpans(serviceName: string, build: (t: ReturnType<BasicTracerProvider["getTracer"]>, withParent: typeof childContext) => void) {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName, "deployment.environment.name": "test" }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  build(provider.getTracer("spanlens-tests", "1.0.0"), childContext);
  return memory.getFinishedSpans();
}

function childContext(parent: ReturnType<ReturnType<BasicTracerProvider["getTracer"]>["startSpan"]>) {
  return trace.setSpan(context.active(), parent);
}

export async function sendSpans(spans: ReadableSpan[], opts: { url: string; apiKey: string; encoding: "json" | "proto" }) {
  const config = { url: `${opts.url}/v1/traces`, headers: { Authorization: `Bearer ${opts.apiKey}` } };
  const exporter = opts.encoding === "json" ? new JsonExporter(config) : new ProtoExporter(config);
  const result = await new Promise<{ code: ExportResultCode; error?: Error }>((resolve) => exporter.export(spans, resolve));
  await exporter.shutdown();
  if (result.code !== ExportResultCode.SUCCESS) throw new Error(`export failed: ${result.error?.message}`);
}

/** An HrTime at an exact nanosecond, to check nothing is lost on the way. */
export const hr = (seconds: number, nanos: number): HrTime => [seconds, nanos];
export type { Attributes };
