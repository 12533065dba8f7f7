/**
 * The typed TraceQL tree the parser produces and the compiler (and later the visual
 * query builder) consumes. Every node carries the character range it came from so
 * errors and editor highlights can point back into the query text.
 */

export interface Pos {
  from: number;
  to: number;
}

export type StatusValue = "unset" | "ok" | "error";
export type KindValue = "unspecified" | "internal" | "server" | "client" | "producer" | "consumer";

/** Literal values. Integers and durations are bigint so 64-bit values survive parsing. */
export type Static =
  | { type: "string"; value: string }
  | { type: "int"; value: bigint }
  | { type: "float"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "duration"; ns: bigint }
  | { type: "status"; value: StatusValue }
  | { type: "kind"; value: KindValue }
  | { type: "nil" };

/** Canonical intrinsic names; `span:name`, `rootName`, `traceDuration`... are folded into these. */
export type Intrinsic =
  | "name"
  | "status"
  | "statusMessage"
  | "kind"
  | "duration"
  | "event:name"
  | "trace:rootName"
  | "trace:rootService"
  | "trace:duration"
  | "trace:id"
  | "span:id"
  | "span:parentID"
  | "instrumentation:name"
  | "instrumentation:version";

/** `unscoped` is `.key`: the span attribute, or the resource attribute when the span has none. */
export type AttributeScope = "span" | "resource" | "event" | "unscoped";

export type Field = (
  | { kind: "intrinsic"; name: Intrinsic }
  | { kind: "attribute"; scope: AttributeScope; key: string }
) & Pos;

export type StaticNode = { kind: "static"; value: Static } & Pos;

export type ComparisonOp = "=" | "!=" | ">" | ">=" | "<" | "<=" | "=~" | "!~";

/**
 * A condition inside `{ ... }`. Comparisons are normalised to field-on-the-left
 * (`500 <= span.x` becomes `span.x >= 500`), which is also the shape a builder row has.
 */
export type Condition = (
  | { kind: "compare"; op: ComparisonOp; field: Field; value: StaticNode }
  | { kind: "and" | "or"; left: Condition; right: Condition }
  | { kind: "not"; operand: Condition }
  | { kind: "literal"; value: boolean }
) & Pos;

/** `{ ... }`; a null condition is `{}`, which matches every span. */
export type SpansetFilter = { kind: "filter"; condition: Condition | null } & Pos;

/**
 * Operators between spansets. For the structural ones the result is the right-hand
 * side's spans: `{A} > {B}` yields B spans whose parent is an A span.
 */
export type SpansetOp = "and" | "or" | "child" | "descendant" | "parent" | "ancestor" | "sibling";

export type AggregateFn = "count" | "avg" | "min" | "max" | "sum";

export type ScalarExpr = (
  | { kind: "aggregate"; fn: AggregateFn; field: Field | null }
  | { kind: "static"; value: Static }
) & Pos;

export type ScalarComparisonOp = "=" | "!=" | ">" | ">=" | "<" | "<=";

/** `| count() > 2`: keeps a trace's spanset only when the comparison holds for it. */
export type ScalarFilter = { kind: "scalarFilter"; op: ScalarComparisonOp; left: ScalarExpr; right: ScalarExpr } & Pos;

export type PipelineStage = SpansetFilter | ScalarFilter;

export type Spanset =
  | SpansetFilter
  | ({ kind: "spansetOp"; op: SpansetOp; left: Spanset; right: Spanset } & Pos)
  | ({ kind: "pipeline"; source: Spanset; stages: PipelineStage[] } & Pos);

export type TraceQLAst = Spanset;

/** Tempo's metrics functions (`{ } | rate() by (...)`), the ones this compiler answers. */
export type MetricsFn =
  | "rate"
  | "count_over_time"
  | "avg_over_time"
  | "min_over_time"
  | "max_over_time"
  | "sum_over_time"
  | "quantile_over_time"
  | "histogram_over_time";

/**
 * `<spanset> | fn(field, q...) by (a, b) | topk(n)`. The spanset part stays TraceQL text
 * (a prefix of the query, so its positions are the query's): stores compile it as a filter.
 */
export type MetricsQueryAst = {
  kind: "metrics";
  /** The spans it reads; null when the query starts with the function (every span). */
  filter: ({ text: string } & Pos) | null;
  fn: MetricsFn;
  fnAt: Pos;
  field: Field | null;
  quantiles: ({ value: number } & Pos)[];
  by: Field[];
  top: ({ dir: "topk" | "bottomk"; k: number } & Pos) | null;
} & Pos;
