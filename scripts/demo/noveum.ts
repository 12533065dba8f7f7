import { double, type Random } from "./random";

/** Wire shapes of @noveum/trace 1.1.1, as captured from the real SDK. */
type NoveumStatus = "ok" | "error" | "unset" | "timeout" | "cancelled";
type Value = string | number | boolean | string[];

export interface NoveumSpan {
  span_id: string;
  trace_id: string;
  parent_span_id: string | null;
  name: string;
  start_time: string;
  end_time: string;
  duration_ms: number;
  status: NoveumStatus;
  status_message: string | null;
  attributes: Record<string, Value>;
  events: { name: string; timestamp: string; attributes: Record<string, Value> }[];
  links: never[];
}

export interface NoveumTrace {
  trace_id: string;
  name: string;
  start_time: string;
  end_time: string;
  duration_ms: number;
  status: NoveumStatus;
  status_message: string | null;
  span_count: number;
  error_count: number;
  attributes: Record<string, Value>;
  metadata: { user_id: string | null; session_id: string | null; request_id: string | null; tags: Record<string, string>; custom_attributes: Record<string, Value> };
  spans: NoveumSpan[];
  sdk: { name: "@noveum/trace"; version: "1.1.1" };
  project: string;
  environment: string;
}

/** The SDK prints JavaScript Dates (millisecond precision) in Python's isoformat style. */
export function noveumTime(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "000+00:00");
}

interface Step {
  name: string;
  ms: number;
  attributes: Record<string, Value>;
  status?: NoveumStatus;
  message?: string;
  event?: { name: string; attributes: Record<string, Value> };
}

function plan(rand: Random): { name: string; attributes: Record<string, Value>; steps: Step[] } {
  const tier = rand.pick(["free", "standard", "premium", "enterprise"]);
  const customer = { "customer.id": `nv-cust-${rand.int(100, 999)}`, "customer.tier": tier };
  const kind = rand.weighted([["purchase", 0.4], ["interaction", 0.3], ["sync", 0.2], ["query", 0.1]] as const);
  if (kind === "purchase") {
    const total = double(rand.logNormal(90, 0.7));
    const outcome = rand.weighted([["ok", 0.85], ["error", 0.1], ["timeout", 0.05]] as const);
    return {
      name: "ecommerce_purchase",
      attributes: { ...customer, "funnel.stage": "purchase", "purchase.total_value": total, "purchase.currency": "USD" },
      steps: [
        { name: "purchase_validation", ms: rand.int(1, 8), attributes: { "purchase.item_count": rand.int(1, 5), "purchase.validation_success": true }, event: { name: "stage_completed", attributes: { stage: "validation", duration: rand.int(1, 8) } } },
        { name: "database.query", ms: rand.int(1, 12), attributes: { "db.system": "postgresql", "db.statement": "SELECT * FROM carts WHERE customer_id = %s" } },
        outcome === "ok"
          ? { name: "payment", ms: rand.int(80, 400), attributes: { "payment.method": "card", "business.revenue_impact": total }, event: { name: "stage_completed", attributes: { stage: "payment", duration: rand.int(80, 400) } } }
          : { name: "payment", ms: outcome === "timeout" ? 10_000 : rand.int(80, 300), status: outcome, message: outcome === "timeout" ? "payment gateway timed out" : "card declined", attributes: { "payment.method": "card", error: true, "error.message": outcome === "timeout" ? "payment gateway timed out" : "card declined" }, event: { name: "stage_failed", attributes: { stage: "payment", error: outcome === "timeout" ? "timeout" : "card declined" } } },
      ],
    };
  }
  if (kind === "interaction") {
    return {
      name: "customer_interaction",
      attributes: { ...customer, "customer.lifetime_value": double(rand.logNormal(2000, 1.2)), "business.feature_flags": ["new-checkout", "fast-pay"] },
      steps: [
        { name: "database.query", ms: rand.int(1, 10), attributes: { "db.system": "postgresql", "db.statement": "SELECT * FROM users WHERE id = %s" } },
        { name: "support.lookup", ms: rand.int(20, 120), attributes: { "support.open_tickets": rand.int(0, 3) }, ...(rand.chance(0.08) ? { status: "cancelled" as const, message: "client disconnected" } : {}) },
      ],
    };
  }
  if (kind === "sync") {
    return {
      name: "workflow.catalog_sync",
      attributes: { "workflow.name": "catalog_sync", "workflow.id": `nv-wf-${rand.hex(8)}` },
      steps: ["validation", "transformation", "upload"].map((stage) => {
        const ms = rand.int(5, 200);
        return { name: `stage.${stage}`, ms, attributes: { "workflow.stage": stage }, event: { name: "stage_completed", attributes: { stage, duration: ms } } };
      }),
    };
  }
  return { name: "database.query", attributes: { "db.system": "postgresql", "db.statement": "SELECT count(*) FROM orders WHERE created_at > %s" }, steps: [] };
}

/** Builds one trace the way the SDK serializes it: sequential child spans under one root. */
export function makeNoveumTrace(rand: Random, startMs: number): NoveumTrace {
  const p = plan(rand);
  // The real SDK emits both 32- and 16-hex trace ids.
  const traceId = rand.chance(0.25) ? rand.hex(16) : rand.hex(32);
  const rootId = rand.hex(16);
  const spans: NoveumSpan[] = [];
  let t = startMs + rand.int(0, 2);
  for (const s of p.steps) {
    spans.push({
      span_id: rand.hex(16), trace_id: traceId, parent_span_id: rootId, name: s.name,
      start_time: noveumTime(t), end_time: noveumTime(t + s.ms), duration_ms: s.ms,
      status: s.status ?? "ok", status_message: s.message ?? null,
      attributes: { ...s.attributes, "duration.ms": s.ms },
      events: s.event ? [{ name: s.event.name, timestamp: noveumTime(t + s.ms), attributes: s.event.attributes }] : [],
      links: [],
    });
    t += s.ms + rand.int(0, 2);
  }
  const failed = spans.find((s) => s.status !== "ok");
  const rootStatus: NoveumStatus = failed ? failed.status : p.steps.length === 0 && rand.chance(0.3) ? "unset" : "ok";
  const duration = Math.max(t - startMs, p.steps.length === 0 ? rand.int(0, 6) : 0);
  const rootAttributes = { ...p.attributes, "duration.ms": duration };
  spans.unshift({
    span_id: rootId, trace_id: traceId, parent_span_id: null, name: p.name,
    start_time: noveumTime(startMs), end_time: noveumTime(startMs + duration), duration_ms: duration,
    status: rootStatus, status_message: failed?.status_message ?? null, attributes: rootAttributes, events: [], links: [],
  });
  const userId = p.attributes["customer.id"] ? `nv-u-${rand.hex(6)}` : null;
  return {
    trace_id: traceId, name: p.name,
    start_time: noveumTime(startMs), end_time: noveumTime(startMs + duration), duration_ms: duration,
    status: rootStatus, status_message: failed?.status_message ?? null,
    span_count: spans.length, error_count: spans.filter((s) => s.status === "error" || s.status === "timeout").length,
    attributes: rootAttributes,
    metadata: {
      user_id: userId, session_id: userId && `nv-sess-${rand.hex(8)}`, request_id: userId && `req-${rand.hex(12)}`,
      tags: userId ? { team: "storefront" } : {}, custom_attributes: {},
    },
    spans, sdk: { name: "@noveum/trace", version: "1.1.1" }, project: "shop-api", environment: "production",
  };
}

export interface NoveumSend {
  baseUrl: string;
  apiKey: string;
  rand: Random;
  count: number;
  windowStartMs: number;
  windowEndMs: number;
  /** When the batch was "sent", as the SDK's float-seconds timestamp. */
  sentAtMs: number;
}

const BATCH = 10;

/** Posts traces in SDK-sized batches; throws on the first rejected batch. */
export async function sendNoveumTraces(opts: NoveumSend): Promise<{ traces: number; spans: number }> {
  const url = `${opts.baseUrl.replace(/\/+$/, "")}/api/v1/traces`;
  let spans = 0;
  for (let sent = 0; sent < opts.count; sent += BATCH) {
    const traces = Array.from({ length: Math.min(BATCH, opts.count - sent) }, () =>
      makeNoveumTrace(opts.rand, opts.windowStartMs + Math.floor(opts.rand.float() * (opts.windowEndMs - opts.windowStartMs - 15_000))),
    );
    const body = JSON.stringify({ traces, timestamp: opts.sentAtMs / 1000 });
    let res: Response;
    // A busy server answers 429 with Retry-After, as OTLP exporters expect: wait and resend.
    for (let attempt = 0; ; attempt++) {
      res = await fetch(url, {
        method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${opts.apiKey}` }, body,
      });
      if ((res.status !== 429 && res.status !== 503) || attempt >= 30) break;
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 1000 * Math.min(30, Number(res.headers.get("retry-after")) || 1)));
    }
    if (!res.ok) {
      const body = await res.text().catch(() => "");
      throw new Error(`Noveum ingest rejected a batch: HTTP ${res.status} ${body.slice(0, 300)}`);
    }
    await res.arrayBuffer(); // drain, so the connection is reused
    spans += traces.reduce((sum, t) => sum + t.span_count, 0);
  }
  return { traces: opts.count, spans };
}
