export interface Snippet {
  id: string;
  label: string;
  /** What to install, shown above the code. */
  install?: string;
  code: string;
  /** A caveat shown under the code. */
  note?: string;
}

export const KEY_PLACEHOLDER = "<your key>";

/** Copy-paste set-ups pointing an SDK at this server, filled with its origin and a key. */
export function buildSnippets(origin: string, key: string | null): Snippet[] {
  const k = key ?? KEY_PLACEHOLDER;
  return [
    {
      id: "env",
      label: "OTel env vars",
      code: [
        `OTEL_EXPORTER_OTLP_ENDPOINT=${origin}`,
        `OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer ${k}`,
        `OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf`,
        `OTEL_SERVICE_NAME=my-service`,
      ].join("\n"),
      note: "Header values are URL-decoded by some SDKs (older Python ones among them): if the key is rejected, write the space after Bearer as %20.",
    },
    {
      id: "node",
      label: "Node.js",
      install: "npm install @opentelemetry/sdk-node @opentelemetry/exporter-trace-otlp-http",
      code: `import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';

const sdk = new NodeSDK({
  serviceName: 'my-service',
  traceExporter: new OTLPTraceExporter({
    url: '${origin}/v1/traces',
    headers: { Authorization: 'Bearer ${k}' },
  }),
});
sdk.start();`,
    },
    {
      id: "python",
      label: "Python",
      install: "pip install opentelemetry-sdk opentelemetry-exporter-otlp-proto-http",
      code: `from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

provider = TracerProvider(resource=Resource.create({"service.name": "my-service"}))
provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(
    endpoint="${origin}/v1/traces",
    headers={"Authorization": "Bearer ${k}"},
)))
trace.set_tracer_provider(provider)`,
    },
    {
      id: "noveum-ts",
      label: "Noveum TS",
      install: "npm install @noveum/trace",
      code: `import { initializeClient } from '@noveum/trace';

initializeClient({
  apiKey: '${k}',
  project: 'my-service',
  endpoint: '${origin}/api',
});`,
    },
    {
      id: "noveum-py",
      label: "Noveum Python",
      install: "pip install noveum-trace",
      code: `import noveum_trace

noveum_trace.init(
    api_key="${k}",
    project="my-service",
    endpoint="${origin}/api",
)`,
    },
  ];
}
