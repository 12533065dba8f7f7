/**
 * Where the cursor is in a TraceQL query, for the editor's autocomplete: typing a field,
 * an operator, a value, or between conditions. Text-based rather than tree-based because
 * the half-typed query is exactly where the parser's error recovery is least predictable.
 */
export type CompletionSpot =
  | { kind: "spanset"; from: number }
  | { kind: "field"; from: number; text: string }
  | { kind: "operator"; from: number; field: string }
  | { kind: "value"; from: number; field: string; op: string; quoted: boolean }
  | { kind: "join"; from: number }
  | { kind: "afterSpanset"; from: number };

type TokenType = "word" | "string" | "op" | "open" | "close" | "paren" | "closeParen";
interface Token { type: TokenType; text: string; from: number; to: number; closed?: boolean }

export const COMPARISON_OPS = ["=", "!=", ">", ">=", "<", "<=", "=~", "!~"];
const OPS = ["&&", "||", "!=", "!~", "=~", ">=", "<=", ">>", "<<", "=", ">", "<", "~", "!", "|", "&"];
const WORD = /[^\s{}()=!<>~&|"`]/;

/** A quoted string from `at`, closed or running to the end. */
function stringEnd(src: string, at: number): { to: number; closed: boolean } {
  const quote = src[at];
  for (let i = at + 1; i < src.length; i++) {
    if (quote === '"' && src[i] === "\\") i++;
    else if (src[i] === quote) return { to: i + 1, closed: true };
  }
  return { to: src.length, closed: false };
}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === "/" && src[i + 1] === "/") { while (i < src.length && src[i] !== "\n") i++; continue; }
    if (c === '"' || c === "`") {
      const { to, closed } = stringEnd(src, i);
      out.push({ type: "string", text: src.slice(i, to), from: i, to, closed });
      i = to;
      continue;
    }
    const single: Record<string, TokenType> = { "{": "open", "}": "close", "(": "paren", ")": "closeParen" };
    if (single[c]) { out.push({ type: single[c], text: c, from: i, to: i + 1 }); i++; continue; }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op) { out.push({ type: "op", text: op, from: i, to: i + op.length }); i += op.length; continue; }
    // A word, including a quoted key after its scope: span."odd key".
    let j = i;
    while (j < src.length) {
      if (WORD.test(src[j])) j++;
      else if (src[j] === '"' && src[j - 1] === ".") j = stringEnd(src, j).to;
      else break;
    }
    out.push({ type: "word", text: src.slice(i, j), from: i, to: j });
    i = j;
  }
  return out;
}

const STARTS_CONDITION = (t: Token | undefined) =>
  !t || t.type === "open" || t.type === "paren" || (t.type === "op" && ["&&", "||", "!"].includes(t.text));

/** What to complete at `pos` (only the text before the cursor matters), or null for nothing. */
export function completionSpot(text: string, pos: number): CompletionSpot | null {
  const tokens = tokenize(text.slice(0, pos));
  const last = tokens[tokens.length - 1];
  const touching = !!last && last.to === pos;
  const current = touching && (last.type === "word" || last.type === "string") ? last : null;
  const before = current ? tokens.slice(0, -1) : tokens;
  const depth = before.reduce((d, t) => d + (t.type === "open" ? 1 : t.type === "close" ? -1 : 0), 0);
  const prev = before[before.length - 1];
  const from = current?.from ?? pos;

  if (depth <= 0) {
    if (current) return null;
    if (prev && (prev.type === "close" || prev.type === "closeParen")) return { kind: "afterSpanset", from };
    return !prev || prev.type === "op" || prev.type === "paren" ? { kind: "spanset", from } : null;
  }
  if (current?.type === "string" && current.closed) return null;
  if (STARTS_CONDITION(prev)) return current?.type === "string" ? null : { kind: "field", from, text: current?.text ?? "" };
  if (prev.type === "op" && COMPARISON_OPS.includes(prev.text)) {
    const field = before[before.length - 2];
    if (field?.type !== "word") return null;
    return { kind: "value", from, field: field.text, op: prev.text, quoted: current?.type === "string" };
  }
  if (prev.type === "word" && STARTS_CONDITION(before[before.length - 2])) {
    // Right after a field: operators. A touching field is still being typed, so not yet.
    return current ? null : { kind: "operator", from: pos, field: prev.text };
  }
  // A partial `&` or `|` after a complete condition still wants the joins.
  if (!current && prev.type === "op" && (prev.text === "&" || prev.text === "|") && prev.to === pos) {
    return { kind: "join", from: prev.from };
  }
  if (!current && !touching && (prev.type === "word" || prev.type === "string" || prev.type === "closeParen")) return { kind: "join", from: pos };
  return null;
}
