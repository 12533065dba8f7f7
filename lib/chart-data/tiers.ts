import { andConditions } from "./traceql";

/**
 * Tiers read best in their commercial order, not by traffic: free before enterprise.
 * Known ladders are ordered by rank; anything else by name.
 */
const LADDERS = [
  ["free", "trial", "hobby", "starter", "basic", "standard", "team", "pro", "premium", "business", "enterprise"],
  ["bronze", "silver", "gold", "platinum", "diamond"],
];

function rank(tier: string): number {
  const t = tier.toLowerCase();
  for (const ladder of LADDERS) {
    const i = ladder.indexOf(t);
    if (i !== -1) return i;
  }
  return Number.POSITIVE_INFINITY;
}

export function orderTiers(tiers: string[]): string[] {
  return [...tiers].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The four figures of one tier over the whole range. */
export interface TierTotals {
  tier: string;
  requests: number;
  errorRate: number | null;
  p95Ms: number | null;
  revenue: number | null;
}

export interface TierInsight {
  /** Which figure it is about, so the page can point at the matching chart. */
  about: "revenue" | "latency" | "errors";
  tier: string;
  text: string;
}

const pct = (r: number) => `${Math.round(r * 100)}%`;

/**
 * Two or three sentences that say what the charts show: who brings the revenue for how
 * much of the traffic, who waits longest, who fails most. Formatting is passed in so the
 * page's money and duration formats are used.
 */
export function tierInsights(
  rows: TierTotals[],
  fmt: { duration: (ms: number) => string; money: (v: number) => string; percent: (r: number) => string },
): TierInsight[] {
  const out: TierInsight[] = [];
  const requests = rows.reduce((n, r) => n + r.requests, 0);
  const revenue = rows.reduce((n, r) => n + (r.revenue ?? 0), 0);
  if (requests > 0 && revenue > 0) {
    const top = [...rows].sort((a, b) => (b.revenue ?? 0) - (a.revenue ?? 0))[0];
    const perRequest = (r: TierTotals) => (r.requests ? (r.revenue ?? 0) / r.requests : 0);
    const low = [...rows].filter((r) => r.requests > 0).sort((a, b) => perRequest(a) - perRequest(b))[0];
    let text = `${top.tier} brings ${pct((top.revenue ?? 0) / revenue)} of revenue (${fmt.money(top.revenue ?? 0)}) from ${pct(top.requests / requests)} of requests`;
    if (low && low.tier !== top.tier) text += `: ${fmt.money(perRequest(top))} per request, against ${fmt.money(perRequest(low))} for ${low.tier}`;
    out.push({ about: "revenue", tier: top.tier, text: `${text}.` });
  }
  const timed = rows.filter((r) => r.p95Ms !== null && r.requests > 0);
  if (timed.length >= 2) {
    const bySpeed = [...timed].sort((a, b) => (b.p95Ms ?? 0) - (a.p95Ms ?? 0));
    const slow = bySpeed[0];
    const fast = bySpeed[bySpeed.length - 1];
    const ratio = (slow.p95Ms ?? 0) / Math.max(fast.p95Ms ?? 0, 1e-9);
    if (ratio >= 1.1) {
      out.push({
        about: "latency",
        tier: slow.tier,
        text: `${slow.tier} waits longest: p95 ${fmt.duration(slow.p95Ms ?? 0)}, ${ratio.toFixed(1)}× ${fast.tier} (${fmt.duration(fast.p95Ms ?? 0)}).`,
      });
    }
  }
  const failing = rows.filter((r) => r.errorRate !== null && r.requests > 0).sort((a, b) => (b.errorRate ?? 0) - (a.errorRate ?? 0));
  if (failing.length >= 2 && (failing[0].errorRate ?? 0) > 0) {
    const best = failing[failing.length - 1];
    out.push({
      about: "errors",
      tier: failing[0].tier,
      text: `${failing[0].tier} sees the most errors: ${fmt.percent(failing[0].errorRate ?? 0)} of requests, against ${fmt.percent(best.errorRate ?? 0)} for ${best.tier}.`,
    });
  }
  return out;
}

/** The filter for a tier view: root spans (requests) that carry the attribute. */
export function tierFilter(attrLabel: string): string {
  return `{ ${attrLabel} != nil && span:parentID = nil }`;
}

export const TIER_MEASURES = {
  requests: "count",
  errorRate: "errorRate",
  p95: "p95(duration)",
  revenue: "sum(span.business.revenue_impact)",
} as const;
export type TierMeasure = keyof typeof TIER_MEASURES;

/** `customer.tier` -> `span.customer.tier`; scoped (`resource.x`) and unscoped (`.x`) kept. */
export function tierLabel(attr: string): string {
  const a = attr.trim() || "customer.tier";
  return /^(span|resource)?\./.test(a) ? a : `span.${a}`;
}

const TIER_STEPS: [string, number][] = [["1m", 60_000], ["5m", 300_000], ["15m", 900_000], ["1h", 3_600_000], ["3h", 10_800_000], ["6h", 21_600_000], ["1d", 86_400_000]];

/**
 * A coarse step (about 36 buckets at most): a tier sees a few requests a minute, and an
 * error rate or p95 over a handful of requests is noise. The chart builder keeps fine steps.
 */
export function tierStep(rangeMs: number): string {
  const ideal = rangeMs / 36;
  return (TIER_STEPS.find(([, ms]) => ms >= ideal) ?? TIER_STEPS[TIER_STEPS.length - 1])[0];
}

/** The four metrics queries of the tier view, as API query strings (also their cache keys). */
export function tierQueries(attr: string, range: Record<string, string>, rangeMs: number, extra: string[] = []): Record<TierMeasure, string> {
  const label = tierLabel(attr);
  const step = tierStep(rangeMs);
  const entries = Object.entries(TIER_MEASURES).map(([k, measure]) => {
    const p = new URLSearchParams({ q: extra.length ? andConditions(tierFilter(label), extra) : tierFilter(label), measure, groupBy: label, ...range, step });
    return [k, p.toString()];
  });
  return Object.fromEntries(entries) as Record<TierMeasure, string>;
}
