import type { Field, ScalarExpr, ScalarFilter, Spanset } from "@/lib/traceql/ast";
import { mapLookup } from "./compile-attribute";
import { numberParam } from "./compile-condition";
import { TraceQLError, notSupported } from "@/lib/traceql/errors";
import type { SqlBuilder } from "./sql-builder";

/**
 * The per-span value an aggregate reads. Numeric attributes are folded to DOUBLE so ints
 * and doubles aggregate together; ints beyond 2^53 lose precision there, which is
 * acceptable for avg/min/max/sum thresholds.
 */
function valueSql(field: Field, b: SqlBuilder, fn: string): string {
  if (field.kind === "intrinsic") {
    if (field.name === "duration") return "s.duration_ns";
    throw notSupported(`${fn}(${field.name}); aggregates take duration or a numeric attribute`, field);
  }
  if (field.scope === "event") throw notSupported(`${fn}() of an event attribute`, field);
  const k = b.params.ref(field.key, "VARCHAR");
  return `coalesce(${mapLookup(field.scope, "int", k, b.params)}::DOUBLE, ${mapLookup(field.scope, "dbl", k, b.params)})`;
}

/** Registers every aggregated field first: leaf CTEs must project all value columns. */
export function registerAggregateFields(node: Spanset, b: SqlBuilder): void {
  if (node.kind === "spansetOp") {
    registerAggregateFields(node.left, b);
    registerAggregateFields(node.right, b);
  } else if (node.kind === "pipeline") {
    registerAggregateFields(node.source, b);
    for (const stage of node.stages) {
      if (stage.kind !== "scalarFilter") continue;
      for (const side of [stage.left, stage.right]) {
        if (side.kind === "aggregate" && side.field) b.valueColumn(valueSql(side.field, b, side.fn));
      }
    }
  }
}

/** `valueRef(i)` names value column i in the surrounding FROM (either `x.v0` or the raw SQL). */
function scalarSql(e: ScalarExpr, b: SqlBuilder, valueRef: (i: number) => string): string {
  if (e.kind === "static") {
    const p = numberParam(e.value, b.params);
    if (!p) throw new TraceQLError("aggregates compare with numbers or durations", e.from, e.to);
    return p;
  }
  if (e.fn === "count") return "count(*)";
  if (!e.field) throw new TraceQLError(`${e.fn}() needs a field`, e.from, e.to);
  return `${e.fn}(${valueRef(b.valueColumn(valueSql(e.field, b, e.fn)))})`;
}

/** HAVING condition for consecutive aggregate stages; each sees the same spans. */
export function havingSql(stages: ScalarFilter[], b: SqlBuilder, valueRef: (i: number) => string): string {
  return stages.map((s) => `${scalarSql(s.left, b, valueRef)} ${s.op} ${scalarSql(s.right, b, valueRef)}`).join(" AND ");
}
