/**
 * What a chart measures, parsed from `measure=`: `count`, `rate`, `errorRate`,
 * `avg|p50|p90|p95|p99|min|max(duration)` or of a numeric attribute, `sum(<attr>)`,
 * `countDistinct(<attr>)`, and any other percentile as `p75(duration)`, `p99.9(span.x)`.
 * Attributes are written as in TraceQL: `span.x`, `resource.x`, `.x`.
 */
export type AttrRef = { scope: "span" | "resource" | "any"; key: string };

export type Measure =
  | { fn: "count" | "rate" | "errorRate" }
  | { fn: "avg" | "p50" | "p90" | "p95" | "p99" | "min" | "max" | "sum"; of: "duration" | AttrRef }
  | { fn: "countDistinct"; of: AttrRef | "trace" }
  /** A percentile other than the four named ones; `q` in 0..1 (TraceQL's quantile_over_time). */
  | { fn: "quantile"; q: number; of: "duration" | AttrRef };

const NAMED_PERCENTILES: Record<string, "p50" | "p90" | "p95" | "p99"> = { 0.5: "p50", 0.9: "p90", 0.95: "p95", 0.99: "p99" };

/** The measure for quantile q (0..1): a named percentile when there is one. */
export function quantileMeasure(q: number, of: "duration" | AttrRef): Measure {
  const named = NAMED_PERCENTILES[String(q)];
  return named ? { fn: named, of } : { fn: "quantile", q, of };
}

const STAT_FNS = ["avg", "p50", "p90", "p95", "p99", "min", "max", "sum"] as const;

export class MeasureError extends Error {}

export function parseAttrRef(text: string): AttrRef | null {
  const m = /^(span|resource)?\.([A-Za-z0-9_.:/@-]+|"[^"]+")$/.exec(text.trim());
  if (!m) return null;
  const key = m[2].startsWith('"') ? m[2].slice(1, -1) : m[2];
  return { scope: (m[1] as "span" | "resource" | undefined) ?? "any", key };
}

export function parseMeasure(raw: string | null): Measure {
  const text = (raw ?? "count").trim();
  if (text === "count" || text === "count()") return { fn: "count" };
  if (text === "rate" || text === "rate()") return { fn: "rate" };
  if (text === "errorRate" || text === "errorRate()") return { fn: "errorRate" };
  const m = /^([A-Za-z0-9.]+)\((.*)\)$/.exec(text);
  if (!m) throw new MeasureError(`measure: expected count, rate, errorRate, p95(duration), sum(span.x), … got "${text}"`);
  const [, fn, arg] = m;
  const percentile = /^p(\d{1,2}(?:\.\d{1,3})?)$/.exec(fn);
  if (percentile && !(STAT_FNS as readonly string[]).includes(fn)) {
    const q = Number((Number(percentile[1]) / 100).toFixed(6));
    if (!(q > 0)) throw new MeasureError(`measure: a percentile above p0, got "${fn}"`);
    if (arg.trim() === "duration") return quantileMeasure(q, "duration");
    const ref = parseAttrRef(arg);
    if (!ref) throw new MeasureError(`measure: ${fn}() needs duration or a numeric attribute like span.x, got "${arg}"`);
    return quantileMeasure(q, ref);
  }
  if (fn === "countDistinct") {
    if (arg.trim() === "trace") return { fn, of: "trace" };
    const ref = parseAttrRef(arg);
    if (!ref) throw new MeasureError(`measure: countDistinct needs an attribute like span.user.id, got "${arg}"`);
    return { fn, of: ref };
  }
  if (!(STAT_FNS as readonly string[]).includes(fn)) {
    throw new MeasureError(`measure: unknown function "${fn}"; use one of count, rate, errorRate, ${STAT_FNS.join(", ")}, countDistinct`);
  }
  if (arg.trim() === "duration") {
    if (fn === "sum") throw new MeasureError("measure: sum(duration) is not a meaningful chart; use avg or a percentile");
    return { fn: fn as (typeof STAT_FNS)[number], of: "duration" };
  }
  const ref = parseAttrRef(arg);
  if (!ref) throw new MeasureError(`measure: ${fn}() needs duration or a numeric attribute like span.business.revenue_impact, got "${arg}"`);
  return { fn: fn as (typeof STAT_FNS)[number], of: ref };
}

export function measureLabel(m: Measure): string {
  if (!("of" in m)) return m.fn;
  const fn = m.fn === "quantile" ? `p${+(m.q * 100).toFixed(3)}` : m.fn;
  const of = m.of === "duration" || m.of === "trace" ? m.of : `${m.of.scope === "any" ? "" : m.of.scope}.${m.of.key}`;
  return `${fn}(${of})`;
}

/** A quantile as SQL text for the stores: checked to be a number in 0..1, so nothing else reaches a statement. */
export function quantileLiteral(q: number): string {
  if (!(Number.isFinite(q) && q >= 0 && q <= 1)) throw new Error(`quantile ${q} is outside 0..1`);
  return String(q);
}
