import type { CompareAttribute, CompareValue } from "@/lib/contract";
import { durationLiteral } from "./heatmap";
import { andConditions, traceqlField, valueCondition } from "./traceql";

/** The attribute as TraceQL spells it: `span.region`, `resource.service.name`, or an intrinsic (`name`). */
export function compareField(a: Pick<CompareAttribute, "scope" | "key">): string {
  return a.scope === "intrinsic" ? a.key : traceqlField(`${a.scope}.${a.key}`);
}

/** The condition that picks one compared value's spans, or null for "other" (the rest of many values). */
export function compareValueCondition(a: Pick<CompareAttribute, "scope" | "key" | "type">, v: CompareValue): string | null {
  if (v.other) return null;
  const field = compareField(a);
  if (v.range) {
    const parts = [v.range.gte !== null ? `${field} >= ${v.range.gte}` : null, v.range.lt !== null ? `${field} < ${v.range.lt}` : null];
    const conds = parts.filter(Boolean);
    return conds.length ? conds.join(" && ") : `${field} != nil`;
  }
  if (v.value === null) return `${field} = nil`;
  return valueCondition(field, v.value, typeof v.value === "string" ? ["string"] : undefined);
}

/** A value's label: numbers and strings as they are, a missing key as "(missing)". */
export function compareValueLabel(v: CompareValue): string {
  if (v.value === null) return "(missing)";
  if (typeof v.value === "string" && !v.range && !v.other) return `"${v.value}"`;
  return String(v.value);
}

/** The spans of a heatmap region: the page's filter with the region's duration bounds ANDed in. */
export function durationSelection(filter: string, fromMs: number | null, toMs: number | null): string {
  const conds = [fromMs !== null ? `duration >= ${durationLiteral(fromMs)}` : null, toMs !== null ? `duration < ${durationLiteral(toMs)}` : null];
  return andConditions(filter, conds.filter((c): c is string => c !== null));
}
