import { SpanKind, SpanStatusCode, type Attributes, type Span } from "@opentelemetry/api";
import { customerAttributes, TIERS, type Customer, type Product } from "./customers";
import { double, hr } from "./random";
import { consumerAttributes, dbQuery, httpCall, httpClient, httpServer, profiling, publish, type DemoError, type Writer } from "./writer";

/** One shopper's session; every funnel trace of a session carries the same user.id and session.id. */
export interface Visit {
  customer: Customer;
  sessionId: string;
  returning: boolean;
  product: Product;
  cart: Product[];
  orderId: string;
}

export type FunnelStage = "view" | "cart" | "checkout" | "purchase";

export function cartValue(v: Visit): number {
  return double(v.cart.reduce((sum, p) => sum + p.price, 0));
}

export function factor(v: Visit): number {
  return TIERS[v.customer.tier].latency;
}

/** The root SERVER span of a funnel step; its attributes are what funnel queries join on. */
export function funnelRoot(w: Writer, v: Visit, stage: FunnelStage, method: string, route: string, atUs: number, extra: Attributes): Span {
  return w.start("web-frontend", `${method} ${route}`, atUs, {
    kind: SpanKind.SERVER,
    attributes: {
      ...customerAttributes(v.customer),
      "session.id": v.sessionId,
      "user.is_returning": v.returning,
      "funnel.stage": stage,
      "business.currency": "USD",
      ...extra,
    },
  });
}

/** Ends a root span with the HTTP outcome of the request it served. */
export function endRoot(root: Span, method: string, route: string, status: number, endUs: number): void {
  root.setAttributes(httpServer(method, route, status));
  if (status >= 500) root.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${status}` });
  root.end(hr(endUs));
}

const QUERY_TIMEOUT: DemoError = {
  type: "QueryTimeoutError",
  message: "canceling statement due to statement timeout",
  frames: ["Pool.query (node_modules/pg-pool/index.js:45:11)", "StockRepository.levelFor (src/stock/repository.ts:38:21)", "StockController.get (src/stock/controller.ts:22:18)"],
};

const DEADLOCK: DemoError = {
  type: "DeadlockDetectedError",
  message: "deadlock detected while locking cart_items",
  frames: ["Client.query (node_modules/pg/lib/client.js:526:17)", "CartRepository.addItems (src/cart/repository.ts:71:9)", "CartService.add (src/cart/service.ts:40:5)"],
};

export function writeView(w: Writer, v: Visit, t0: number): void {
  const f = factor(v);
  const p = v.product;
  const root = funnelRoot(w, v, "view", "GET", "/products/:id", t0, {
    "url.path": `/products/${p.sku}`,
    "product.sku": p.sku,
    "product.category": p.category,
    "business.interaction_value": p.price,
  });
  const t = t0 + w.dur(1.5, f);
  // Catalog and recommendations are fetched concurrently.
  const catalog = httpCall(w, "web-frontend", "checkout-api", "GET", "/api/catalog/:sku", `/api/catalog/${p.sku}`, root, t, (server, at) => {
    const u = dbQuery(w, "checkout-api", server, at, {
      system: "postgresql", operation: "SELECT", table: "products", rows: 1, medianMs: 2.5,
      statement: "SELECT id, sku, name, price_cents FROM products WHERE sku = $1",
    }, f);
    return httpCall(w, "checkout-api", "inventory-db", "GET", "/stock/:sku", `/stock/${p.sku}`, server, u, (inv, at2) => {
      const slow = w.rand.chance(0.004);
      const q = w.start("inventory-db", "SELECT inventory_levels", at2, {
        kind: SpanKind.CLIENT,
        parent: inv,
        attributes: {
          "db.system": "postgresql", "db.operation.name": "SELECT", "db.collection.name": "inventory_levels",
          "db.statement": "SELECT warehouse_id, on_hand, reserved FROM inventory_levels WHERE sku = $1",
        },
      });
      const dur = slow ? 5_000_000 + w.dur(3) : w.dur(4, f, 0.7);
      q.setAttributes({ "db.execution_time": double(dur / 1000, 3), "db.rows_affected": slow ? 0 : w.rand.int(1, 4) });
      if (slow) w.fail(q, QUERY_TIMEOUT, at2 + dur);
      q.end(hr(at2 + dur));
      return { end: at2 + dur + w.dur(0.3), status: slow ? 504 : 200 };
    });
  });
  const recoEnd = w.leaf("web-frontend", "recommendations.fetch", t + w.dur(0.2), w.dur(35, f), {
    parent: root,
    attributes: { "recommendations.count": w.rand.int(4, 12), "recommendations.model": "als-v7" },
  });
  let end = Math.max(catalog.end, recoEnd);
  if (catalog.status < 400) {
    const render = w.dur(16, f);
    w.leaf("web-frontend", "render.product_page", end, render, { parent: root, attributes: profiling(w, render, 3.5) });
    end += render;
  }
  endRoot(root, "GET", "/products/:id", catalog.status < 400 ? 200 : 502, end + w.dur(0.5));
}

export function writeCart(w: Writer, v: Visit, t0: number): void {
  const f = factor(v);
  const skus = v.cart.map((p) => p.sku);
  const root = funnelRoot(w, v, "cart", "POST", "/cart/items", t0, {
    "cart.item_skus": skus,
    "cart.item_count": skus.length,
    "business.interaction_value": cartValue(v),
  });
  const call = httpCall(w, "web-frontend", "checkout-api", "POST", "/api/cart", "/api/cart", root, t0 + w.dur(1.2, f), (server, at) => {
    server.setAttributes({ "cart.item_skus": skus, "cart.value": cartValue(v), "cart.is_guest": false });
    let u = w.leaf("checkout-api", "cart.validate_items", at, w.dur(1.8, f), { parent: server, attributes: { "cart.item_count": skus.length } });
    const deadlock = w.rand.chance(0.01);
    const insert = w.start("checkout-api", "INSERT cart_items", u, {
      kind: SpanKind.CLIENT,
      parent: server,
      attributes: {
        "db.system": "postgresql", "db.operation.name": "INSERT", "db.collection.name": "cart_items",
        "db.statement": "INSERT INTO cart_items (cart_id, sku, qty) VALUES ($1, $2, $3) ON CONFLICT (cart_id, sku) DO UPDATE SET qty = cart_items.qty + EXCLUDED.qty",
      },
    });
    const dur = deadlock ? w.dur(1200) : w.dur(3, f, 0.6);
    insert.setAttributes({ "db.execution_time": double(dur / 1000, 3), "db.rows_affected": deadlock ? 0 : skus.length });
    if (deadlock) w.fail(insert, DEADLOCK, u + dur);
    insert.end(hr(u + dur));
    u += dur;
    if (deadlock) return { end: u, status: 500 };
    const { producer, sentAt } = publish(w, "checkout-api", server, u, "cart-events");
    writeCartConsumer(w, v, producer, sentAt);
    return { end: sentAt };
  });
  endRoot(root, "POST", "/cart/items", call.status < 400 ? 201 : 502, call.end + w.dur(0.6));
}

function writeCartConsumer(w: Writer, v: Visit, producer: Span, sentAt: number): void {
  const t = sentAt + w.dur(12, 1, 0.9);
  const consumer = w.start("notification-worker", "process cart-events", t, {
    kind: SpanKind.CONSUMER,
    parent: producer,
    attributes: { ...consumerAttributes("cart-events", "abandoned-cart-reminders"), "customer.id": v.customer.id },
  });
  const end = dbQuery(w, "notification-worker", consumer, t + w.dur(0.3), {
    system: "redis", operation: "ZADD", table: "abandoned_carts", rows: 1, medianMs: 0.6,
    statement: "ZADD abandoned_carts ? ?",
  });
  consumer.setAttributes(profiling(w, end - t, 0.8));
  consumer.end(hr(end + w.dur(0.2)));
}

const GATEWAY_TIMEOUT: DemoError = {
  type: "GatewayTimeoutError",
  message: "card gateway did not answer within 10000 ms",
  frames: ["GatewayClient.post (src/gateway/client.ts:88:13)", "IntentService.create (src/intents/service.ts:52:24)", "IntentsController.create (src/intents/controller.ts:19:12)"],
};

export function writeCheckout(w: Writer, v: Visit, t0: number): void {
  const f = factor(v);
  const total = cartValue(v);
  const root = funnelRoot(w, v, "checkout", "POST", "/checkout", t0, {
    "cart.item_skus": v.cart.map((p) => p.sku),
    "business.interaction_value": total,
  });
  const call = httpCall(w, "web-frontend", "checkout-api", "POST", "/api/checkout", "/api/checkout", root, t0 + w.dur(1.4, f), (server, at) => {
    let u = w.leaf("checkout-api", "checkout.validate", at, w.dur(4, f), {
      parent: server,
      attributes: { "checkout.address_valid": true, "checkout.step": "validation" },
    });
    const transform = w.dur(6, f);
    u = w.leaf("checkout-api", "checkout.transform", u, transform, {
      parent: server,
      attributes: { "checkout.step": "transformation", ...profiling(w, transform, 6) },
    });
    // Three async subtasks run in parallel; the response waits for the slowest.
    const reserve = httpCall(w, "checkout-api", "inventory-db", "POST", "/inventory/reservations", "/inventory/reservations", server, u, (inv, a) => ({
      end: dbQuery(w, "inventory-db", inv, a, {
        system: "postgresql", operation: "UPDATE", table: "inventory_levels", rows: v.cart.length, medianMs: 6,
        statement: "UPDATE inventory_levels SET reserved = reserved + $2 WHERE sku = $1 AND on_hand - reserved >= $2",
      }, f),
    }));
    const shipping = w.leaf("checkout-api", "POST", u + w.dur(0.1), w.dur(70, f), {
      kind: SpanKind.CLIENT,
      parent: server,
      attributes: { ...httpClient("POST", "https://api.shipfast.example/v2/quotes", 200), "shipping.carrier": w.rand.pick(["ups", "dhl", "usps"]) },
    });
    const intent = httpCall(w, "checkout-api", "payment-service", "POST", "/v1/payment-intents", "/v1/payment-intents", server, u + w.dur(0.2), (pay, a) => {
      const timeout = w.rand.chance(0.055);
      const gw = w.start("payment-service", "payment.intent.create", a, {
        parent: pay,
        attributes: { "payment.provider": "cardgateway", "payment.amount": total, "business.currency": "USD" },
      });
      const dur = timeout ? 10_000_000 + w.dur(2) : w.dur(45, f);
      if (timeout) w.fail(gw, GATEWAY_TIMEOUT, a + dur);
      gw.end(hr(a + dur));
      if (timeout) return { end: a + dur, status: 504 };
      return { end: dbQuery(w, "payment-service", pay, a + dur, {
        system: "postgresql", operation: "INSERT", table: "payment_intents", rows: 1, medianMs: 2.2,
        statement: "INSERT INTO payment_intents (id, customer_id, amount_cents, currency) VALUES ($1, $2, $3, $4)",
      }, f) };
    });
    const failed = reserve.status >= 400 || intent.status >= 400;
    return { end: Math.max(reserve.end, shipping, intent.end), status: failed ? 502 : 200 };
  });
  endRoot(root, "POST", "/checkout", call.status < 400 ? 200 : 502, call.end + w.dur(0.7));
}
