import { isPinned, rangeParams, type ChartRange } from "./range";
import { traceqlField, valueCondition } from "./traceql";
import type { FunnelResult, FunnelStepResult } from "@/lib/contract";

export const MIN_STEPS = 2;
export const MAX_STEPS = 10;
export const WINDOW_CHOICES = ["5m", "30m", "1h", "6h", "1d", "7d"] as const;
export const ENTITY_SUGGESTIONS = ["trace", "span.user.id", "span.session.id", "span.customer.id"];

/** What the funnel API takes (and what a saved funnel stores as its definition). */
export interface FunnelDefinition {
  steps: string[];
  by: string;
  window: string;
  since?: string;
  start?: number;
  end?: number;
  breakdown?: string | null;
}

export interface FunnelForm {
  steps: string[];
  by: string;
  window: string;
  range: ChartRange;
  breakdown: string;
}

/** The form as the API body: blank steps are dropped, the range is relative or pinned. */
export function toDefinition(f: FunnelForm): FunnelDefinition {
  const def: FunnelDefinition = { steps: f.steps.map((s) => s.trim()).filter(Boolean), by: f.by.trim() || "trace", window: f.window };
  const r = rangeParams(f.range);
  if (isPinned(f.range)) Object.assign(def, { start: Number(r.start), end: Number(r.end) });
  else def.since = r.since;
  if (f.breakdown.trim()) def.breakdown = f.breakdown.trim();
  return def;
}

/** A saved definition back into the form (times as unix seconds or RFC 3339 both accepted). */
export function fromDefinition(d: FunnelDefinition, fallbackSince: string): FunnelForm {
  const seconds = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" ? (/^\d+(\.\d+)?$/.test(v) ? Number(v) : Date.parse(v) / 1000) : NaN);
  const start = seconds(d.start);
  const end = seconds(d.end);
  const range: ChartRange = Number.isFinite(start) && Number.isFinite(end) && end > start ? { start: Math.floor(start), end: Math.ceil(end) } : { since: d.since ?? fallbackSince };
  return { steps: d.steps, by: d.by ?? "trace", window: d.window ?? "1d", range, breakdown: d.breakdown ?? "" };
}

/** A short name for a step: its TraceQL without braces and the `span.` prefix. */
export function stepName(q: string): string {
  const inner = q.trim().replace(/^\{\s*/, "").replace(/\s*\}$/, "");
  // The scope stays: `.x` (either scope) and `span.x` are different queries.
  const short = inner.replace(/\s+/g, " ");
  return short.length > 48 ? `${short.slice(0, 47)}…` : short || q;
}

/** One step per value of an attribute, in the given order: `{ span.funnel.stage = "view" }`. */
export function stepsFromValues(label: string, values: string[], types?: string[]): string[] {
  const field = traceqlField(label);
  return values.slice(0, MAX_STEPS).map((v) => `{ ${valueCondition(field, v, types)} }`);
}

export interface FunnelRow extends FunnelStepResult {
  index: number;
  name: string;
  /** Entities lost between the previous step and this one (0 for the first step). */
  lostBefore: number;
}

export function funnelRows(steps: string[], result: FunnelResult): FunnelRow[] {
  return result.steps.map((s, i) => ({
    ...s,
    index: i,
    name: stepName(steps[i] ?? `step ${i + 1}`),
    lostBefore: i === 0 ? 0 : Math.max(0, result.steps[i - 1].count - s.count),
  }));
}

export type BreakdownRow = { step: string; index: number } & Record<string, number | string>;

/** Grouped bars: one row per step, one key per breakdown value, as counts or share of step 1. */
export function breakdownRows(steps: string[], result: FunnelResult, asShare: boolean): { rows: BreakdownRow[]; keys: string[] } {
  const groups = result.breakdown ?? [];
  const keys = groups.map((g) => g.value ?? "(no value)");
  const rows = result.steps.map((_, i) => {
    const row: BreakdownRow = { step: `${i + 1}. ${stepName(steps[i] ?? "")}`, index: i };
    groups.forEach((g, j) => {
      const s = g.steps[i];
      row[keys[j]] = asShare ? (i === 0 ? (s.count ? 1 : 0) : s.conversionFromFirst ?? 0) : s.count;
    });
    return row;
  });
  return { rows, keys };
}

/** `{ steps[1]: ... }` errors name the step; the editor marks that one. */
export function erroredStep(message: string): number | null {
  const m = /^(?:definition\.)?steps\[(\d+)\]/.exec(message);
  return m ? Number(m[1]) : null;
}
