import type { Field, MetricsQueryAst, Pos } from "@/lib/traceql/ast";
import { TraceQLError, notSupported } from "@/lib/traceql/errors";
import { quantileMeasure, type AttrRef, type Measure } from "./measure";
import type { GroupRef } from "./types";

/** Charts split by at most this many fields (the builder's limit too). */
export const MAX_BY_FIELDS = 2;

/**
 * What a TraceQL metrics query asks of the stores, in the engine-neutral terms of
 * MetricsQuery: the filter, one measure per series family (quantile_over_time with several
 * quantiles asks once per quantile, each series labelled `p`), the group-by, and Tempo's
 * topk/bottomk, applied to the answer (see top-k.ts).
 */
export interface MetricsPlan {
  filter: string | null;
  measures: { measure: Measure; p?: number }[];
  groupBy: GroupRef[];
  top: { dir: "topk" | "bottomk"; k: number } | null;
  /** histogram_over_time: the last group-by is the value's power-of-two bucket. */
  histogram: boolean;
}

function attrRef(f: Field & { kind: "attribute" }): AttrRef {
  if (f.scope === "event") throw notSupported("event attributes in a metrics query", f);
  return { scope: f.scope === "unscoped" ? "any" : f.scope, key: f.key };
}

function valueOf(f: Field): "duration" | AttrRef {
  if (f.kind === "intrinsic") {
    if (f.name === "duration") return "duration";
    throw notSupported(`${f.name} as a metrics value; use duration or a numeric attribute`, f);
  }
  return attrRef(f);
}

const GROUP_INTRINSICS = { name: "name", status: "status", kind: "kind" } as const;

function groupOf(f: Field): GroupRef {
  if (f.kind === "intrinsic") {
    const intrinsic = GROUP_INTRINSICS[f.name as keyof typeof GROUP_INTRINSICS];
    if (!intrinsic) throw notSupported(`by(${f.name}); group by name, status, kind or an attribute`, f);
    return { intrinsic };
  }
  return attrRef(f);
}

function measuresOf(ast: MetricsQueryAst): MetricsPlan["measures"] {
  const field = ast.field;
  switch (ast.fn) {
    case "rate": return [{ measure: { fn: "rate" } }];
    case "count_over_time":
    case "histogram_over_time": return [{ measure: { fn: "count" } }];
    case "avg_over_time":
    case "min_over_time":
    case "max_over_time":
    case "sum_over_time": {
      const fn = ast.fn.slice(0, 3) as "avg" | "min" | "max" | "sum";
      return [{ measure: { fn, of: valueOf(field!) } }];
    }
    case "quantile_over_time": {
      const of = valueOf(field!);
      if (ast.quantiles.length === 1) return [{ measure: quantileMeasure(ast.quantiles[0].value, of) }];
      return ast.quantiles.map((q) => ({ measure: quantileMeasure(q.value, of), p: q.value }));
    }
  }
}

/** Throws a TraceQLError (with its position) for what the charts cannot draw. */
export function planFromTraceQL(ast: MetricsQueryAst): MetricsPlan {
  const histogram = ast.fn === "histogram_over_time";
  const room = histogram ? MAX_BY_FIELDS - 1 : MAX_BY_FIELDS;
  if (ast.by.length > room) {
    const extra: Pos = { from: ast.by[room].from, to: ast.by[ast.by.length - 1].to };
    throw notSupported(`more than ${room} by() field${room === 1 ? "" : "s"}${histogram ? " with histogram_over_time()" : ""} (charts split by at most ${MAX_BY_FIELDS})`, extra);
  }
  const groupBy = ast.by.map(groupOf);
  if (histogram) groupBy.push({ log2Bucket: valueOf(ast.field!) });
  const labels = new Set(groupBy.map((g) => JSON.stringify(g)));
  if (labels.size < groupBy.length) throw new TraceQLError("by() names the same field twice", ast.by[0].from, ast.by[ast.by.length - 1].to);
  return {
    filter: ast.filter?.text ?? null,
    measures: measuresOf(ast),
    groupBy,
    top: ast.top ? { dir: ast.top.dir, k: ast.top.k } : null,
    histogram,
  };
}
