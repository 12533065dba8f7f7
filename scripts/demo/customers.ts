import type { Attributes } from "@opentelemetry/api";
import { double, type Random } from "./random";

export type Tier = "free" | "standard" | "premium" | "enterprise";

export interface TierProfile {
  share: number;
  /** Probability of moving on: view -> cart, cart -> checkout, checkout -> purchase. */
  convert: [number, number, number];
  /** Multiplier on every latency the tier's requests see (dedicated capacity for big accounts). */
  latency: number;
  /** Median of the fraud check inside payment: free-tier payments queue for manual-risk scoring. */
  fraudCheckMs: number;
  declineRate: number;
  lifetimeValue: [number, number];
}

export const TIERS: Record<Tier, TierProfile> = {
  free: { share: 0.45, convert: [0.3, 0.45, 0.55], latency: 1.35, fraudCheckMs: 900, declineRate: 0.12, lifetimeValue: [0, 180] },
  standard: { share: 0.3, convert: [0.4, 0.55, 0.7], latency: 1, fraudCheckMs: 140, declineRate: 0.07, lifetimeValue: [150, 1500] },
  premium: { share: 0.17, convert: [0.5, 0.65, 0.82], latency: 0.8, fraudCheckMs: 110, declineRate: 0.05, lifetimeValue: [1200, 9000] },
  enterprise: { share: 0.08, convert: [0.72, 0.86, 0.93], latency: 0.55, fraudCheckMs: 60, declineRate: 0.02, lifetimeValue: [8000, 250000] },
};

export interface Customer {
  id: string;
  userId: string;
  tier: Tier;
  lifetimeValue: number;
}

export function makeCustomers(rand: Random, count: number): Customer[] {
  const tiers = Object.entries(TIERS).map(([tier, p]) => [tier as Tier, p.share] as const);
  return Array.from({ length: count }, (_, i) => {
    const tier = rand.weighted(tiers);
    const [lo, hi] = TIERS[tier].lifetimeValue;
    return {
      id: `cust-${(10_000 + i * 7).toString()}`,
      userId: `u-${rand.hex(8)}`,
      tier,
      lifetimeValue: double(lo + (hi - lo) * rand.float() ** 2),
    };
  });
}

export function customerAttributes(c: Customer): Attributes {
  return {
    "customer.id": c.id,
    "customer.tier": c.tier,
    "customer.lifetime_value": c.lifetimeValue,
    "user.id": c.userId,
  };
}

export interface Product {
  sku: string;
  name: string;
  category: string;
  price: number;
}

const CATEGORIES = ["audio", "home", "outdoor", "books", "kitchen", "apparel"] as const;
const NOUNS = ["Headphones", "Lamp", "Tent", "Notebook", "Kettle", "Jacket", "Speaker", "Mug", "Backpack", "Blender"];
const ADJECTIVES = ["Classic", "Pro", "Compact", "Deluxe", "Eco", "Ultra"];

export function makeCatalog(rand: Random, count: number): Product[] {
  return Array.from({ length: count }, (_, i) => ({
    sku: `SKU-${1001 + i}`,
    name: `${rand.pick(ADJECTIVES)} ${rand.pick(NOUNS)}`,
    category: rand.pick(CATEGORIES),
    // Prices end in .99/.49/.00-ish like real shelves; double() keeps them doubles.
    price: double(Math.max(4, Math.round(rand.logNormal(45, 0.8))) - rand.pick([0.01, 0.51, 0.05])),
  }));
}
