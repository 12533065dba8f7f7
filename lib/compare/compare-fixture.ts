/**
 * A fixture where the answer is known. Slow spans (800 ms) are mostly region ap-south,
 * which is rare among fast ones (50 ms): by span count, `region` separates them best
 * (0.9 vs 0.05). Revenue sits elsewhere: the only slow spans that carry any are the
 * us-east card payments, and the fast spans' revenue is on us-east wallet payments, so
 * weighted by `business.revenue_impact` the regions look alike and `payment.method`
 * separates the two completely. `request.bytes` has many values, alike on both sides.
 */
export interface CompareFixtureSpan {
  slow: boolean;
  region: string;
  payment?: string;
  revenue?: number;
  bytes: number;
}

export const COMPARE_SLOW_MS = 800;
export const COMPARE_FAST_MS = 50;

export function compareFixture(): CompareFixtureSpan[] {
  const out: CompareFixtureSpan[] = [];
  // Deterministic "random" sizes, spread alike over both sides.
  const bytes = (i: number) => (i * 7919) % 1000;
  for (let i = 0; i < 100; i++) {
    out.push(i < 90
      ? { slow: true, region: "ap-south", bytes: bytes(i) }
      : { slow: true, region: "us-east", payment: "card", revenue: 100, bytes: bytes(i) });
  }
  for (let i = 0; i < 300; i++) {
    const region = i < 15 ? "ap-south" : "us-east";
    out.push(i >= 270 ? { slow: false, region, payment: "wallet", revenue: 100, bytes: bytes(i + 100) } : { slow: false, region, bytes: bytes(i + 100) });
  }
  return out;
}
