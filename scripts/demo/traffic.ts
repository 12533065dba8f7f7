import { writeCart, writeCheckout, writeView, type FunnelStage, type Visit } from "./commerce";
import { TIERS, type Customer, type Product } from "./customers";
import { writeEventHandler, writeWorkflow } from "./operations";
import { writePurchase } from "./purchase";
import { HOUR, MINUTE, SECOND, type Random } from "./random";
import type { Writer } from "./writer";

export interface Window {
  startUs: number;
  endUs: number;
}

/** A start time in the window, weighted so traffic peaks mid-afternoon UTC and dips at night. */
export function pickTime(rand: Random, window: Window, tailUs = 0): number {
  const end = window.endUs - tailUs;
  for (;;) {
    const t = window.startUs + Math.floor(rand.float() * (end - window.startUs));
    const hour = (t / HOUR) % 24;
    if (rand.float() < 0.3 + 0.7 * (0.5 - 0.5 * Math.cos((2 * Math.PI * (hour - 3)) / 24))) return t;
  }
}

interface Step {
  stage: FunnelStage;
  at: number;
}

/**
 * One shopping session: a few product views, then each funnel step with a tier-dependent
 * chance of continuing. Steps are separate traces minutes apart, in order.
 */
function planSession(rand: Random, customer: Customer, window: Window): Step[] {
  const [toCart, toCheckout, toPurchase] = TIERS[customer.tier].convert;
  const steps: Step[] = [];
  let at = pickTime(rand, window, 30 * MINUTE);
  const views = rand.weighted([[1, 0.5], [2, 0.3], [3, 0.2]] as const);
  for (let i = 0; i < views; i++) {
    steps.push({ stage: "view", at });
    at += Math.round(rand.logNormal(40, 0.8) * SECOND);
  }
  const next: [FunnelStage, number, number][] = [
    ["cart", toCart, 90],
    ["checkout", toCheckout, 240],
    ["purchase", toPurchase, 60],
  ];
  for (const [stage, p, gapSeconds] of next) {
    if (!rand.chance(p)) break;
    at += Math.round(rand.logNormal(gapSeconds, 0.7) * SECOND);
    if (at >= window.endUs - 20 * SECOND) break;
    steps.push({ stage, at });
  }
  return steps;
}

export interface TrafficContext {
  w: Writer;
  window: Window;
  customers: Customer[];
  catalog: Product[];
  onTrace: () => Promise<void>;
}

/** Writes exactly `target` traces: funnel sessions, workflow runs and event handlers. */
export async function writeTraffic(ctx: TrafficContext, target: number): Promise<void> {
  const { w, window } = ctx;
  const rand = w.rand;
  let written = 0;
  const emit = async (write: () => void): Promise<boolean> => {
    if (written >= target) return false;
    write();
    written++;
    await ctx.onTrace();
    return true;
  };
  while (written < target) {
    const customer = rand.pick(ctx.customers);
    const r = rand.float();
    if (r < 0.2) {
      await emit(() => writeWorkflow(w, customer, pickTime(rand, window, 2 * MINUTE)));
    } else if (r < 0.4) {
      await emit(() => writeEventHandler(w, customer, pickTime(rand, window, 2 * MINUTE)));
    } else {
      await writeSession(ctx, customer, emit);
    }
  }
}

async function writeSession(ctx: TrafficContext, customer: Customer, emit: (write: () => void) => Promise<boolean>): Promise<void> {
  const rand = ctx.w.rand;
  const product = rand.pick(ctx.catalog);
  const extras = Array.from({ length: rand.weighted([[0, 0.5], [1, 0.3], [2, 0.15], [3, 0.05]] as const) }, () => rand.pick(ctx.catalog));
  const visit: Visit = {
    customer,
    sessionId: `sess-${rand.hex(12)}`,
    returning: rand.chance(0.55),
    product,
    cart: [product, ...extras.filter((p) => p.sku !== product.sku)],
    orderId: `ord-${rand.hex(10)}`,
  };
  const steps = planSession(rand, customer, ctx.window);
  for (const [i, step] of steps.entries()) {
    const w = ctx.w;
    switch (step.stage) {
      case "view": {
        // Shoppers browse a little; the last product viewed is the one that goes in the cart.
        const viewed = steps[i + 1]?.stage === "view" ? rand.pick(ctx.catalog) : product;
        if (!(await emit(() => writeView(w, { ...visit, product: viewed }, step.at)))) return;
        break;
      }
      case "cart":
        if (!(await emit(() => writeCart(w, visit, step.at)))) return;
        break;
      case "checkout":
        if (!(await emit(() => writeCheckout(w, visit, step.at)))) return;
        break;
      case "purchase": {
        let approved = false;
        if (!(await emit(() => (approved = writePurchase(w, visit, step.at, 1))))) return;
        // Some declined shoppers try again a minute or two later.
        const retryAt = step.at + Math.round(rand.logNormal(75, 0.5) * SECOND);
        if (!approved && rand.chance(0.45) && retryAt < ctx.window.endUs - 20 * SECOND) {
          await emit(() => writePurchase(w, visit, retryAt, 2));
        }
        break;
      }
    }
  }
}
