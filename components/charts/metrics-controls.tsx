"use client";

import { MEASURE_FNS, measureText, needsArgument, PERCENTILE_METHOD, type MeasureSpec } from "@/lib/chart-data/measure";
import { STEP_CHOICES } from "@/lib/chart-data/range";
import { isKnownGroupKey } from "@/lib/chart-data/known-key";
import { AttrDatalist, AttrInput } from "./attr-input";
import type { AttributeKeyInfo } from "@/lib/contract";

const FN_LABEL: Record<string, string> = {
  count: "count", rate: "rate (per second)", errorRate: "error rate", avg: "avg", p50: "p50 (exact)", p90: "p90 (exact)",
  p95: "p95 (exact)", p99: "p99 (exact)", min: "min", max: "max", sum: "sum", countDistinct: "count distinct",
};
const INTRINSIC_GROUPS = ["service", "name", "status", "kind"];
const SELECT = "h-7 rounded-md border border-line bg-bg px-1.5 text-[13px]";

interface Props {
  spec: MeasureSpec;
  onMeasure: (text: string) => void;
  groupBy: string[];
  onGroupBy: (g: string[]) => void;
  step: string;
  onStep: (s: string) => void;
  top: number;
  onTop: (n: number) => void;
  keys: AttributeKeyInfo[];
  invalid: { measure?: boolean; groupBy?: boolean; step?: boolean };
  /** The TraceQL text says what to measure and group by (beyond what these can show): they are read-only. */
  locked?: boolean;
}

function labels(keys: AttributeKeyInfo[], numeric: boolean) {
  return keys
    .filter((k) => (k.scope === "span" || k.scope === "resource") && (!numeric || k.types.some((t) => t === "int" || t === "double")))
    .map((k) => `${k.scope}.${k.key}`);
}

/** Measure, group-bys, step and top-N: everything the chart asks besides the filter and range. */
export function MetricsControls({ spec, onMeasure, groupBy, onGroupBy, step, onStep, top, onTop, keys, invalid, locked = false }: Props) {
  const unknown = groupBy.filter((g) => g && !isKnownGroupKey(g, keys));
  const setGroup = (i: number, v: string) => {
    const next = [groupBy[0] ?? "", groupBy[1] ?? ""];
    next[i] = v;
    onGroupBy(next.filter(Boolean));
  };
  const ofList = spec.fn === "countDistinct" ? "attr-any" : "attr-numeric";
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <AttrDatalist id="attr-numeric" options={["duration", ...labels(keys, true)]} />
      <AttrDatalist id="attr-any" options={["trace", ...labels(keys, false)]} />
      <AttrDatalist id="attr-group" options={[...INTRINSIC_GROUPS, ...labels(keys, false)]} />
      <fieldset disabled={locked} className={`flex items-center gap-1.5 ${locked ? "opacity-60" : ""}`}>
        <legend className="sr-only">Measure</legend>
        <span className="text-muted">Measure</span>
        <select
          aria-label="Measure function"
          value={spec.fn}
          onChange={(e) => onMeasure(measureText({ fn: e.target.value as MeasureSpec["fn"], of: spec.of }))}
          className={`${SELECT} ${invalid.measure ? "border-error" : ""}`}
          title={spec.fn.startsWith("p") ? PERCENTILE_METHOD : undefined}
          data-testid="measure-fn"
        >
          {MEASURE_FNS.map((fn) => (
            <option key={fn} value={fn}>{FN_LABEL[fn]}</option>
          ))}
        </select>
        {needsArgument(spec.fn) && (
          <>
            <span className="text-faint">of</span>
            <AttrInput value={spec.of} onCommit={(of) => onMeasure(measureText({ fn: spec.fn, of }))} list={ofList} label="Measure of" placeholder="duration" invalid={invalid.measure} testId="measure-of" />
          </>
        )}
      </fieldset>
      <fieldset disabled={locked} className={`flex items-center gap-1.5 ${locked ? "opacity-60" : ""}`}>
        <legend className="sr-only">Group by</legend>
        <span className="text-muted">Group by</span>
        <AttrInput value={groupBy[0] ?? ""} onCommit={(v) => setGroup(0, v)} list="attr-group" label="Group by" placeholder="e.g. span.customer.tier" className="w-60" invalid={invalid.groupBy || unknown.includes(groupBy[0])} testId="group-by-0" />
        {(groupBy[0] || groupBy[1]) && (
          <AttrInput value={groupBy[1] ?? ""} onCommit={(v) => setGroup(1, v)} list="attr-group" label="Then by" placeholder="and by…" className="w-44" invalid={invalid.groupBy || unknown.includes(groupBy[1])} testId="group-by-1" />
        )}
        {unknown.length > 0 && (
          <span role="status" className="text-xs text-error" data-testid="unknown-group-by">
            No span has {unknown.join(", ")}: check the spelling and the scope (span. or resource.)
          </span>
        )}
      </fieldset>
      <label className="flex items-center gap-1.5">
        <span className="text-muted">Step</span>
        <select value={step} onChange={(e) => onStep(e.target.value)} className={`${SELECT} ${invalid.step ? "border-error" : ""}`} data-testid="step-select">
          <option value="">auto</option>
          {STEP_CHOICES.map((s) => (
            <option key={s} value={s}>{s}</option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1.5" title="Groups beyond these are summed into “other”">
        <span className="text-muted">Top</span>
        <select value={top} onChange={(e) => onTop(Number(e.target.value))} className={SELECT}>
          {[3, 5, 10].map((n) => (
            <option key={n} value={n}>{n} + other</option>
          ))}
        </select>
      </label>
    </div>
  );
}
