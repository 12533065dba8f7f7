"use client";

import { Area, Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ActiveDotProps } from "recharts";
import type { ChartRow, ChartSeries } from "@/lib/chart-data/series";
import { SeriesTooltip } from "./series-tooltip";
import { axisTime, roundTimeTicks } from "./time-format";

export type TimeChartKind = "line" | "area" | "bar";

interface Props {
  kind: TimeChartKind;
  rows: ChartRow[];
  series: ChartSeries[];
  shown: Set<string>;
  stepMs: number;
  yTitle: string;
  format: (v: number | null) => string;
  tick: (v: number) => string;
  onDrill: (series: ChartSeries, t: number) => void;
  height?: number;
  /** Stack series (counts and sums add up; percentiles and rates of errors do not). */
  stack?: boolean;
}

const AXIS = { stroke: "var(--line)", tick: { fill: "var(--muted)", fontSize: 11 }, tickLine: false } as const;

/**
 * A measure over time: lines, areas or stacked bars, one series per group. A click on a
 * bar or on a point (the dot under the cursor) opens the traces behind it.
 */
export function TimeSeriesChart({ kind, rows, series, shown, stepMs, yTitle, format, tick, onDrill, height = 280, stack = true }: Props) {
  const spanMs = rows.length ? rows[rows.length - 1].t + stepMs - rows[0].t : 0;
  const visible = series.filter((s) => shown.has(s.key));
  const value = (s: ChartSeries) => (row: ChartRow) => row[s.key] ?? null;
  // A larger invisible ring makes the point easy to hit; the click must not also reach the chart.
  const dot = (s: ChartSeries) =>
    function ClickableDot(p: ActiveDotProps) {
      if (p.cx === undefined || p.cy === undefined) return null;
      const t = (p.payload as ChartRow).t;
      return (
        <g style={{ cursor: "pointer" }} onClick={(e) => (e.stopPropagation(), onDrill(s, t))} data-testid="chart-point">
          <circle cx={p.cx} cy={p.cy} r={10} fill="transparent" />
          <circle cx={p.cx} cy={p.cy} r={4} fill={s.color} stroke="var(--bg)" strokeWidth={1.5} />
        </g>
      );
    };
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 8 }} barCategoryGap={1}>
        <CartesianGrid stroke="var(--line)" strokeDasharray="2 3" vertical={false} />
        <XAxis dataKey="t" {...AXIS} ticks={roundTimeTicks(rows.map((r) => r.t))} tickFormatter={(t: number) => axisTime(t, spanMs)} minTickGap={24} />
        <YAxis
          {...AXIS}
          width={72}
          tickFormatter={tick}
          label={{ value: yTitle, angle: -90, position: "insideLeft", style: { fill: "var(--muted)", fontSize: 11, textAnchor: "middle" }, dx: -2, dy: 0 }}
        />
        <Tooltip
          isAnimationActive={false}
          cursor={kind === "bar" ? { fill: "var(--hover)" } : { stroke: "var(--faint)" }}
          content={(p) => (
            <SeriesTooltip {...p} series={visible} shown={shown} stepMs={stepMs} format={format} hint={kind === "bar" ? "Click a bar to open its traces" : "Click a dot to open its traces"} />
          )}
        />
        {visible.map((s) => {
          const common = { dataKey: value(s), name: s.label, isAnimationActive: false };
          if (kind === "bar") {
            return (
              <Bar
                key={s.key}
                {...common}
                stackId={stack ? "all" : undefined}
                fill={s.color}
                cursor="pointer"
                onClick={(d) => onDrill(s, (d.payload as ChartRow).t)}
                data-testid="chart-bar"
              />
            );
          }
          if (kind === "area") {
            return <Area key={s.key} {...common} type="linear" stackId={stack ? "all" : undefined} stroke={s.color} fill={s.color} fillOpacity={0.25} activeDot={dot(s)} strokeDasharray={s.isOther ? "4 3" : undefined} />;
          }
          return <Line key={s.key} {...common} type="linear" stroke={s.color} strokeWidth={1.5} dot={false} activeDot={dot(s)} strokeDasharray={s.isOther ? "4 3" : undefined} />;
        })}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
