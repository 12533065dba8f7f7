"use client";

import { IntentLink as Link } from "@/components/ui/intent-link";
import { formatValue } from "@/lib/chart-data/measure";
import type { TierTotals } from "@/lib/chart-data/tiers";
import { formatInteger, formatPercent } from "@/lib/format/count";
import { formatDuration } from "@/lib/format/duration";

interface Props {
  totals: TierTotals[];
  colours: Map<string, string>;
  currency: string | null;
  /** The traces behind one figure of one tier (extra TraceQL conditions for the same span). */
  href: (tier: string, extra?: string[]) => string;
  /** Some requests were kept by sampling: the p95 is over the kept ones. */
  sampled?: boolean;
}

/** A bar behind the number, relative to the column's largest: comparisons at a glance. */
function Bar({ value, max, children, href }: { value: number; max: number; children: React.ReactNode; href: string }) {
  return (
    <td className="relative px-2 text-right font-mono">
      <span aria-hidden className="absolute inset-y-1 right-2 rounded-sm bg-selected" style={{ width: `calc(${max > 0 ? (value / max) * 100 : 0}% - 1rem)` }} />
      <Link href={href} className="relative hover:underline">{children}</Link>
    </td>
  );
}

/** Each tier over the whole range: requests, errors, p95, revenue, and revenue per request. */
export function TierScorecard({ totals, colours, currency, href, sampled = false }: Props) {
  const requests = totals.reduce((n, t) => n + t.requests, 0);
  const revenue = totals.reduce((n, t) => n + (t.revenue ?? 0), 0);
  const max = (f: (t: TierTotals) => number | null) => Math.max(0, ...totals.map((t) => f(t) ?? 0));
  const money = (v: number) => formatValue(v, currency ? "money" : "number", currency);
  const perRequest = (t: TierTotals) => (t.requests ? (t.revenue ?? 0) / t.requests : 0);
  const th = "h-7 px-2 text-right font-medium text-muted";
  return (
    <table className="w-full border-collapse text-[13px]" data-testid="tier-scorecard">
      <thead className="bg-panel">
        <tr className="border-b border-line">
          <th className="h-7 px-2 text-left font-medium text-muted">Tier</th>
          <th className={th}>Requests</th>
          <th className={th}>Error rate</th>
          <th className={th} title={`Exact: linear interpolation over every ${sampled ? "kept " : ""}request of the tier`}>p95 latency (exact)</th>
          <th className={th}>Revenue</th>
          <th className={th}>Revenue per request</th>
        </tr>
      </thead>
      <tbody>
        {totals.map((t) => (
          <tr key={t.tier} className="h-8 border-b border-line/60" data-testid="tier-row">
            <th scope="row" className="px-2 text-left font-mono font-medium">
              <span className="inline-flex items-center gap-1.5"><span aria-hidden className="size-2.5 rounded-sm" style={{ backgroundColor: colours.get(t.tier) }} />{t.tier}</span>
            </th>
            <Bar value={t.requests} max={max((x) => x.requests)} href={href(t.tier)}>
              {formatInteger(t.requests)} <span className="text-muted">({formatPercent(requests ? t.requests / requests : 0)})</span>
            </Bar>
            <Bar value={t.errorRate ?? 0} max={max((x) => x.errorRate)} href={href(t.tier, ["status = error"])}>{t.errorRate === null ? "—" : formatPercent(t.errorRate)}</Bar>
            <Bar value={t.p95Ms ?? 0} max={max((x) => x.p95Ms)} href={href(t.tier, t.p95Ms === null ? [] : [`duration >= ${Math.floor(t.p95Ms)}ms`])}>{t.p95Ms === null ? "—" : formatDuration(t.p95Ms)}</Bar>
            <Bar value={t.revenue ?? 0} max={max((x) => x.revenue)} href={href(t.tier, ["span.business.revenue_impact != nil"])}>
              {money(t.revenue ?? 0)} <span className="text-muted">({formatPercent(revenue ? (t.revenue ?? 0) / revenue : 0)})</span>
            </Bar>
            <Bar value={perRequest(t)} max={max(perRequest)} href={href(t.tier, ["span.business.revenue_impact != nil"])}>{money(perRequest(t))}</Bar>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
