import { andConditions, traceqlField, valueCondition } from "@/lib/chart-data/traceql";
import type { BoardVariable } from "./types";

/** One TraceQL condition per variable with values: any of its values (`(a = x || a = y)`). */
export function variableConditions(vars: BoardVariable[]): string[] {
  return vars
    .filter((v) => v.values.length > 0)
    .map((v) => {
      const field = traceqlField(v.key.startsWith(".") || /^(span|resource)\./.test(v.key) ? v.key : `span.${v.key}`);
      const parts = v.values.map((value) => valueCondition(field, value));
      return parts.length === 1 ? parts[0] : `(${parts.join(" || ")})`;
    });
}

/** A panel's filter with the board's variables ANDed in, on the same span where TraceQL can say so. */
export function withVariables(filter: string | undefined, vars: BoardVariable[]): string {
  return andConditions(filter ?? "", variableConditions(vars));
}

/**
 * Variables in the URL: `var=<key>=<value>`, repeated (one per chosen value). A key named
 * in the URL replaces the board's default values for it; keys not named keep theirs.
 */
export function variablesFromUrl(defaults: BoardVariable[], params: string[]): BoardVariable[] {
  const chosen = new Map<string, string[]>();
  for (const p of params) {
    const i = p.indexOf("=");
    if (i <= 0) continue;
    const key = p.slice(0, i);
    chosen.set(key, [...(chosen.get(key) ?? []), ...(p.slice(i + 1) === "" ? [] : [p.slice(i + 1)])]);
  }
  const out = defaults.map((v) => (chosen.has(v.key) ? { key: v.key, values: chosen.get(v.key)! } : v));
  for (const [key, values] of chosen) if (!defaults.some((v) => v.key === key)) out.push({ key, values });
  return out;
}

export function variablesToUrl(vars: BoardVariable[]): string[] {
  return vars.flatMap((v) => (v.values.length ? v.values.map((x) => `${v.key}=${x}`) : [`${v.key}=`]));
}
