"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartSeries } from "@/lib/chart-data/series";
import { formatInteger } from "@/lib/format/count";

interface Props {
  series: ChartSeries[];
  shown: Set<string>;
  xTitle: string;
  format: (v: number | null) => string;
  tick: (v: number) => string;
  onDrill: (series: ChartSeries) => void;
}

const AXIS = { stroke: "var(--line)", tick: { fill: "var(--muted)", fontSize: 11 }, tickLine: false } as const;

/** Each group's measure over the whole range (percentiles from all its spans, not from buckets). */
export function TotalsChart({ series, shown, xTitle, format, tick, onDrill }: Props) {
  const rows = series.filter((s) => shown.has(s.key)).map((s) => ({ key: s.key, label: s.label, total: s.total, s }));
  const longest = Math.max(8, ...rows.map((r) => r.label.length));
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 30 + 48)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 48, bottom: 16, left: 8 }}>
        <CartesianGrid stroke="var(--line)" strokeDasharray="2 3" horizontal={false} />
        <XAxis type="number" {...AXIS} tickFormatter={tick} label={{ value: xTitle, position: "insideBottom", offset: -10, style: { fill: "var(--muted)", fontSize: 11 } }} />
        <YAxis type="category" dataKey="label" {...AXIS} width={Math.min(260, longest * 7 + 8)} tick={{ fill: "var(--fg)", fontSize: 11, fontFamily: "ui-monospace, monospace" }} />
        <Tooltip
          isAnimationActive={false}
          cursor={{ fill: "var(--hover)" }}
          content={({ active, payload }) => {
            const row = payload?.[0]?.payload as (typeof rows)[number] | undefined;
            if (!active || !row) return null;
            return (
              <div className="rounded-md border border-line bg-bg px-2.5 py-2 text-xs shadow-lg" data-testid="chart-tooltip">
                <p className="font-mono">{row.label}</p>
                <p className="font-mono text-muted">
                  {format(row.total)} · {formatInteger(row.s.count)} spans
                </p>
                <p className="mt-1 text-faint">Click the bar to open its traces</p>
              </div>
            );
          }}
        />
        <Bar dataKey="total" isAnimationActive={false} cursor="pointer" onClick={(d) => onDrill((d.payload as (typeof rows)[number]).s)} label={{ position: "right", fill: "var(--muted)", fontSize: 11, formatter: (v: unknown) => format(typeof v === "number" ? v : null) }}>
          {rows.map((r) => (
            <Cell key={r.key} fill={r.s.color} data-testid="total-bar" />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
