import type { Condition, Field, PipelineStage, ScalarExpr, ScalarFilter, Spanset, SpansetOp, Static } from "@/lib/traceql/ast";
import { TraceQLError } from "@/lib/traceql/errors";
import { numericValue, type AttrMaps } from "./attribute";
import type { ChParams } from "./params";

/**
 * Structural operators, pipelines and aggregates, evaluated per trace on arrays.
 *
 * ClickHouse has no recursive CTE to walk parent links the way DuckDB does, so each
 * candidate trace becomes one row: its spans in the window as a sorted array `tq_sp` of
 * (SpanId, ParentSpanId, name, Timestamp, aggregated values…, leaf flags…), and every
 * spanset a mask over that array (Array(UInt8), 1 where the span belongs to it). A span's
 * parent is an index into the same array (`tq_pidx`, 0 when the parent is not among the
 * trace's spans in the window, which is where DuckDB's walk stops too).
 *
 * `>>` uses pointer doubling: after round k every span knows its 2^k-th ancestor and
 * whether any ancestor up to that distance is on the left side, so ceil(log2(n + 1))
 * rounds cover any depth of an n-span trace; there is no depth limit. `<<` doubles the
 * set of the left side's ancestors the same way. Parent cycles in bad data only repeat
 * pointers, never loop. Cost per trace: O(n log n) for `>>`, O(n·m) for `<`, `<<` and
 * `~` (m: the left side's parents or ancestors), and the trace's spans in memory as one
 * array: the largest trace bounds the memory, as in DuckDB's walk.
 */

/** Tuple positions in `tq_sp` before the aggregated values. */
const FIXED = 4;

export interface StructuralPlan {
  /** Conditions of the leaf spansets, over a span row. */
  leaves: (Condition | null)[];
  /** Per-span SQL of each aggregated field (tuple positions FIXED+1…). */
  values: string[];
  /** Aliased mask definitions, `expr AS tq_sN`, and the layer each is computed in. */
  defs: string[];
  levels: number[];
  /** The alias of the query's result mask. */
  result: string;
  /** Whether a trace can match at all, over per-trace flags h<i> (has a span of leaf i). */
  need: string;
}

class Plan {
  leaves: (Condition | null)[] = [];
  values: string[] = [];
  defs: string[] = [];

  constructor(private readonly maps: AttrMaps, private readonly params: ChParams) {}

  /** Each def's layer: one more than the deepest def it reads (base columns are layer 0). */
  levels: number[] = [];

  def(expr: string): string {
    const name = `tq_s${this.defs.length}`;
    const deps = [...expr.matchAll(/\btq_s(\d+)\b/g)].map((m) => this.levels[Number(m[1])]);
    this.levels.push(1 + Math.max(0, ...deps));
    this.defs.push(`${expr} AS ${name}`);
    return name;
  }

  leaf(c: Condition | null): { mask: string; need: string } {
    this.leaves.push(c);
    const i = this.leaves.length - 1;
    return { mask: `tq_l${i}`, need: `h${i}` };
  }

  /** The array of an aggregated field's per-span values, one per span of `tq_sp`. */
  value(field: Field): string {
    let sql: string;
    if (field.kind === "intrinsic") sql = "toInt64(Duration)"; // checkSemantics allows only duration
    else if (field.scope === "event") throw new TraceQLError("aggregates take duration or a numeric attribute", field.from, field.to);
    else sql = numericValue(this.maps, field.scope, field.key, this.params);
    let i = this.values.indexOf(sql);
    if (i < 0) i = this.values.push(sql) - 1;
    return `tq_v${i}`;
  }

  numberParam(v: Static, at: ScalarExpr): string {
    if (v.type === "int") return this.params.ref(v.value, "Int64");
    if (v.type === "duration") return this.params.ref(v.ns, "Int64");
    if (v.type === "float") return this.params.ref(v.value, "Float64");
    throw new TraceQLError("aggregates compare with numbers or durations", at.from, at.to);
  }
}

const zeros = (m: string) => `arrayMap(a -> toUInt8(0), ${m})`;
const isMatchAll = (n: Spanset) =>
  n.kind === "filter" && (!n.condition || (n.condition.kind === "literal" && n.condition.value));

function spanset(node: Spanset, p: Plan): { mask: string; need: string } {
  switch (node.kind) {
    case "filter": return p.leaf(node.condition);
    case "pipeline": {
      const src = spanset(node.source, p);
      return stages(src, node.stages, p);
    }
    case "spansetOp": return op(node.op, node.left, node.right, p);
  }
}

function stages(src: { mask: string; need: string }, list: PipelineStage[], p: Plan): { mask: string; need: string } {
  let { mask, need } = src;
  for (let i = 0; i < list.length;) {
    const stage = list[i];
    if (stage.kind === "filter") {
      const leaf = p.leaf(stage.condition);
      mask = p.def(`arrayMap((a, b) -> toUInt8(a AND b), ${mask}, ${leaf.mask})`);
      need = `(${need} AND ${leaf.need})`;
      i++;
      continue;
    }
    // Consecutive aggregate stages all see the same spans (as DuckDB's one HAVING).
    const group: ScalarFilter[] = [];
    while (i < list.length && list[i].kind === "scalarFilter") group.push(list[i++] as ScalarFilter);
    const conds = group.map((s) => `(${scalar(s.left, mask, p)} ${s.op} ${scalar(s.right, mask, p)})`);
    mask = p.def(`if(has(${mask}, 1) AND ${conds.join(" AND ")}, ${mask}, ${zeros(mask)})`);
  }
  return { mask, need };
}

/**
 * An aggregate over the spans of `mask`. Like SQL's, avg/min/max/sum skip spans without a
 * numeric value and are NULL (so the comparison fails) when none has one.
 */
function scalar(e: ScalarExpr, mask: string, p: Plan): string {
  if (e.kind === "static") return p.numberParam(e.value, e);
  if (e.fn === "count") return `toInt64(arrayCount(${mask}))`;
  if (!e.field) throw new TraceQLError(`${e.fn}() needs a field`, e.from, e.to);
  const picked = `arrayMap(v -> assumeNotNull(v), arrayFilter((v, k) -> k AND isNotNull(v), ${p.value(e.field)}, ${mask}))`;
  const fn = { avg: "arrayAvg", min: "arrayMin", max: "arrayMax", sum: "arraySum" }[e.fn];
  return `if(empty(${picked}), NULL, ${fn}(${picked}))`;
}

/** The operands of a chain of one `&&` or `||` (`a && b && c`), as one n-ary step. */
function chainOperands(node: Spanset, kind: "and" | "or"): Spanset[] {
  if (node.kind !== "spansetOp" || node.op !== kind) return [node];
  return [...chainOperands(node.left, kind), ...chainOperands(node.right, kind)];
}

function chain(kind: "and" | "or", operands: Spanset[], p: Plan): { mask: string; need: string } {
  const parts = operands.map((o) => spanset(o, p));
  const masks = parts.map((x) => x.mask);
  const lambda = `(${masks.map((_, i) => `a${i}`).join(", ")}) -> toUInt8(${masks.map((_, i) => `a${i}`).join(" OR ")})`;
  const union = `arrayMap(${lambda}, ${masks.join(", ")})`;
  const need = `(${parts.map((x) => x.need).join(kind === "and" ? " AND " : " OR ")})`;
  if (kind === "or") return { mask: p.def(union), need };
  // Tempo: the trace must hold every spanset, and the result is all their spans.
  return { mask: p.def(`if(${masks.map((m) => `has(${m}, 1)`).join(" AND ")}, ${union}, ${zeros(masks[0])})`), need };
}

function op(kind: SpansetOp, leftNode: Spanset, rightNode: Spanset, p: Plan): { mask: string; need: string } {
  if (kind === "and" || kind === "or") return chain(kind, [...chainOperands(leftNode, kind), ...chainOperands(rightNode, kind)], p);
  // With every span on the left, "has an ancestor/descendant there" is "has a parent/child".
  if (kind === "descendant" && isMatchAll(leftNode)) kind = "child";
  if (kind === "ancestor" && isMatchAll(leftNode)) kind = "parent";
  const left = spanset(leftNode, p);
  const right = spanset(rightNode, p);
  const [l, r] = [left.mask, right.mask];
  const both = `(${left.need} AND ${right.need})`;
  switch (kind) {
    case "child":
      return { mask: p.def(`arrayMap((k, u) -> toUInt8(k AND ${l}[u]), ${r}, tq_pidx)`), need: both };
    case "parent": {
      const parents = p.def(`arrayFilter((u, k) -> k AND u > 0, tq_pidx, ${l})`);
      return { mask: p.def(`arrayMap((k, i) -> toUInt8(k AND has(${parents}, i)), ${r}, arrayEnumerate(${r}))`), need: both };
    }
    case "sibling": {
      // Another left span under the same parent id: the count of left spans with that
      // parent, less the span itself when it is on the left.
      const lp = p.def(`arrayFilter((pid, k) -> k AND pid != '', tq_parents, ${l})`);
      return {
        mask: p.def(`arrayMap((k, pid, a) -> toUInt8(k AND pid != '' AND countEqual(${lp}, pid) > a), ${r}, tq_parents, ${l})`),
        need: both,
      };
    }
    case "descendant": {
      // acc = (has a left ancestor within 2^k, the 2^k-th ancestor)
      const init = `(arrayMap(u -> ${l}[u], tq_pidx), tq_pidx)`;
      const step = `(acc, x) -> (arrayMap((d, u) -> toUInt8(d OR acc.1[u]), acc.1, acc.2), arrayMap(u -> acc.2[u], acc.2))`;
      const below = `arrayFold(${step}, tq_rounds, ${init}).1`;
      return { mask: p.def(`arrayMap((k, d) -> toUInt8(k AND d), ${r}, ${below})`), need: both };
    }
    case "ancestor": {
      // acc = (the left spans' ancestors within 2^k, the 2^k-th ancestor of every span)
      const init = `(arrayDistinct(arrayFilter((u, k) -> k AND u > 0, tq_pidx, ${l})), tq_pidx)`;
      const step = `(acc, x) -> (arrayDistinct(arrayConcat(acc.1, arrayFilter(u -> u > 0, arrayMap(s -> acc.2[s], acc.1)))), `
        + "arrayMap(u -> acc.2[u], acc.2))";
      const above = p.def(`arrayFold(${step}, tq_rounds, ${init}).1`);
      return { mask: p.def(`arrayMap((k, i) -> toUInt8(k AND has(${above}, i)), ${r}, arrayEnumerate(${r}))`), need: both };
    }
  }
}

export function planStructural(ast: Spanset, maps: AttrMaps, params: ChParams): StructuralPlan {
  const p = new Plan(maps, params);
  const { mask, need } = spanset(ast, p);
  return { leaves: p.leaves, values: p.values, defs: p.defs, levels: p.levels, result: mask, need };
}

/**
 * One row per matching trace, as matchedTracesSql: trace_id, spans_in ((SpanId, name,
 * Timestamp) of the result's spans), matched_spans and matched. `leaves` are the compiled
 * leaf conditions. Candidate traces are those whose spans in the window can satisfy the
 * query (`need`); only their spans are grouped.
 */
export function structuralTracesSql(plan: StructuralPlan, leaves: string[], spans: string, scope: string): string {
  const flags = leaves.map((_, i) => `m${i}`);
  // Named once: each leaf condition is written once in the text, however often it is read.
  const flagged = `SELECT TraceId, SpanId, ParentSpanId, toString(SpanName) AS name, Timestamp,
      ${[...plan.values.map((v, i) => `${v} AS v${i}`), ...leaves.map((l, i) => `toUInt8(${l}) AS m${i}`)].join(", ")}
    FROM ${spans} WHERE ${scope}`;
  const candidates = `SELECT TraceId, ${flags.map((m, i) => `max(${m}) AS h${i}`).join(", ")} FROM tq_flagged
      WHERE ${flags.join(" OR ")} GROUP BY TraceId HAVING ${plan.need}`;
  const tuple = ["SpanId", "ParentSpanId", "name", "Timestamp", ...plan.values.map((_, i) => `v${i}`), ...flags];
  const columns = [
    `arraySort(x -> (x.4, x.1), groupUniqArray((${tuple.join(", ")}))) AS tq_sp`,
    "arrayMap(x -> x.1, tq_sp) AS tq_ids",
    "arrayMap(x -> x.2, tq_sp) AS tq_parents",
    "arrayMap(pid -> toUInt32(indexOf(tq_ids, pid)), tq_parents) AS tq_pidx",
    "range(toUInt32(ceil(log2(length(tq_sp) + 1)))) AS tq_rounds",
    ...plan.values.map((_, i) => `arrayMap(x -> x.${FIXED + 1 + i}, tq_sp) AS tq_v${i}`),
    ...leaves.map((_, i) => `arrayMap(x -> x.${FIXED + 1 + plan.values.length + i}, tq_sp) AS tq_l${i}`),
  ];
  let perTrace = `SELECT TraceId AS trace_id, ${columns.join(",\n      ")}
    FROM tq_flagged WHERE TraceId IN (SELECT TraceId FROM (${candidates}))
    GROUP BY TraceId`;
  // One subquery per layer: a mask read twice is a column, not a copy of its expression
  // (ClickHouse expands aliases into the expressions that use them).
  const depth = Math.max(0, ...plan.levels);
  for (let level = 1; level <= depth; level++) {
    const defs = plan.defs.filter((_, i) => plan.levels[i] === level);
    perTrace = `SELECT *, ${defs.join(",\n      ")} FROM (${perTrace})`;
  }
  perTrace = `SELECT trace_id, arrayFilter((x, k) -> k, arrayMap(x -> (x.1, x.3, x.4), tq_sp), ${plan.result}) AS spans_in
    FROM (${perTrace})`;
  return `WITH tq_flagged AS (${flagged})
    SELECT trace_id, spans_in, length(spans_in) AS matched_spans,
      arrayMap(x -> (x.1, x.2), arraySlice(arraySort(x -> (x.3, x.1), spans_in), 1, 3)) AS matched
    FROM (${perTrace}) WHERE matched_spans > 0`;
}
