import type { CompareAttribute, CompareResult, CompareScope, CompareValue } from "@/lib/contract";
import type { AttrRef } from "@/lib/metrics/measure";
import { MAX_COMPARE_ATTRIBUTES, TOP_VALUES } from "./limits";

/**
 * What an engine hands back for one attribute value, or (value undefined) for the
 * attribute as a whole: the weight of each side's spans that have it. Weights are
 * already multiplied by 1 / sample rate and by `weightBy` when given.
 */
export interface CompareRow {
  scope: CompareScope;
  key: string;
  type: "string" | "number";
  /** str and bool values arrive as text; `num` a number as text; `range` a bucket index. */
  valueType: "str" | "bool" | "num" | "range" | "total";
  value: string | null;
  selection: number;
  baseline: number;
  /** On a numeric attribute's total row: the shared range edges, ascending. */
  edges?: number[] | null;
}

export interface ShapeInput {
  rows: CompareRow[];
  /** The weight of each side's spans the rows were read from (the sample, if sampled). */
  totals: { selection: number; baseline: number };
}

const share = (part: number, whole: number) => (whole > 0 ? Math.min(1, Math.max(0, part / whole)) : 0);

function rangeLabel(gte: number | null, lt: number | null): string {
  if (gte === null && lt === null) return "any";
  if (gte === null) return `< ${lt}`;
  if (lt === null) return `≥ ${gte}`;
  return `${gte} – ${lt}`;
}

function typedValue(r: CompareRow): string | number | boolean {
  if (r.valueType === "bool") return r.value === "true";
  if (r.valueType === "num") return Number(r.value);
  return r.value ?? "";
}

/** Half the summed absolute differences of the shares: the total variation distance. */
export function variationDistance(values: { selection: number; baseline: number }[]): number {
  return values.reduce((sum, v) => sum + Math.abs(v.selection - v.baseline), 0) / 2;
}

/**
 * One attribute's comparison: its top values by combined share (or every range, in order),
 * "other" for the rest the engine counted, and null for spans that lack the key.
 */
function shapeAttribute(total: CompareRow, values: CompareRow[], totals: ShapeInput["totals"]): CompareAttribute {
  const out: CompareValue[] = [];
  let keptSel = 0;
  let keptBase = 0;
  const push = (v: Omit<CompareValue, "selection" | "baseline">, sel: number, base: number) => {
    out.push({ ...v, selection: share(sel, totals.selection), baseline: share(base, totals.baseline) });
    keptSel += sel;
    keptBase += base;
  };
  const ranges = values.filter((v) => v.valueType === "range");
  if (ranges.length > 0) {
    const edges = total.edges ?? [];
    for (const r of ranges.sort((a, b) => Number(a.value) - Number(b.value))) {
      const i = Number(r.value);
      const gte = i > 0 ? edges[i - 1] : null;
      const lt = i < edges.length ? edges[i] : null;
      push({ value: rangeLabel(gte, lt), range: { gte, lt } }, r.selection, r.baseline);
    }
  } else {
    const ranked = [...values].sort((a, b) =>
      share(b.selection, totals.selection) + share(b.baseline, totals.baseline)
      - share(a.selection, totals.selection) - share(a.baseline, totals.baseline)
      || (a.value ?? "").localeCompare(b.value ?? ""));
    for (const r of ranked.slice(0, TOP_VALUES)) push({ value: typedValue(r) }, r.selection, r.baseline);
    if (numericOrder(out)) out.sort(compareValues);
  }
  const otherSel = Math.max(0, total.selection - keptSel);
  const otherBase = Math.max(0, total.baseline - keptBase);
  if (share(otherSel, totals.selection) + share(otherBase, totals.baseline) > 1e-9) {
    push({ value: "other", other: true }, otherSel, otherBase);
  }
  const missSel = Math.max(0, totals.selection - total.selection);
  const missBase = Math.max(0, totals.baseline - total.baseline);
  if (share(missSel, totals.selection) + share(missBase, totals.baseline) > 1e-9) push({ value: null }, missSel, missBase);
  return { key: total.key, scope: total.scope, type: total.type, score: variationDistance(out), values: out };
}

const numericOrder = (values: CompareValue[]) => values.every((v) => typeof v.value === "number");

function compareValues(a: CompareValue, b: CompareValue): number {
  if (typeof a.value === "number" && typeof b.value === "number") return a.value - b.value;
  return 0;
}

const attrId = (r: CompareRow) => `${r.scope}\u0000${r.type}\u0000${r.key}`;

/**
 * Rows from an engine -> the ranked answer. Attributes tie-break by key so the order is
 * stable across engines.
 */
export function shapeComparison(input: ShapeInput): Pick<CompareResult, "attributes"> {
  const groups = new Map<string, { total?: CompareRow; values: CompareRow[] }>();
  for (const r of input.rows) {
    const id = attrId(r);
    if (!groups.has(id)) groups.set(id, { values: [] });
    const g = groups.get(id)!;
    if (r.valueType === "total") g.total = r;
    else g.values.push(r);
  }
  const attributes = [...groups.values()]
    .filter((g): g is { total: CompareRow; values: CompareRow[] } => g.total !== undefined)
    .map((g) => shapeAttribute(g.total, g.values, input.totals))
    .sort((a, b) => b.score - a.score || a.scope.localeCompare(b.scope) || a.key.localeCompare(b.key) || a.type.localeCompare(b.type));
  return { attributes: attributes.slice(0, MAX_COMPARE_ATTRIBUTES) };
}

/**
 * An engine's result rows, as both engines' SQL spells them: value and total rows per
 * attribute, `edges` rows (a numeric key's range edges), and one `sides` row (each side's
 * weight in what was read) and one `kept` row (spans read per side).
 */
export interface EngineRow {
  scope: string;
  k: string;
  g: string;
  t: string;
  val: string | null;
  a: number | string;
  b: number | string;
  edges: (number | string)[] | null;
}

export function shapeEngineRows(
  raw: EngineRow[],
  ctx: { spans: { selection: number; baseline: number }; size: { w_sel: number | string; w_base: number | string }; weightBy: AttrRef | null; limit: number },
): CompareResult {
  const sides = raw.find((r) => r.t === "sides");
  const kept = raw.find((r) => r.t === "kept");
  const edges = new Map(raw.filter((r) => r.t === "edges").map((r) => [`${r.scope}\u0000${r.k}`, (r.edges ?? []).map(Number)]));
  const rows: CompareRow[] = raw.filter((r) => !["sides", "kept", "edges"].includes(r.t)).map((r) => ({
    scope: r.scope as CompareScope, key: r.k, type: r.g as CompareRow["type"], valueType: r.t as CompareRow["valueType"],
    value: r.val, selection: Number(r.a), baseline: Number(r.b),
    edges: r.t === "total" && r.g === "number" ? edges.get(`${r.scope}\u0000${r.k}`) ?? null : null,
  }));
  const { attributes } = shapeComparison({ rows, totals: { selection: Number(sides?.a ?? 0), baseline: Number(sides?.b ?? 0) } });
  const read = { selection: Number(kept?.a ?? 0), baseline: Number(kept?.b ?? 0) };
  const fraction = (n: number, total: number) => (total > 0 ? Math.min(1, n / total) : 1);
  const sampled = { selection: fraction(read.selection, ctx.spans.selection), baseline: fraction(read.baseline, ctx.spans.baseline) };
  const w = ctx.weightBy;
  return {
    attributes,
    selection: { spans: ctx.spans.selection, total: Number(ctx.size.w_sel) },
    baseline: { spans: ctx.spans.baseline, total: Number(ctx.size.w_base) },
    weightBy: w ? `${w.scope === "any" ? "" : w.scope}.${w.key}` : null,
    ...(sampled.selection < 1 || sampled.baseline < 1 ? { sampled: { ...sampled, limit: ctx.limit } } : {}),
  };
}
