import { isAdditiveMoney, moneyKey, parseMeasureText } from "./measure";
import { rangeParams, type ChartRange } from "./range";
import { traceqlField, valueCondition } from "./traceql";

export type Scope = "span" | "resource" | "event" | "intrinsic";

/** A key as TraceQL spells it: `span.customer.tier`, `resource.service.name`, `event.x`, `name`. */
export function attrLabel(scope: Scope, key: string): string {
  // `event:name` is an intrinsic the catalog files under events; it is spelled as is.
  if (scope === "intrinsic" || /^[a-z]+:/.test(key)) return key;
  return traceqlField(`${scope === "event" ? "span" : scope}.${key}`).replace(/^span\./, `${scope}.`);
}

/** `business.revenue_impact` -> `business`; keys without a dot share the "(top level)" group. */
export function namespaceOf(key: string): string {
  const i = key.indexOf(".");
  return i === -1 ? "(top level)" : key.slice(0, i);
}

/** Every word of the search appears in the key (or its scope), in any order, any case. */
export function matchesSearch(scope: string, key: string, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = `${scope}.${key}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** Groups keys by namespace, namespaces in order of their busiest key. */
export function groupByNamespace<T extends { key: string; spanCount: number }>(keys: T[]): { namespace: string; keys: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const k of [...keys].sort((a, b) => b.spanCount - a.spanCount)) {
    const ns = namespaceOf(k.key);
    groups.set(ns, [...(groups.get(ns) ?? []), k]);
  }
  return [...groups].map(([namespace, list]) => ({ namespace, keys: list }));
}

const isNumeric = (types: string[]) => types.some((t) => t === "int" || t === "double");

/**
 * The chart that answers "what is in this key": numbers over time (a sum for money, a p95
 * otherwise), anything else counted per value. Event attributes cannot be grouped, so they
 * are counted where present.
 */
export function chartParams(scope: Scope, key: string, types: string[], range: ChartRange): Record<string, string> {
  const label = attrLabel(scope, key);
  const base = { ...rangeParams(range) };
  if (scope === "event") return { ...base, q: `{ ${label} != nil }`, measure: "count", view: "bar" };
  if (scope !== "intrinsic" && isNumeric(types) && !types.includes("string")) {
    const money = moneyKey(parseMeasureText(`sum(${label})`));
    const measure = money ? (isAdditiveMoney(money) ? `sum(${label})` : `avg(${label})`) : `p95(${label})`;
    return { ...base, q: `{ ${label} != nil }`, measure, view: "line" };
  }
  return { ...base, measure: "count", groupBy: label, q: scope === "intrinsic" ? "" : `{ ${label} != nil }`, view: "bar" };
}

/** The trace search for one value, spelled with the value's own type. */
export function valueQuery(scope: Scope, key: string, value: string, type: string): string {
  return `{ ${valueCondition(attrLabel(scope, key), value, [type])} }`;
}
