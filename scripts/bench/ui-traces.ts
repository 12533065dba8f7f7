import { mulberry32 } from "./synthetic";

/** An OTLP/JSON span as sent to /v1/traces. */
interface OtlpSpan {
  traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number;
  startTimeUnixNano: string; endTimeUnixNano: string;
  attributes: { key: string; value: Record<string, unknown> }[];
  events: { timeUnixNano: string; name: string; attributes: { key: string; value: Record<string, unknown> }[] }[];
  status: { code: number; message?: string };
}

const SERVICES = ["web-frontend", "checkout-api", "payment-service", "inventory-db", "workflow-engine", "notification-worker"];
const OPS = ["handle request", "validate", "SELECT orders", "UPDATE ledger", "GET /inventory/:sku", "charge card", "render", "publish event", "cache lookup"];
const TIERS = ["free", "standard", "premium", "enterprise"];
const hex = (n: number, len: number) => n.toString(16).padStart(len, "0");
const str = (key: string, v: string) => ({ key, value: { stringValue: v } });

/**
 * One trace of exactly `spans` spans, nested about 6-10 deep (random fan-out of 2-4,
 * children sequential inside their parent), ~2% errors with an exception event and ~5%
 * with a log event, a few attributes each. Grouped by service as OTLP resourceSpans.
 */
export function syntheticOtlpTrace(spans: number, seed: number): { traceId: string; batches: unknown[][] } {
  const rand = mulberry32(seed);
  const traceId = hex(seed, 8) + "5ba1e0" + hex(spans, 18);
  const t0 = BigInt(Date.now() - 10 * 60_000) * 1_000_000n;
  const all: { service: string; span: OtlpSpan }[] = [];
  // Breadth-first: each parent gets 2-4 children until the count is reached, so depth ~ log(n).
  const queue: { id: number; start: number; end: number; depth: number }[] = [];
  const add = (parent: number | null, start: number, end: number, depth: number) => {
    const id = all.length + 1;
    const service = SERVICES[parent === null ? 0 : Math.floor(rand() * SERVICES.length)];
    const error = parent !== null && rand() < 0.02;
    const ns = (ms: number) => (t0 + BigInt(Math.round(ms * 1e6))).toString();
    const events: OtlpSpan["events"] = [];
    if (error) events.push({ timeUnixNano: ns((start + end) / 2), name: "exception", attributes: [str("exception.type", "TimeoutError"), str("exception.message", "upstream timed out")] });
    else if (rand() < 0.05) events.push({ timeUnixNano: ns(start + (end - start) * rand()), name: "cache.miss", attributes: [str("cache.key", `sku-${id}`)] });
    all.push({
      service,
      span: {
        traceId, spanId: hex(id, 16), parentSpanId: parent === null ? undefined : hex(parent, 16),
        name: parent === null ? "POST /checkout/confirm" : OPS[Math.floor(rand() * OPS.length)], kind: parent === null ? 2 : 1,
        startTimeUnixNano: ns(start), endTimeUnixNano: ns(end),
        attributes: [str("customer.tier", TIERS[Math.floor(rand() * TIERS.length)]), str("http.route", "/api/orders"), { key: "business.revenue_impact", value: { doubleValue: Math.round(rand() * 10000) / 100 } }],
        events,
        status: error ? { code: 2, message: "upstream timed out" } : { code: 0 },
      },
    });
    queue.push({ id, start, end, depth });
  };
  add(null, 0, spans * 2, 0);
  for (let q = 0; q < queue.length && all.length < spans; q++) {
    const p = queue[q];
    const k = Math.min(spans - all.length, 2 + Math.floor(rand() * 3));
    const slot = (p.end - p.start) / k;
    for (let i = 0; i < k; i++) {
      const s = p.start + i * slot + slot * 0.05 * rand();
      add(p.id, s, s + slot * (0.3 + 0.65 * rand()), p.depth + 1);
    }
  }
  // Requests of at most 20,000 spans, each grouped by service.
  const batches: unknown[][] = [];
  for (let i = 0; i < all.length; i += 20_000) {
    const bySvc = new Map<string, OtlpSpan[]>();
    for (const { service, span } of all.slice(i, i + 20_000)) {
      if (!bySvc.has(service)) bySvc.set(service, []);
      bySvc.get(service)!.push(span);
    }
    batches.push([...bySvc].map(([service, list]) => ({ resource: { attributes: [str("service.name", service)] }, scopeSpans: [{ scope: { name: "bench" }, spans: list }] })));
  }
  return { traceId, batches };
}
