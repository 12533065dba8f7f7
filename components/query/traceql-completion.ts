import { insertCompletionText, startCompletion, type Completion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import type { EditorView } from "@codemirror/view";
import { completionSpot, type CompletionSpot } from "@/lib/query-builder/completion-context";
import { KIND_VALUES, STATUS_VALUES, parseFieldText, traceqlString, type ValueType } from "@/lib/query-builder/fields";
import { formatCount } from "@/lib/format/count";
import { fieldOptions, fieldType, valuesSource, type Catalog } from "./catalog";

const OPERATORS: { op: string; info: string; types: ValueType[] | "all" }[] = [
  { op: "=", info: "equals", types: "all" },
  { op: "!=", info: "does not equal (spans that have the key)", types: "all" },
  { op: "=~", info: "matches a regular expression (whole value)", types: ["string"] },
  { op: "!~", info: "does not match a regular expression", types: ["string"] },
  { op: ">", info: "greater than", types: ["int", "float", "duration", "string"] },
  { op: ">=", info: "at least", types: ["int", "float", "duration", "string"] },
  { op: "<", info: "less than", types: ["int", "float", "duration", "string"] },
  { op: "<=", info: "at most", types: ["int", "float", "duration", "string"] },
];

/** Accepting a completion that leads somewhere (a field wants an operator) opens the next list. */
function applyThenContinue(text: string) {
  return (view: EditorView, _c: Completion, from: number, to: number) => {
    view.dispatch(insertCompletionText(view.state, text, from, to));
    setTimeout(() => startCompletion(view), 0);
  };
}

const spans = (n: number | null) => (n === null ? "" : ` · ${formatCount(n)} spans`);

async function fieldCompletions(catalog: Catalog): Promise<Completion[]> {
  const options = fieldOptions(await catalog.keys().catch(() => []));
  const scopes: Completion[] = ["span.", "resource.", ".", "event."].map((s) => ({ label: s, type: "namespace", detail: "scope", boost: -20 }));
  return [
    ...options.map((o, i) => ({
      label: o.text,
      type: o.spanCount === null ? "keyword" : "property",
      detail: o.spanCount === null ? o.description : `${o.type}${spans(o.spanCount)}`,
      boost: o.spanCount === null ? 10 : Math.max(-19, 9 - Math.floor(i / 20)),
      apply: applyThenContinue(`${o.text} `),
    })),
    ...scopes,
  ];
}

function operatorCompletions(type: ValueType): Completion[] {
  const ops = OPERATORS.filter((o) => o.types === "all" || o.types.includes(type));
  const out: Completion[] = ops.map((o, i) => ({ label: o.op, detail: o.info, type: "operator", boost: -i, apply: applyThenContinue(`${o.op} `) }));
  out.push({ label: "!= nil", detail: "has the key", type: "operator", boost: -20 }, { label: "= nil", detail: "does not have the key", type: "operator", boost: -21 });
  return out;
}

const FIXED: Partial<Record<ValueType, string[]>> = {
  status: [...STATUS_VALUES],
  kind: [...KIND_VALUES],
  bool: ["true", "false"],
  duration: ["10ms", "100ms", "250ms", "500ms", "1s", "5s"],
};

async function valueCompletions(spot: Extract<CompletionSpot, { kind: "value" }>, catalog: Catalog, to: number): Promise<CompletionResult | null> {
  const field = parseFieldText(spot.field);
  if (!field) return null;
  const type = fieldType(field, await catalog.keys().catch(() => undefined));
  const fixed = FIXED[type];
  if (fixed) return { from: spot.from, options: fixed.map((v) => ({ label: v, type: "enum" })), validFor: /^[\w.]*$/ };
  const source = valuesSource(field);
  const values = source ? await catalog.values(source).catch(() => []) : [];
  if (type !== "string") {
    return { from: spot.from, options: values.map((v, i) => ({ label: v.value, detail: `${formatCount(v.count)} spans`, type: "constant", boost: -Math.min(i, 99) })), validFor: /^-?[\d.]*$/ };
  }
  // Strings: matched without their quotes, inserted with them (closing an open quote).
  const from = spot.quoted ? spot.from + 1 : spot.from;
  return {
    from,
    to,
    // Most frequent first, as the catalog lists them.
    options: values.map((v, i) => ({
      label: v.value,
      detail: `${formatCount(v.count)} spans`,
      type: "text",
      boost: -Math.min(i, 99),
      apply: (view: EditorView, _c: Completion, f: number, t: number) => {
        const literal = traceqlString(v.value);
        const closing = view.state.sliceDoc(t, t + 1) === '"' ? 1 : 0;
        view.dispatch(insertCompletionText(view.state, `${spot.quoted ? literal.slice(1) : literal} `, f, t + closing));
      },
    })),
  };
}

const JOINS: Completion[] = [
  { label: "&&", detail: "and: the same span matches both", type: "keyword", apply: applyThenContinue("&& ") },
  { label: "||", detail: "or", type: "keyword", apply: applyThenContinue("|| ") },
  { label: "}", detail: "close the spanset", type: "keyword" },
];

const AFTER_SPANSET: Completion[] = [
  { label: "&& {", detail: "the trace also has a span matching…", type: "keyword", apply: applyThenContinue("&& { ") },
  { label: "|| {", detail: "or a span matching…", type: "keyword", apply: applyThenContinue("|| { ") },
  { label: ">> {", detail: "with a descendant matching…", type: "keyword", apply: applyThenContinue(">> { ") },
  { label: "> {", detail: "with a direct child matching…", type: "keyword", apply: applyThenContinue("> { ") },
  { label: "| count() >", detail: "at least N matching spans", type: "function", apply: "| count() > " },
];

/** The editor's completion source: fields (typed, with span counts), operators, values, joins. */
export function traceqlCompletion(catalog: Catalog) {
  return async (ctx: CompletionContext): Promise<CompletionResult | null> => {
    const spot = completionSpot(ctx.state.doc.toString(), ctx.pos);
    if (!spot) return null;
    switch (spot.kind) {
      case "spanset":
        return { from: spot.from, options: [{ label: "{ }", detail: "a span matching…", type: "keyword", apply: applyThenContinue("{ ") }] };
      case "afterSpanset":
        return ctx.explicit || /\s$/.test(ctx.state.sliceDoc(0, ctx.pos)) ? { from: spot.from, options: AFTER_SPANSET } : null;
      case "field":
        return { from: spot.from, options: await fieldCompletions(catalog), validFor: /^[\w.:\-]*$/ };
      case "operator": {
        const field = parseFieldText(spot.field);
        if (!field) return null;
        return { from: spot.from, options: operatorCompletions(fieldType(field, await catalog.keys().catch(() => undefined))) };
      }
      case "value":
        return valueCompletions(spot, catalog, ctx.pos);
      case "join":
        return { from: spot.from, options: JOINS };
    }
  };
}
