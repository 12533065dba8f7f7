import type { Attr, NormalizedSpan } from "@/lib/ingest/types";

/** Seeded PRNG so every bench run stores the same data. */
export function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TIERS = ["free", "standard", "premium", "enterprise"];
const STAGES = ["view", "cart", "checkout", "purchase"];
const SERVICES = ["web-frontend", "checkout-api", "payment-service", "inventory-db", "workflow-engine"];
const hex = (n: bigint, len: number) => n.toString(16).padStart(len, "0");
const str = (key: string, v: string): Attr => ({ key, value: { t: "str", v } });
const int = (key: string, v: number): Attr => ({ key, value: { t: "int", v: BigInt(v) } });
const dbl = (key: string, v: number): Attr => ({ key, value: { t: "dbl", v } });

/**
 * Traces of `spansPerTrace` spans over the last day: 12 common attribute keys plus 3 of
 * 2,000 rare keys per span, funnel stages per user across traces, ~3% errors.
 */
export function* syntheticTraces(opts: { traces: number; spansPerTrace: number; seed?: number; endNs?: bigint; users?: number }) {
  const rand = mulberry32(opts.seed ?? 42);
  const endNs = opts.endNs ?? BigInt(Date.now()) * 1_000_000n;
  const dayNs = 86_400_000_000_000n;
  const users = opts.users ?? Math.max(1, Math.floor(opts.traces / 4));
  for (let t = 0; t < opts.traces; t++) {
    const traceId = hex(BigInt(t + 1) * 2654435761n + 0xabcdef00000000n, 32);
    const tier = TIERS[Math.floor(rand() ** 1.5 * TIERS.length)];
    const user = Math.floor(rand() * users);
    const stage = STAGES[Math.min(STAGES.length - 1, Math.floor(rand() ** (tier === "enterprise" ? 0.7 : 1.6) * STAGES.length))];
    const start = endNs - dayNs + BigInt(Math.floor((t / opts.traces) * 86_400_000)) * 1_000_000n;
    const spans: NormalizedSpan[] = [];
    for (let s = 0; s < opts.spansPerTrace; s++) {
      const offset = BigInt(s * 1_000_000);
      const dur = BigInt(Math.floor(rand() ** 3 * 2_000_000_000) + 100_000);
      const service = SERVICES[s % SERVICES.length];
      const error = rand() < 0.03;
      spans.push({
        traceId,
        spanId: hex(BigInt(t) * 1000n + BigInt(s) + 1n, 16),
        parentSpanId: s === 0 ? null : hex(BigInt(t) * 1000n + BigInt(Math.floor((s - 1) / 3)) + 1n, 16),
        traceState: "",
        name: s === 0 ? `POST /${stage}` : `step-${s % 7}`,
        kind: s === 0 ? 2 : 1,
        startNs: start + offset,
        endNs: start + offset + dur,
        statusCode: error ? 2 : 0,
        statusMessage: error ? "boom" : "",
        attributes: [
          str("customer.tier", tier), str("customer.id", `c-${user}`), str("user.id", `u-${user}`),
          str("session.id", `s-${user}-${Math.floor(t / 10)}`), str("funnel.stage", stage),
          int("http.response.status_code", error ? 500 : 200), str("http.route", `/api/${stage}`),
          dbl("business.revenue_impact", stage === "purchase" ? Math.round(rand() * 50000) / 100 : 0),
          int("db.rows_affected", Math.floor(rand() * 100)), str("db.system", "postgresql"),
          dbl("profiling.memory_delta_mb", rand() * 10), str("deployment.region", rand() < 0.5 ? "eu" : "us"),
          int(`rare.key_${Math.floor(rand() * 2000)}`, s), str(`rare.key_${Math.floor(rand() * 2000)}`, "x"),
          str(`rare.tag_${Math.floor(rand() * 2000)}`, `v${Math.floor(rand() * 50)}`),
        ],
        resource: [str("service.name", service), str("deployment.environment.name", "bench")],
        scopeName: "bench",
        scopeVersion: "1",
        events: error ? [{ name: "exception", timeNs: start + offset, attributes: [str("exception.type", "Error")], droppedAttributesCount: 0 }] : [],
        links: [],
        droppedAttributesCount: 0,
        droppedEventsCount: 0,
        droppedLinksCount: 0,
      });
    }
    yield spans;
  }
}
