"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatPercent } from "@/lib/format/count";
import type { FunnelRow } from "@/lib/chart-data/funnel";
import { wrapLabel } from "@/lib/format/wrap-label";

interface Props {
  rows: FunnelRow[];
  entity: string;
  /** A click on a step's bar: its traces. */
  onStep: (index: number) => void;
  /** A click on the lost part above step i: who stopped after step i - 1. */
  onDropOff: (fromStep: number) => void;
}

const AXIS = { stroke: "var(--line)", tick: { fill: "var(--muted)", fontSize: 11 }, tickLine: false } as const;
/** Monospace 11 px: about this many pixels per character. */
const CHAR_PX = 6.7;
function StepTick(props: { x?: number | string; y?: number | string; width?: number | string; payload?: { value: string }; count: number }) {
  const band = Number(props.width ?? 0) / Math.max(1, props.count);
  const lines = wrapLabel(props.payload?.value ?? "", Math.max(8, Math.floor((band - 8) / CHAR_PX)));
  return (
    <text x={Number(props.x)} y={Number(props.y) + 4} textAnchor="middle" fill="var(--fg)" fontSize={11} fontFamily="ui-monospace, monospace">
      <title>{props.payload?.value}</title>
      {lines.map((l, i) => <tspan key={i} x={Number(props.x)} dy={i === 0 ? "0.71em" : "1.2em"}>{l}</tspan>)}
    </text>
  );
}

/** Entities per step, with the ones lost since the previous step stacked above in grey. */
export function FunnelChart({ rows, entity, onStep, onDropOff }: Props) {
  const data = rows.map((r) => ({ ...r, label: `${r.index + 1}. ${r.name}`, share: r.index === 0 ? null : r.conversionFromFirst }));
  return (
    <ResponsiveContainer width="100%" height={270}>
      <BarChart data={data} margin={{ top: 18, right: 12, bottom: 0, left: 8 }} barCategoryGap="22%">
        <CartesianGrid stroke="var(--line)" strokeDasharray="2 3" vertical={false} />
        <XAxis dataKey="label" {...AXIS} interval={0} height={46} tick={(p: object) => <StepTick {...p} count={data.length} />} />
        <YAxis {...AXIS} width={64} tickFormatter={(v: number) => formatCount(v)} label={{ value: `${entity === "trace" ? "traces" : entity} reaching the step`, angle: -90, position: "insideLeft", style: { fill: "var(--muted)", fontSize: 11, textAnchor: "middle" } }} />
        <Tooltip
          isAnimationActive={false}
          cursor={{ fill: "var(--hover)" }}
          content={({ active, payload }) => {
            const r = payload?.[0]?.payload as (typeof data)[number] | undefined;
            if (!active || !r) return null;
            return (
              <div className="rounded-md border border-line bg-bg px-2.5 py-2 text-xs shadow-lg" data-testid="chart-tooltip">
                <p className="font-mono">{r.index + 1}. {r.name}</p>
                <p className="font-mono">{formatCount(r.count)} reached it{r.index > 0 && ` · ${formatPercent(r.conversionFromPrevious ?? 0)} of the previous step`}</p>
                {r.index > 0 && <p className="font-mono text-muted">{formatCount(r.lostBefore)} stopped after step {r.index}</p>}
                <p className="mt-1 text-faint">Click the bar for its traces{r.index > 0 ? ", the grey part for who stopped" : ""}</p>
              </div>
            );
          }}
        />
        <Bar dataKey="count" stackId="f" fill="var(--accent)" isAnimationActive={false} cursor="pointer" onClick={(d) => onStep((d.payload as FunnelRow).index)}>
          <LabelList dataKey="share" position="insideTop" fill="var(--bg)" fontSize={11} formatter={(v: unknown) => (typeof v === "number" ? formatPercent(v) : "")} />
          {/* Each count sits on its own bar's top, inside the grey lost part stacked above it:
              a label on the stack's top would stand at the previous step's height. */}
          <LabelList
            dataKey="count"
            content={(p) => (typeof p.value === "number" ? (
              <text x={Number(p.x) + Number(p.width) / 2} y={Number(p.y) - 6} textAnchor="middle" fill="var(--fg)" fontSize={11}>{formatCount(p.value)}</text>
            ) : null)}
          />
        </Bar>
        <Bar dataKey="lostBefore" stackId="f" fill="var(--faint)" fillOpacity={0.35} isAnimationActive={false} cursor="pointer" onClick={(d) => {
          const r = d.payload as FunnelRow;
          if (r.index > 0) onDropOff(r.index - 1);
        }} />
      </BarChart>
    </ResponsiveContainer>
  );
}
