import type { Condition, ScalarFilter, Spanset } from "@/lib/traceql/ast";
import { simplify } from "@/lib/traceql/simplify";
import { havingSql, registerAggregateFields } from "./compile-aggregate";
import { sparseAtom } from "./compile-sparse";
import { compileSpanset, leafSql } from "./compile-spanset";
import type { ParamValue } from "./params";
import { parseTraceQL } from "@/lib/traceql/parse";
import { SCOPE, SqlBuilder, usedParams } from "./sql-builder";
import type { PromotedColumns } from "../../layout";

export interface CompiledTraceQL {
  sql: string;
  params: Record<string, ParamValue>;
}

/** Leaf filters joined only by `&&`, which one scan can answer (see compileTraceQL). */
function andedFilters(node: Spanset): (Condition | null)[] | null {
  if (node.kind === "filter") return [node.condition];
  if (node.kind !== "spansetOp" || node.op !== "and") return null;
  const l = andedFilters(node.left);
  const r = andedFilters(node.right);
  return l && r ? [...l, ...r] : null;
}

const MATCHED = (a: string) =>
  `count(*) AS matched_spans, min_by({'span_id': ${a}.span_id, 'name': ${a}.name}, {'start': ${a}.start_ns, 'id': ${a}.span_id}, 3) AS matched`;

/**
 * `columns`: the store's dedicated columns. `index` (default on): attribute filters on
 * other keys read the sparse-attribute index the store keeps beside `spans`; off, they
 * read the maps (for SQL run where the index is not kept).
 */
export function compileTraceQL(query: string, options: { columns?: PromotedColumns; index?: boolean } = {}): CompiledTraceQL {
  const ast = simplify(parseTraceQL(query));
  const b = new SqlBuilder(options.columns, options.index ?? true);
  registerAggregateFields(ast, b);

  // Trailing aggregate stages never change which spans a surviving trace keeps, so they
  // become the final GROUP BY's HAVING instead of a CTE of their own.
  let body = ast;
  let trailing: ScalarFilter[] = [];
  if (ast.kind === "pipeline") {
    let cut = ast.stages.length;
    while (cut > 0 && ast.stages[cut - 1].kind === "scalarFilter") cut--;
    trailing = ast.stages.slice(cut) as ScalarFilter[];
    body = cut ? { ...ast, stages: ast.stages.slice(0, cut) } : ast.source;
  }
  const having = (valueRef: (i: number) => string, extra: string[] = []) => {
    const parts = [...extra, ...(trailing.length ? [havingSql(trailing, b, valueRef)] : [])];
    return parts.length ? `\nHAVING ${parts.join(" AND ")}` : "";
  };

  const filters = andedFilters(body);
  let sql: string;
  const single = filters?.length === 1 ? leafSql(filters[0], b) : null;
  const indexOnly = single?.from === "spans s" && single.required.length === 1 && single.cond === sparseAtom(single.required[0]);
  if (single && indexOnly && !b.valueColumns.length) {
    // One comparison the sparse-attribute index answers: its rows carry all the match
    // needs (trace, span, start, name), so the span table is not read at all.
    sql = `SELECT x.trace_id AS trace_id, ${MATCHED("x")}\nFROM (${single.required[0]}) x\nGROUP BY x.trace_id${having((i) => `x.v${i}`)}`;
  } else if (single) {
    // One filter: a single scan, WHERE, GROUP BY trace.
    sql = `SELECT s.trace_id AS trace_id, ${MATCHED("s")}\nFROM ${single.from}\nWHERE ${SCOPE} AND ${single.cond}\nGROUP BY s.trace_id${having((i) => b.valueColumns[i])}`;
  } else if (filters) {
    // {A} && {B} && ...: still one scan. Each span gets a flag per filter; a trace
    // qualifies when every flag is set somewhere in it, and its matched spans are the
    // spans with any flag set (Tempo returns both sides' spans).
    const leaves = filters.map((c) => leafSql(c, b));
    const from = leaves.find((l) => l.from !== "spans s")?.from ?? "spans s";
    const flags = leaves.map((l, i) => `${l.cond} AS m${i}`);
    const wheres = leaves.map((_, i) => `x.m${i}`);
    // A trace qualifies only with a span for every filter, so each index lookup a filter
    // requires narrows the traces scanned before any flag is computed.
    const narrow = leaves.flatMap((l) => l.required).map((q) => ` AND s.trace_id IN (SELECT trace_id FROM (${q}))`);
    const inner = `SELECT ${b.spanColumns()}, ${flags.join(", ")} FROM ${from} WHERE ${SCOPE}${narrow.join("")}`;
    sql = `SELECT x.trace_id AS trace_id, ${MATCHED("x")}\nFROM (${inner}) x\nWHERE ${wheres.join(" OR ")}\nGROUP BY x.trace_id`
      + having((i) => `x.v${i}`, wheres.map((w) => `bool_or(${w})`));
  } else {
    const name = compileSpanset(body, b);
    sql = `${b.withClause()}SELECT x.trace_id AS trace_id, ${MATCHED("x")}\nFROM ${name} x\nGROUP BY x.trace_id${having((i) => `x.v${i}`)}`;
  }
  return { sql, params: usedParams(sql, b.params.values) };
}
