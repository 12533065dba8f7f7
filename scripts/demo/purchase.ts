import { SpanKind, SpanStatusCode, type Span } from "@opentelemetry/api";
import { endRoot, factor, cartValue, funnelRoot, type Visit } from "./commerce";
import { TIERS } from "./customers";
import { double, hr, MS } from "./random";
import { consumerAttributes, dbQuery, httpCall, httpClient, profiling, publish, type DemoError, type Writer } from "./writer";

const DECLINED: DemoError = {
  type: "CardDeclinedError",
  message: "card declined: insufficient_funds",
  frames: ["GatewayClient.charge (src/gateway/client.ts:121:15)", "PaymentService.authorize (src/payments/service.ts:64:22)", "PaymentsController.create (src/payments/controller.ts:31:12)"],
};

const GATEWAY_TIMEOUT: DemoError = {
  type: "GatewayTimeoutError",
  message: "card gateway did not answer within 10000 ms",
  frames: ["GatewayClient.charge (src/gateway/client.ts:97:13)", "PaymentService.authorize (src/payments/service.ts:64:22)", "PaymentsController.create (src/payments/controller.ts:31:12)"],
};

/**
 * The e-commerce purchase: validation, transformation and payment steps under one
 * `ecommerce_purchase` span that reports each stage as an event. Returns whether the
 * payment went through.
 */
export function writePurchase(w: Writer, v: Visit, t0: number, attempt: number): boolean {
  const f = factor(v);
  const total = cartValue(v);
  const root = funnelRoot(w, v, "purchase", "POST", "/checkout/confirm", t0, {
    "order.id": v.orderId,
    "purchase.attempt": attempt,
    "cart.item_skus": v.cart.map((p) => p.sku),
    "business.interaction_value": total,
  });
  let approved = false;
  const call = httpCall(w, "web-frontend", "checkout-api", "POST", "/api/orders", "/api/orders", root, t0 + w.dur(1.3, f), (server, at) => {
    const purchase = w.start("checkout-api", "ecommerce_purchase", at, {
      parent: server,
      attributes: { "order.id": v.orderId, "purchase.item_count": v.cart.length, "purchase.total_value": total, "purchase.currency": "USD" },
    });
    let u = at;
    const stage = (name: string, medianMs: number, memoryMb: number): void => {
      const d = w.dur(medianMs, f);
      w.leaf("checkout-api", `purchase.${name}`, u, d, { parent: purchase, attributes: { "purchase.stage": name, ...profiling(w, d, memoryMb) } });
      u += d;
      purchase.addEvent("stage_completed", { stage: name, duration: Math.round(d / MS) }, hr(u));
    };
    stage("validation", 5, 1.2);
    stage("transformation", 9, 4.5);

    const payStart = u;
    const pay = w.start("checkout-api", "purchase.payment", u, { parent: purchase, attributes: { "purchase.stage": "payment" } });
    const charge = httpCall(w, "checkout-api", "payment-service", "POST", "/v1/payments", "/v1/payments", pay, u, (srv, a) => writeCharge(w, v, srv, a, total));
    approved = charge.status < 400;
    if (!approved) pay.setStatus({ code: SpanStatusCode.ERROR, message: `payment failed with HTTP ${charge.status}` });
    pay.end(hr(charge.end));
    u = charge.end;
    const payMs = Math.round((u - payStart) / MS);
    if (!approved) {
      purchase.addEvent("stage_failed", { stage: "payment", duration: payMs, error: `HTTP ${charge.status}` }, hr(u));
      purchase.setStatus({ code: SpanStatusCode.ERROR, message: "payment failed" });
      purchase.end(hr(u));
      return { end: u, status: charge.status === 402 ? 402 : 502 };
    }
    purchase.addEvent("stage_completed", { stage: "payment", duration: payMs }, hr(u));
    purchase.end(hr(u));
    u = dbQuery(w, "checkout-api", server, u, {
      system: "postgresql", operation: "INSERT", table: "orders", rows: 1, medianMs: 3,
      statement: "INSERT INTO orders (id, customer_id, total_cents, currency, status) VALUES ($1, $2, $3, $4, 'paid')",
    }, f);
    const { producer, sentAt } = publish(w, "checkout-api", server, u, "order-events");
    writeOrderNotifications(w, v, producer, sentAt);
    return { end: sentAt, status: 201 };
  });
  root.setAttribute("payment.approved", approved);
  if (approved) root.setAttribute("business.revenue_impact", total);
  // A decline answers 402: the shopper's problem, so the root stays unset per HTTP conventions.
  endRoot(root, "POST", "/checkout/confirm", approved ? 201 : call.status, call.end + w.dur(0.8));
  return approved;
}

/** payment-service: fraud check (slow for the free tier), card authorization, ledger write. */
function writeCharge(w: Writer, v: Visit, server: Span, at: number, total: number): { end: number; status: number } {
  const profile = TIERS[v.customer.tier];
  const method = w.rand.weighted([["card", 0.8], ["paypal", 0.15], ["apple_pay", 0.05]] as const);
  server.setAttributes({ "payment.method": method, "payment.amount": total, "business.currency": "USD", "customer.tier": v.customer.tier });
  const fraudMs = w.dur(profile.fraudCheckMs, 1, 0.5);
  let u = w.leaf("payment-service", "fraud.check", at, fraudMs, {
    parent: server,
    attributes: { "fraud.score": double(w.rand.float() * 0.4, 4), "fraud.model": "gbdt-2026.10", "fraud.queue": v.customer.tier === "free" ? "shared" : "priority" },
  });
  const outcome = w.rand.weighted([
    ["declined", profile.declineRate],
    ["timeout", 0.035],
    ["approved", 1 - profile.declineRate - 0.035],
  ] as const);
  const auth = w.start("payment-service", "payment.authorize", u, {
    kind: SpanKind.CLIENT,
    parent: server,
    attributes: { "payment.provider": "cardgateway", "payment.method": method },
  });
  const d = outcome === "timeout" ? 10_000_000 + w.dur(5) : w.dur(160, profile.latency);
  const status = outcome === "approved" ? 200 : outcome === "declined" ? 402 : 504;
  auth.setAttributes({ ...httpClient("POST", "https://api.cardgateway.example/v1/charges", outcome === "timeout" ? undefined : status), "payment.approved": outcome === "approved" });
  if (outcome !== "approved") w.fail(auth, outcome === "declined" ? DECLINED : GATEWAY_TIMEOUT, u + d);
  auth.end(hr(u + d));
  u += d;
  if (outcome !== "approved") return { end: u + w.dur(0.4), status };
  u = dbQuery(w, "payment-service", server, u, {
    system: "postgresql", operation: "INSERT", table: "payments", rows: 1, medianMs: 2.8,
    statement: "INSERT INTO payments (id, order_id, amount_cents, currency, method, status) VALUES ($1, $2, $3, $4, $5, 'captured')",
  }, profile.latency);
  return { end: u, status: 201 };
}

/** notification-worker consumes order-events and fans out to three channels in parallel. */
function writeOrderNotifications(w: Writer, v: Visit, producer: Span, sentAt: number): void {
  const t = sentAt + w.dur(15, 1, 0.8);
  const consumer = w.start("notification-worker", "process order-events", t, {
    kind: SpanKind.CONSUMER,
    parent: producer,
    attributes: { ...consumerAttributes("order-events", "order-notifications"), "order.id": v.orderId, "customer.id": v.customer.id },
  });
  const u = t + w.dur(0.5);
  const ends = [
    w.leaf("notification-worker", "email.send_receipt", u, w.dur(140), { kind: SpanKind.CLIENT, parent: consumer, attributes: { "notification.channel": "email", "email.template": "order-receipt" } }),
    w.leaf("notification-worker", "push.send", u + w.dur(0.1), w.dur(40), { kind: SpanKind.CLIENT, parent: consumer, attributes: { "notification.channel": "push" } }),
    w.leaf("notification-worker", "crm.sync", u + w.dur(0.2), w.dur(90), { kind: SpanKind.CLIENT, parent: consumer, attributes: { "notification.channel": "crm", "crm.provider": "hubspot" } }),
  ];
  const end = Math.max(...ends);
  consumer.setAttributes(profiling(w, end - t, 2));
  consumer.end(hr(end + w.dur(0.3)));
}
