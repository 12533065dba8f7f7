"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ViewTabs } from "@/components/charts/view-tabs";
import { breakdownRows, type BreakdownRow } from "@/lib/chart-data/funnel";
import { toChartSeries } from "@/lib/chart-data/series";
import { orderTiers } from "@/lib/chart-data/tiers";
import { formatCount, formatPercent } from "@/lib/format/count";
import type { FunnelResult } from "@/lib/contract";

interface Props {
  steps: string[];
  result: FunnelResult;
  breakdown: string;
  show: "count" | "share";
  onShow: (v: "count" | "share") => void;
}

const AXIS = { stroke: "var(--line)", tick: { fill: "var(--muted)", fontSize: 11 }, tickLine: false } as const;

/**
 * The funnel per breakdown value, as grouped bars. "% of step 1" puts groups of different
 * sizes on one scale, which is what comparing conversion needs.
 */
export function BreakdownChart({ steps, result, breakdown, show, onShow }: Props) {
  const share = show === "share";
  const { rows, keys } = breakdownRows(steps, result, share);
  const ordered = orderTiers(keys);
  // The same colouring as the metrics charts, so a value looks the same everywhere.
  const colours = new Map(toChartSeries({ series: ordered.map((k) => ({ group: { [breakdown]: k }, points: [], total: null, count: 0 })) }, [breakdown]).map((s) => [s.label, s.color]));
  const fmt = (v: number) => (share ? formatPercent(v) : formatCount(v));
  return (
    <section className="flex flex-col gap-2" aria-label={`Funnel by ${breakdown}`} data-testid="breakdown-chart">
      <div className="flex items-center justify-between">
        <h3 className="text-[13px] font-semibold">By <span className="font-mono">{breakdown}</span></h3>
        <ViewTabs value={show} labels={{ count: "Entities", share: "% of step 1" }} onChange={onShow} />
      </div>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="var(--line)" strokeDasharray="2 3" vertical={false} />
          <XAxis dataKey="step" {...AXIS} interval={0} tickFormatter={(s: string) => (s.length > 24 ? `${s.slice(0, 23)}…` : s)} />
          <YAxis {...AXIS} width={56} tickFormatter={fmt} domain={share ? [0, 1] : [0, "auto"]} />
          <Tooltip
            isAnimationActive={false}
            cursor={{ fill: "var(--hover)" }}
            content={({ active, payload }) => {
              const row = payload?.[0]?.payload as BreakdownRow | undefined;
              if (!active || !row) return null;
              const items = ordered.map((k) => ({ k, v: Number(row[k] ?? 0) })).sort((a, b) => b.v - a.v);
              return (
                <div className="rounded-md border border-line bg-bg px-2.5 py-2 text-xs shadow-lg">
                  <p className="mb-1 font-mono text-muted">{row.step}</p>
                  {items.map(({ k, v }) => (
                    <p key={k} className="flex justify-between gap-4 font-mono">
                      <span className="inline-flex items-center gap-1.5"><span className="size-2 rounded-sm" style={{ backgroundColor: colours.get(k) }} />{k}</span>
                      {fmt(v)}
                    </p>
                  ))}
                </div>
              );
            }}
          />
          {ordered.map((k) => (
            <Bar key={k} dataKey={(r: BreakdownRow) => r[k]} name={k} fill={colours.get(k)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <ul className="flex flex-wrap gap-3 text-xs" aria-label="Breakdown values">
        {ordered.map((k) => (
          <li key={k} className="inline-flex items-center gap-1.5 font-mono"><span aria-hidden className="h-2 w-3 rounded-sm" style={{ backgroundColor: colours.get(k) }} />{k}</li>
        ))}
      </ul>
    </section>
  );
}
