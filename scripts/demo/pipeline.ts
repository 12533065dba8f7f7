import { SpanStatusCode, type Tracer } from "@opentelemetry/api";
import { OTLPTraceExporter as OtlpJsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as OtlpProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import {
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  type IdGenerator,
  type ReadableSpan,
  type SpanExporter,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-base";

/** Each service talks OTLP the way a real team might: some JSON, some protobuf. */
export const SERVICES = {
  "web-frontend": { version: "4.12.0", encoding: "json" },
  "checkout-api": { version: "2.31.4", encoding: "proto" },
  "payment-service": { version: "1.18.2", encoding: "json" },
  "inventory-db": { version: "3.4.0", encoding: "proto" },
  "workflow-engine": { version: "0.9.7", encoding: "json" },
  "notification-worker": { version: "1.6.1", encoding: "proto" },
} as const;

export type ServiceName = keyof typeof SERVICES;

type ExportResult = Parameters<Parameters<SpanExporter["export"]>[1]>[0];
const EXPORT_SUCCESS = 0; // ExportResultCode.SUCCESS; @opentelemetry/core is not a direct dependency

/** Wraps an OTLP exporter to count what the server accepted: the batch processor only logs failures. */
class RecordingExporter implements SpanExporter {
  exported = 0;
  failedSpans = 0;
  readonly failures: string[] = [];

  constructor(
    private readonly inner: SpanExporter,
    private readonly label: string,
  ) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.attempt(spans, done, 0);
  }

  /**
   * The SDK's exporter retries a busy server (429, 503) only for a few seconds. A loaded
   * machine can keep Spanlens busy for longer, so a batch refused as retryable is resent
   * later, as a collector's sending queue would, instead of being lost from the demo.
   */
  private attempt(spans: ReadableSpan[], done: (result: ExportResult) => void, resends: number): void {
    this.inner.export(spans, (result) => {
      if (result.code === EXPORT_SUCCESS) {
        this.exported += spans.length;
      } else if (resends < MAX_RESENDS && isRetryable(result.error)) {
        setTimeout(() => this.attempt(spans, done, resends + 1), Math.min(1000 * 2 ** resends, 8000));
        return;
      } else {
        this.failedSpans += spans.length;
        this.failures.push(`${this.label}: ${describeExportError(result.error)}`);
      }
      done(result);
    });
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

/** Resends of a batch the server called retryable, after the SDK's own retries (about 40 s in all). */
const MAX_RESENDS = 6;

function isRetryable(error: Error | undefined): boolean {
  const code = (error as (Error & { code?: number }) | undefined)?.code;
  return code === 429 || code === 502 || code === 503 || code === 504 || /retryable/i.test(error?.message ?? "");
}

function describeExportError(error: Error | undefined): string {
  if (!error) return "export failed";
  // OTLPExporterError carries the HTTP status and response body.
  const { code, data } = error as Error & { code?: number; data?: string };
  return [error.message, code && `status ${code}`, data && `body ${data.slice(0, 300)}`]
    .filter(Boolean)
    .join("; ");
}

class EndedCounter implements SpanProcessor {
  count = 0;
  readonly errorTraces = new Set<string>();
  onStart(): void {}
  onEnd(span: ReadableSpan): void {
    this.count++;
    if (span.status.code === SpanStatusCode.ERROR) this.errorTraces.add(span.spanContext().traceId);
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

// Generation is synchronous, so exports only progress while we await. Flushing every
// FLUSH_EVERY ended spans keeps the queues far below MAX_QUEUE (nothing is dropped) and
// memory bounded, even for the 50k-span trace.
const FLUSH_EVERY = 4096;
const MAX_QUEUE = 4 * FLUSH_EVERY;
const BATCH_SIZE = 1024;

export interface PipelineOptions {
  baseUrl: string;
  apiKey: string;
  idGenerator: IdGenerator;
  environment?: string;
}

interface ServicePipeline {
  provider: BasicTracerProvider;
  exporter: RecordingExporter;
  tracer: Tracer;
}

export class Pipeline {
  private readonly services = new Map<ServiceName, ServicePipeline>();
  private readonly counter = new EndedCounter();
  private flushedAt = 0;

  constructor(opts: PipelineOptions) {
    const url = `${opts.baseUrl.replace(/\/+$/, "")}/v1/traces`;
    const headers = { Authorization: `Bearer ${opts.apiKey}` };
    for (const [name, spec] of Object.entries(SERVICES) as [ServiceName, (typeof SERVICES)[ServiceName]][]) {
      const config = { url, headers, timeoutMillis: 30_000 };
      const inner = spec.encoding === "json" ? new OtlpJsonExporter(config) : new OtlpProtoExporter(config);
      const exporter = new RecordingExporter(inner, `${name} (OTLP ${spec.encoding})`);
      const resource = defaultResource().merge(
        resourceFromAttributes({
          "service.name": name,
          "service.namespace": "shop",
          "service.version": spec.version,
          "service.instance.id": `${name}-0`,
          "deployment.environment.name": opts.environment ?? "production",
        }),
      );
      const provider = new BasicTracerProvider({
        resource,
        idGenerator: opts.idGenerator,
        // Explicit, so OTEL_TRACES_SAMPLER in the caller's environment cannot thin the demo.
        sampler: new AlwaysOnSampler(),
        spanProcessors: [
          this.counter,
          new BatchSpanProcessor(exporter, {
            maxQueueSize: MAX_QUEUE,
            maxExportBatchSize: BATCH_SIZE,
            scheduledDelayMillis: 200,
            // Room for the resends above: the processor gives up on a batch after this long.
            exportTimeoutMillis: 120_000,
          }),
        ],
      });
      this.services.set(name, { provider, exporter, tracer: provider.getTracer("shop-instrumentation", spec.version) });
    }
  }

  tracer(service: ServiceName): Tracer {
    return this.services.get(service)!.tracer;
  }

  get spansEnded(): number {
    return this.counter.count;
  }

  /** Traces with at least one span in ERROR status. */
  get tracesWithErrors(): number {
    return this.counter.errorTraces.size;
  }

  /** Call between traces (or records of a big trace): flushes when enough spans piled up. */
  async settle(): Promise<void> {
    if (this.counter.count - this.flushedAt < FLUSH_EVERY) return;
    this.flushedAt = this.counter.count;
    await this.flushAll();
  }

  /** Sends everything, shuts the providers down and returns the number of spans delivered. */
  async close(): Promise<number> {
    await this.flushAll();
    await Promise.all([...this.services.values()].map((s) => s.provider.shutdown()));
    const all = [...this.services.values()].map((s) => s.exporter);
    this.throwIfFailed();
    const exported = all.reduce((sum, e) => sum + e.exported, 0);
    if (exported !== this.counter.count) {
      throw new Error(`Demo spans dropped: ${this.counter.count} ended but ${exported} exported`);
    }
    return exported;
  }

  /** Shuts down after a failure without masking the original error. */
  async abort(): Promise<void> {
    await Promise.allSettled([...this.services.values()].map((s) => s.provider.shutdown()));
  }

  private async flushAll(): Promise<void> {
    // forceFlush rejects with an array of errors; the RecordingExporter has the readable version.
    // The exporter flush also waits for batches the processor sent on its own.
    await Promise.allSettled(
      [...this.services.values()].map((s) => s.provider.forceFlush().finally(() => s.exporter.forceFlush())),
    );
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    const exporters = [...this.services.values()].map((s) => s.exporter);
    const failures = exporters.flatMap((e) => e.failures);
    if (failures.length === 0) return;
    const failedSpans = exporters.reduce((sum, e) => sum + e.failedSpans, 0);
    const shown = failures.slice(0, 5).join("\n  ");
    throw new Error(`Demo export failed for ${failedSpans} spans in ${failures.length} requests:\n  ${shown}`);
  }
}
