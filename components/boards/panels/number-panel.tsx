"use client";

import { useCsvRows } from "../panel-export";
import { useState } from "react";
import { useCurrency, useMetrics } from "@/components/charts/queries";
import type { NumberPanelQuery } from "@/lib/boards/types";
import { formatValue, parseMeasureText, valueKind } from "@/lib/chart-data/measure";
import { describeRange, isPinned } from "@/lib/chart-data/range";
import { metricsPanelQs, previousPeriod } from "@/lib/boards/panel-queries";
import type { PanelEnv } from "./panel-context";
import { PanelError, PanelLoading } from "./panel-states";
import type { MetricsResult } from "@/lib/contract";

const total = (r: MetricsResult | undefined) => r?.series[0]?.total ?? null;

/** `+12%`, `−3.4%`, or why there is no change to show. */
export function changeText(now: number | null, before: number | null): string {
  if (now === null || before === null) return "no data to compare";
  if (before === 0) return now === 0 ? "no change" : "new (nothing before)";
  const pct = ((now - before) / Math.abs(before)) * 100;
  const text = `${Math.abs(pct) >= 10 ? pct.toFixed(0) : pct.toFixed(1)}%`;
  return pct > 0 ? `+${text}` : pct < 0 ? `−${text.slice(1)}` : "no change";
}

/** One figure over the board's range ("revenue, last 24 h: $48.2k") and its change against the period before. */
export function NumberPanel({ query, env }: { query: NumberPanelQuery; env: PanelEnv }) {
  // A relative range is resolved once per mount, so the comparison period is stable between refetches.
  const [nowMs] = useState(() => Date.now());
  const q = { q: query.q, measure: query.measure };
  const current = useMetrics(metricsPanelQs(q, env.range, env.variables), { live: !isPinned(env.range) });
  const before = useMetrics(metricsPanelQs(q, previousPeriod(env.range, nowMs), env.variables));
  const spec = parseMeasureText(query.measure);
  const currency = useCurrency(spec);
  const data = current.data && before.data ? { now: current.data, before: before.data } : undefined;
  useCsvRows(() => data && [
    ["measure", "period_start", "period_end", "value"],
    [query.measure, new Date(data.now.startMs).toISOString(), new Date(data.now.endMs).toISOString(), total(data.now)],
    [query.measure, new Date(data.before.startMs).toISOString(), new Date(data.before.endMs).toISOString(), total(data.before)],
  ]);

  const error = current.error ?? before.error;
  if (error && !data) return <PanelError error={error} onRetry={() => void Promise.all([current.refetch(), before.refetch()])} />;
  if (!data) return <PanelLoading />;
  const value = total(data.now);
  const change = changeText(value, total(data.before));
  return (
    <div className="flex h-full flex-col justify-center gap-1" data-testid="number-panel">
      <p className="text-xs text-muted">{describeRange(env.range)}</p>
      <p className="font-mono text-3xl font-semibold tabular-nums" data-testid="number-value">
        {value === null ? "—" : formatValue(value, valueKind(spec, currency), currency)}
      </p>
      {/* Up is not always good (errors, latency), so the change is not coloured as if it were. */}
      <p className="text-xs text-muted" data-testid="number-change">
        <span className="font-medium text-fg">{change}</span> vs the period before
      </p>
    </div>
  );
}
