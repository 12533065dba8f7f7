"use client";

import { useCsvRows } from "../panel-export";
import { TierScorecard } from "@/components/tiers/tier-scorecard";
import { useTierData } from "@/components/tiers/tier-data";
import type { TiersPanelQuery } from "@/lib/boards/types";
import { variableConditions } from "@/lib/boards/variables";
import { tracesHref } from "@/lib/chart-data/drill";
import { tierFilter } from "@/lib/chart-data/tiers";
import type { PanelEnv } from "./panel-context";
import { PanelError, PanelLoading } from "./panel-states";

/** The customer-tier scorecard: requests, errors, p95 and revenue per tier. */
export function TiersPanel({ query, env }: { query: TiersPanelQuery; env: PanelEnv }) {
  const extra = variableConditions(env.variables);
  const data = useTierData(query.attr ?? "customer.tier", env.range, extra);
  useCsvRows(() => data.ready ? [["tier", "requests", "error_rate", "p95_ms", "revenue"], ...data.totals.map((t) => [t.tier, t.requests, t.errorRate, t.p95Ms, t.revenue])] : null);
  if (data.error && !data.ready) return <PanelError error={data.error} />;
  if (!data.ready) return <PanelLoading />;
  if (data.totals.length === 0) return <p className="text-muted">No spans carry {query.attr ?? "customer.tier"} in this range.</p>;
  const filter = tierFilter(data.label);
  return (
    <TierScorecard
      totals={data.totals}
      colours={data.colours}
      currency={data.currency}
      sampled={data.minSampleRate < 1}
      href={(tier, more = []) => tracesHref({ filter, extra: [...extra, ...more], series: data.charts.requests?.series.find((s) => s.key === tier), range: env.range })}
    />
  );
}
