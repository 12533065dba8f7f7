"use client";

import { useEffect } from "react";
import { TierScorecard } from "@/components/tiers/tier-scorecard";
import { useTierData } from "@/components/tiers/tier-data";
import type { TiersPanelQuery } from "@/lib/boards/types";
import { variableConditions } from "@/lib/boards/variables";
import { tracesHref } from "@/lib/chart-data/drill";
import { tierFilter, type TierTotals } from "@/lib/chart-data/tiers";
import type { PanelEnv } from "./panel-context";
import { PanelError, PanelLoading } from "./panel-states";

interface FrozenTiers {
  totals: TierTotals[];
  colours: [string, string][];
  currency: string | null;
  sampled: boolean;
}

/** The customer-tier scorecard: requests, errors, p95 and revenue per tier. */
export function TiersPanel({ query, env }: { query: TiersPanelQuery; env: PanelEnv }) {
  const frozen = env.frozen as FrozenTiers | undefined;
  const extra = variableConditions(env.variables);
  const data = useTierData(query.attr ?? "customer.tier", env.range, extra, !frozen);
  const live: FrozenTiers | undefined = data.ready
    ? { totals: data.totals, colours: [...data.colours], currency: data.currency, sampled: data.minSampleRate < 1 }
    : undefined;
  const shown = frozen ?? live;
  const { onData } = env;
  const ready = data.ready;
  useEffect(() => {
    if (ready && live && onData) onData(live);
    // Once per load: the totals are rebuilt each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, onData]);
  if (!frozen && data.error) return <PanelError error={data.error} />;
  if (!shown) return <PanelLoading />;
  if (shown.totals.length === 0) return <p className="text-muted">No spans carry {query.attr ?? "customer.tier"} in this range.</p>;
  const filter = tierFilter(data.label);
  return (
    <TierScorecard
      totals={shown.totals}
      colours={new Map(shown.colours)}
      currency={shown.currency}
      sampled={shown.sampled}
      href={(tier, more = []) => tracesHref({ filter, extra: [...extra, ...more], series: data.charts.requests?.series.find((s) => s.key === tier), range: env.range })}
    />
  );
}
