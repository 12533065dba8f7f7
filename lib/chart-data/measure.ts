import { formatCount, formatPercent } from "@/lib/format/count";
import { formatDuration } from "@/lib/format/duration";
import { formatMoney } from "@/lib/format/money";

/** The measures the chart builder offers, in the order the picker lists them. */
export const MEASURE_FNS = ["count", "rate", "errorRate", "avg", "p50", "p90", "p95", "p99", "min", "max", "sum", "countDistinct"] as const;
export type MeasureFn = (typeof MEASURE_FNS)[number];

const NO_ARG = new Set<string>(["count", "rate", "errorRate"]);
const PERCENTILES = new Set<string>(["p50", "p90", "p95", "p99"]);

/** What the picker edits: a function and what it is of (`duration`, `trace`, an attribute). */
export interface MeasureSpec {
  fn: MeasureFn;
  of: string;
}

export function needsArgument(fn: string): boolean {
  return !NO_ARG.has(fn);
}

/** `p95(duration)` -> `{ fn: "p95", of: "duration" }`; unknown text falls back to count. */
export function parseMeasureText(text: string): MeasureSpec {
  const t = text.trim();
  const m = /^([A-Za-z0-9]+)(?:\((.*)\))?$/.exec(t);
  const fn = (MEASURE_FNS as readonly string[]).includes(m?.[1] ?? "") ? (m![1] as MeasureFn) : "count";
  if (!needsArgument(fn)) return { fn, of: "" };
  return { fn, of: (m?.[2] ?? "").trim() || (fn === "countDistinct" ? "trace" : "duration") };
}

export function measureText(spec: MeasureSpec): string {
  if (!needsArgument(spec.fn)) return spec.fn;
  const of = spec.of.trim() || (spec.fn === "countDistinct" ? "trace" : "duration");
  // sum(duration) is refused by the API; an empty or duration sum means nothing useful.
  return `${spec.fn}(${spec.fn === "sum" && of === "duration" ? "span.business.revenue_impact" : of})`;
}

export type ValueKind = "duration" | "percent" | "rate" | "count" | "money" | "number";

const MONEY_LEAF = /(revenue|amount|price|cost|total|value|spend|refund)/i;

/** The key whose currency a money measure would take (`span.business.revenue_impact`). */
export function moneyKey(spec: MeasureSpec): string | null {
  if (!["sum", "avg", "min", "max", "p50", "p90", "p95", "p99"].includes(spec.fn)) return null;
  const key = spec.of.replace(/^(span|resource)?\./, "");
  if (spec.of === "duration" || !MONEY_LEAF.test(key.slice(key.lastIndexOf(".") + 1))) return null;
  return key;
}

// A customer's lifetime value or an account balance is a level, not a flow: summing it over
// every span that repeats it counts the same money once per request.
const LEVEL_KEY = /(lifetime|ltv|balance|limit|remaining|budget)/i;

/** Whether a sum of this money key means something (revenue, refunds), or it is a level to average. */
export function isAdditiveMoney(key: string): boolean {
  return !LEVEL_KEY.test(key);
}

/** Where a money attribute's currency would be stated (`business.currency` for `business.x`). */
export function currencyKeys(key: string): string[] {
  const ns = key.includes(".") ? key.slice(0, key.lastIndexOf(".") + 1) : "";
  return [...new Set([`${ns}currency`, `${ns}currency_code`, "currency"])];
}

export function valueKind(spec: MeasureSpec, currency: string | null): ValueKind {
  if (spec.fn === "errorRate") return "percent";
  if (spec.fn === "rate") return "rate";
  if (spec.fn === "count" || spec.fn === "countDistinct") return "count";
  if (spec.of === "duration") return "duration";
  return currency && moneyKey(spec) ? "money" : "number";
}

function threeSig(v: number): string {
  const abs = Math.abs(v);
  if (abs >= 10_000) return formatCount(v);
  if (abs >= 100 || Number.isInteger(v)) return Math.round(v).toLocaleString("en-US");
  return Number(v.toPrecision(3)).toString();
}

/** A value as the page shows it: `812 ms`, `3.4%`, `12.1/s`, `18.3k`, `$129.99`. */
export function formatValue(v: number | null | undefined, kind: ValueKind, currency: string | null = null): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  switch (kind) {
    case "duration": return formatDuration(v);
    case "percent": return formatPercent(v);
    case "rate": return `${threeSig(v)}/s`;
    case "count": return Number.isInteger(v) ? formatCount(v) : threeSig(v);
    case "money": return (currency && formatMoney(v, currency)) ?? threeSig(v);
    case "number": return threeSig(v);
  }
}

function currencySymbol(currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).formatToParts(0).find((p) => p.type === "currency")?.value ?? currency;
  } catch {
    return currency;
  }
}

/** Axis ticks: shorter than `formatValue` (whole money from $10, percentages without padding). */
export function formatTick(v: number, kind: ValueKind, currency: string | null = null): string {
  if (kind === "money" && currency && (Math.abs(v) >= 10 || v === 0)) return `${currencySymbol(currency)}${formatCount(Math.round(v))}`;
  if (kind === "percent") return `${Number((v * 100).toPrecision(3))}%`;
  return formatValue(v, kind, currency);
}

/** What the y axis measures, with its unit: `p95 of duration (exact)`, `spans per second`. */
export function measureTitle(spec: MeasureSpec, currency: string | null = null): string {
  switch (spec.fn) {
    case "count": return "spans";
    case "rate": return "spans per second";
    case "errorRate": return "error rate (% of spans)";
    case "countDistinct": return `distinct ${spec.of === "trace" ? "traces" : spec.of}`;
  }
  const of = spec.of === "duration" ? "duration" : spec.of;
  const unit = currency && moneyKey(spec) ? ` (${currency})` : "";
  return PERCENTILES.has(spec.fn) ? `${spec.fn} of ${of}${unit} (exact)` : `${spec.fn} of ${of}${unit}`;
}

/** How a percentile was computed, for the hint beside its label. */
export const PERCENTILE_METHOD = "exact: linear interpolation over every matching span, not an estimate";

export function isPercentile(fn: string): boolean {
  return PERCENTILES.has(fn);
}

/**
 * Whether an empty bucket means zero (counts, sums) or "no data" (averages, percentiles,
 * error rates), which a line must show as a gap rather than a dive to zero.
 */
export function emptyBucketIsZero(fn: string): boolean {
  return fn === "count" || fn === "rate" || fn === "sum" || fn === "countDistinct";
}
