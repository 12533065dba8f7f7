/**
 * TraceQL (Grafana Tempo's query language) -> a typed AST that knows no storage. Parsing uses
 * @grafana/lezer-traceql; parse.ts turns its tree into the AST in ast.ts, semantics.ts refuses
 * type clashes, and each store renders the AST in its own SQL (lib/spans/duckdb/traceql).
 *
 * Supported
 * - `{}` and `{ cond }` with &&, ||, ! and parentheses; `!` is two-valued as in Tempo.
 * - Fields: span., resource., unscoped `.key` (span value, else resource), quoted keys,
 *   event.<key> (any event of the span); intrinsics name, status, statusMessage, kind,
 *   duration (plus span:* spellings), event:name, trace:rootName, trace:rootService,
 *   trace:duration (and rootName/rootServiceName/traceDuration), trace:id, span:id,
 *   span:parentID, instrumentation:name/version.
 * - = != > >= < <= =~ !~ (regexes fully anchored); `= nil` / `!= nil` for presence.
 *   Literals: strings, ints, floats, bools, durations (ns..h), status, kind. A literal's
 *   type picks the map it reads, so `span.x != "a"` only matches spans that have x.
 * - Between spansets: &&, ||, > (child), >> (descendant), < (parent), << (ancestor),
 *   ~ (sibling); structural results are the right-hand side's spans.
 * - Pipelines: `| { cond }`, `| count()|avg()|min()|max()|sum() op value` per trace,
 *   over duration or a numeric attribute (read as DOUBLE, so ints past 2^53 round).
 *
 * - A query that starts with an aggregate (`avg(.x) > 1`) follows `{ }`, as in Tempo.
 * - Metrics queries (`{ } | rate() by (name) | topk(5)`) through parseMetricsTraceQL
 *   (metrics.ts); lib/metrics/from-traceql.ts turns them into chart queries.
 *
 * Not supported (TraceQLError naming the construct): by(), select(), coalesce(),
 * metrics functions inside a spanset query, with() hints, the experimental
 * !> !>> !< !<< !~ and union &> &>> &< &<< &~ operators, parent./link./instrumentation.
 * attributes, event:timeSinceStart and other intrinsics not listed above, arithmetic,
 * field-to-field comparisons, Grafana template variables.
 */
export { TraceQLError } from "./errors";
export { checkTraceQL } from "./check";
export { parseTraceQL } from "./parse";
export { parseMetricsTraceQL } from "./metrics";
export type * from "./ast";
