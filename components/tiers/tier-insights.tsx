import type { TierInsight } from "@/lib/chart-data/tiers";

const MARK: Record<TierInsight["about"], string> = { revenue: "$", latency: "◷", errors: "!" };

/** The story of the charts in two or three sentences, each tier in its colour. */
export function TierInsights({ insights, colours }: { insights: TierInsight[]; colours: Map<string, string> }) {
  if (insights.length === 0) return null;
  return (
    <ul className="flex flex-col gap-1 rounded-md border border-line bg-panel px-3 py-2" aria-label="What the charts show" data-testid="tier-insights">
      {insights.map((i) => (
        <li key={i.about} className="flex items-baseline gap-2">
          <span aria-hidden className="w-3 shrink-0 text-center font-mono text-muted">{MARK[i.about]}</span>
          <span>
            <span aria-hidden className="mr-1 inline-block size-2 rounded-sm" style={{ backgroundColor: colours.get(i.tier) }} />
            {i.text}
          </span>
        </li>
      ))}
    </ul>
  );
}
