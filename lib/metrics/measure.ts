/**
 * What a chart measures, parsed from `measure=`: `count`, `rate`, `errorRate`,
 * `avg|p50|p90|p95|p99|min|max(duration)` or of a numeric attribute, `sum(<attr>)`,
 * `countDistinct(<attr>)`. Attributes are written as in TraceQL: `span.x`, `resource.x`, `.x`.
 */
export type AttrRef = { scope: "span" | "resource" | "any"; key: string };

export type Measure =
  | { fn: "count" | "rate" | "errorRate" }
  | { fn: "avg" | "p50" | "p90" | "p95" | "p99" | "min" | "max" | "sum"; of: "duration" | AttrRef }
  | { fn: "countDistinct"; of: AttrRef | "trace" };

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
  const m = /^([A-Za-z0-9]+)\((.*)\)$/.exec(text);
  if (!m) throw new MeasureError(`measure: expected count, rate, errorRate, p95(duration), sum(span.x), … got "${text}"`);
  const [, fn, arg] = m;
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
  const of = m.of === "duration" || m.of === "trace" ? m.of : `${m.of.scope === "any" ? "" : m.of.scope}.${m.of.key}`;
  return `${m.fn}(${of})`;
}
