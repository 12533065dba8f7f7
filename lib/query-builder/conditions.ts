import type { Condition, Spanset } from "@/lib/traceql/ast";
import { parseTraceQL } from "@/lib/traceql/parse";
import { intrinsicInfo, type FieldRef } from "./fields";

export interface StringCondition {
  field: FieldRef;
  /** Where the attribute catalog keeps this field's values. */
  catalog: { key: string; scope?: "span" | "resource" | "event" | "intrinsic" };
  value: string;
}

function walkCondition(c: Condition | null, out: Condition[]): void {
  if (!c) return;
  if (c.kind === "and" || c.kind === "or") {
    walkCondition(c.left, out);
    walkCondition(c.right, out);
  } else if (c.kind === "not") walkCondition(c.operand, out);
  else if (c.kind === "compare") out.push(c);
}

function walkSpanset(s: Spanset, out: Condition[]): void {
  if (s.kind === "filter") walkCondition(s.condition, out);
  else if (s.kind === "spansetOp") {
    walkSpanset(s.left, out);
    walkSpanset(s.right, out);
  } else {
    walkSpanset(s.source, out);
    for (const stage of s.stages) if (stage.kind === "filter") walkCondition(stage.condition, out);
  }
}

/**
 * The `field = "value"` tests of a query whose field has values in the attribute catalog:
 * what an empty result names ("`customer.tier` has values standard, premium, …").
 */
export function stringEqualities(query: string): StringCondition[] {
  let ast: Spanset;
  try {
    ast = parseTraceQL(query);
  } catch {
    return [];
  }
  const all: Condition[] = [];
  walkSpanset(ast, all);
  const out: StringCondition[] = [];
  for (const c of all) {
    if (c.kind !== "compare" || c.op !== "=" || c.value.value.type !== "string") continue;
    const f = c.field;
    const field: FieldRef = f.kind === "intrinsic" ? { kind: "intrinsic", name: f.name } : { kind: "attribute", scope: f.scope, key: f.key };
    let catalog: StringCondition["catalog"] | undefined;
    if (f.kind === "intrinsic") catalog = intrinsicInfo(f.name)?.values;
    else catalog = { key: f.key, scope: f.scope === "unscoped" ? undefined : f.scope };
    if (catalog) out.push({ field, catalog, value: c.value.value.value });
  }
  return out;
}
