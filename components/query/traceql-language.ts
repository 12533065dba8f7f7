import { HighlightStyle, LRLanguage, LanguageSupport, syntaxHighlighting } from "@codemirror/language";
import { EditorView } from "@codemirror/view";
import { parser } from "@grafana/lezer-traceql";
import { styleTags, tags as t } from "@lezer/highlight";

/** The grammar ships no highlighting; these tags follow Grafana's own TraceQL editor. */
const traceqlTags = styleTags({
  "LineComment BlockComment": t.comment,
  "Parent Resource Span Event Link Instrumentation Identifier": t.propertyName,
  IntrinsicField: t.propertyName,
  String: t.string,
  "Integer Float Duration": t.number,
  Static: t.literal,
  "Aggregate AggregateExpression": t.function(t.keyword),
  "And Or": t.logicOperator,
  "Gt Lt Desc Anc ExperimentalOp UnionStructuralOp": t.controlOperator,
  "ComparisonOp FieldOp ScalarOp": t.compareOperator,
  Pipe: t.operator,
  "( )": t.paren,
  "{ }": t.brace,
});

const language = LRLanguage.define({
  name: "traceql",
  parser: parser.configure({ props: [traceqlTags] }),
  languageData: { commentTokens: { line: "//" } },
});

/**
 * Colours come from the theme's custom properties, so one style serves light and dark.
 * Red is left out on purpose: it means an error, and the linter's underline uses it.
 */
const highlight = HighlightStyle.define([
  { tag: t.propertyName, color: "var(--svc-0)" },
  { tag: t.string, color: "var(--svc-1)" },
  { tag: [t.number, t.literal], color: "var(--svc-3)" },
  { tag: [t.logicOperator, t.controlOperator, t.operator], color: "var(--svc-2)", fontWeight: "600" },
  { tag: t.compareOperator, color: "var(--muted)" },
  { tag: t.function(t.keyword), color: "var(--svc-6)" },
  { tag: [t.brace, t.paren], color: "var(--faint)" },
  { tag: t.comment, color: "var(--faint)", fontStyle: "italic" },
]);

/** Editor chrome in the page's colours and its monospace face, compact like the rest of the UI. */
export const traceqlTheme = EditorView.theme({
  "&": { color: "var(--fg)", backgroundColor: "var(--bg)", fontSize: "13px" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": { fontFamily: "var(--font-mono, ui-monospace, SFMono-Regular, Menlo, monospace)", lineHeight: "20px" },
  ".cm-content": { padding: "4px 0", caretColor: "var(--fg)" },
  ".cm-line": { padding: "0 8px" },
  ".cm-cursor": { borderLeftColor: "var(--fg)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "var(--selected)" },
  ".cm-placeholder": { color: "var(--faint)" },
  ".cm-tooltip": { backgroundColor: "var(--bg)", border: "1px solid var(--line)", borderRadius: "6px", color: "var(--fg)", boxShadow: "0 6px 24px rgb(0 0 0 / 0.15)" },
  ".cm-tooltip-autocomplete > ul": { fontFamily: "var(--font-mono, ui-monospace, monospace)", fontSize: "12px", maxHeight: "18em" },
  ".cm-tooltip-autocomplete > ul > li": { padding: "2px 8px" },
  ".cm-tooltip-autocomplete > ul > li[aria-selected]": { backgroundColor: "var(--selected)", color: "var(--fg)" },
  ".cm-completionDetail": { color: "var(--muted)", fontStyle: "normal", marginLeft: "1em", fontFamily: "var(--font-sans, system-ui, sans-serif)" },
  ".cm-completionMatchedText": { textDecoration: "none", fontWeight: "700" },
  ".cm-completionInfo": { fontFamily: "var(--font-sans, system-ui, sans-serif)", fontSize: "12px", padding: "4px 8px" },
  ".cm-diagnostic-error": { borderLeft: "3px solid var(--error)" },
  ".cm-lintRange-error": { backgroundImage: "none", textDecoration: "underline wavy var(--error)", textUnderlineOffset: "3px" },
});

export function traceql(): LanguageSupport {
  return new LanguageSupport(language, [syntaxHighlighting(highlight)]);
}
