import { quantileLiteral, type AttrRef, type Measure } from "@/lib/metrics/measure";
import type { GroupRef } from "@/lib/metrics/types";
import { spanColumns, type ChContext, type Params } from "./context";
import { KIND_CODE_SQL, STATUS_CODE_SQL } from "./traceql/condition";

type MapScope = "span" | "resource";
const VALUES: Record<MapScope, string> = { span: "SpanAttributes", resource: "ResourceAttributes" };
const TYPES: Record<MapScope, string> = { span: "SpanAttributeTypes", resource: "ResourceAttributeTypes" };

/**
 * Where DuckDB's typed maps hold a value its charts read: strings, ints, bools and finite
 * doubles (arrays, kvlists, bytes, empty values, NaN and the infinities are JSON there).
 * Read mode has no types: every present value is a string.
 */
function charted(ctx: ChContext, scope: MapScope, k: string, numeric: boolean): string {
  const has = `mapContains(${VALUES[scope]}, ${k})`;
  const v = `${VALUES[scope]}[${k}]`;
  const finite = `isFinite(toFloat64OrZero(${v}))`;
  if (ctx.mode === "read") return numeric ? `(${has} AND isNotNull(toFloat64OrNull(${v})) AND ${finite})` : has;
  const t = `${TYPES[scope]}[${k}]`;
  const number = `(${t} = 'int' OR (${t} = 'double' AND ${finite}))`;
  return numeric ? number : `(${has} AND (${t} IN ('', 'string', 'bool') OR ${number}))`;
}

/**
 * One attribute's value (NULL where absent), the span's before the resource's for `.key`:
 * as text where DuckDB reads its typed maps as text (charts' groups, funnels' entities), or
 * as a number.
 */
export function attrValue(ctx: ChContext, ref: AttrRef, k: string, numeric: boolean): string {
  const read = (s: MapScope) => (numeric ? `toFloat64OrNull(${VALUES[s]}[${k}])` : `${VALUES[s]}[${k}]`);
  const one = (s: MapScope) => `if(${charted(ctx, s, k, numeric)}, ${read(s)}, NULL)`;
  if (ref.scope !== "any") return one(ref.scope);
  return `if(${charted(ctx, "span", k, numeric)}, ${read("span")}, ${one("resource")})`;
}

const NAMED = (code: string, names: string[]) => `arrayElement([${names.map((n) => `'${n}'`).join(", ")}], ${code} + 1)`;

export function groupExpr(ctx: ChContext, g: GroupRef, param: string, params: Params): string {
  if ("log2Bucket" in g) {
    // The exponent of the power-of-two bucket (see GroupRef), as DuckDB's store gives it.
    if (g.log2Bucket !== "duration") params[param] = g.log2Bucket.key;
    const v = g.log2Bucket === "duration" ? "Duration" : attrValue(ctx, g.log2Bucket, `{${param}:String}`, true);
    return `if(${v} > 0, toString(toInt64(ceil(log2(${v})))), NULL)`;
  }
  if ("intrinsic" in g) {
    switch (g.intrinsic) {
      case "name": return "toString(SpanName)";
      case "service": return spanColumns(ctx).service;
      case "status": return NAMED(STATUS_CODE_SQL, ["unset", "ok", "error"]);
      case "kind": return NAMED(KIND_CODE_SQL, ["unspecified", "internal", "server", "client", "producer", "consumer"]);
    }
  }
  if (g.scope !== "span" && g.key === "service.name") return spanColumns(ctx).service;
  params[param] = g.key;
  return attrValue(ctx, g, `{${param}:String}`, false);
}

/** The per-span value a measure aggregates (NULL where the span lacks it). */
export function measureValue(ctx: ChContext, m: Measure, params: Params): string {
  if (!("of" in m)) return "NULL";
  if (m.of === "duration") return "Duration / 1e6";
  if (m.of === "trace") return "TraceId";
  params.mkey = m.of.key;
  return attrValue(ctx, m.of, "{mkey:String}", m.fn !== "countDistinct");
}

/**
 * The aggregate over `v`, `is_error` and `w` (1 / sample rate), as DuckDB weights it:
 * counts, rates, sums and averages estimate the unsampled traffic; percentiles, min and max
 * stay unweighted, and countDistinct counts the kept values. Percentiles use
 * quantileExactInclusive: exact, with linear interpolation between the two nearest values
 * (position (n - 1) * q), which is DuckDB's quantile_cont.
 */
export function measureAggregate(m: Measure, seconds: string): string {
  switch (m.fn) {
    case "count": return "sum(w)";
    case "rate": return `sum(w) / ${seconds}`;
    case "errorRate": return "sumIf(w, is_error) / sum(w)";
    case "avg": return "avgWeighted(v, w)";
    case "min": return "min(v)";
    case "max": return "max(v)";
    case "sum": return "sum(v * w)";
    case "p50": return "quantileExactInclusive(0.5)(v)";
    case "p90": return "quantileExactInclusive(0.9)(v)";
    case "p95": return "quantileExactInclusive(0.95)(v)";
    case "p99": return "quantileExactInclusive(0.99)(v)";
    case "quantile": return `quantileExactInclusive(${quantileLiteral(m.q)})(v)`;
    case "countDistinct": return "toFloat64(uniqExact(v))";
  }
}
