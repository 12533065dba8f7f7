import type { Pos } from "./ast";
import { TraceQLError } from "./errors";

/**
 * RE2 patterns (what DuckDB's regexp functions take) as JavaScript RegExps with the same
 * meaning, for conditions evaluated in JS (evaluate-span.ts): fully anchored, `.` without
 * newline, ASCII classes. Constructs JS cannot match the same way are refused.
 */
// Code point ranges of RE2's ASCII classes.
type Ranges = [number, number][];
const DIGIT: Ranges = [[0x30, 0x39]];
const WORD: Ranges = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
const POSIX: Record<string, Ranges> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]], alpha: [[0x41, 0x5a], [0x61, 0x7a]], ascii: [[0, 0x7f]],
  blank: [[9, 9], [0x20, 0x20]], cntrl: [[0, 0x1f], [0x7f, 0x7f]], digit: DIGIT, graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]], print: [[0x20, 0x7e]], punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[9, 13], [0x20, 0x20]], upper: [[0x41, 0x5a]], word: WORD, xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};
// RE2's \s has no \v, unlike [[:space:]].
const PERL: Record<string, Ranges> = { d: DIGIT, s: [[9, 10], [12, 13], [0x20, 0x20]], w: WORD };
const CATEGORIES = new Set(
  "C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs".split(" "),
);
const SIMPLE_ESCAPES: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };

const hex = (cp: number) => `\\u{${cp.toString(16)}}`;
const rangeClass = (r: Ranges, negated: boolean) =>
  `[${negated ? "^" : ""}${r.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join("")}]`;
const isOctal = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "7";

/**
 * An RE2 pattern (what DuckDB's regexp_full_match runs) as a JavaScript RegExp that accepts the
 * same strings, anchored at both ends. The parser already refused what RE2 refuses, so this
 * only carries RE2's meaning over: `.` excludes only \n, \d \s \w and POSIX classes are ASCII,
 * (?s) and (?m) may cover part of a pattern, and the `v` flag case-folds negated classes as RE2
 * does. Greediness, (?U) and alternation order cannot change whether a full match exists, so
 * they are kept as written. What JS cannot express is refused rather than approximated.
 */
export function re2ToRegExp(pattern: string, at: Pos): RegExp {
  const c = Array.from(pattern);
  const unsupported = (what: string) =>
    new TraceQLError(`not supported in sampling rules: ${what} in a regex`, at.from, at.to);
  const frames = [{ m: false, s: false }];
  let ignoreCase = false;
  let out = "";
  let i = 0;

  /** Index of the two-character sequence `ab` at or after `from`, or -1. */
  const find = (a: string, b: string, from: number) => {
    for (let k = from; k + 1 < c.length; k++) if (c[k] === a && c[k + 1] === b) return k;
    return -1;
  };
  const escapedRune = (): number => {
    const ch = c[i + 1];
    i += 2;
    if (isOctal(ch)) {
      let code = Number(ch);
      for (let k = 0; k < 2 && isOctal(c[i]); k++) code = code * 8 + Number(c[i++]);
      return code;
    }
    if (ch === "x") {
      const braced = c[i] === "{";
      const end = braced ? c.indexOf("}", i) : i + 2;
      const digits = c.slice(braced ? i + 1 : i, end).join("");
      i = braced ? end + 1 : end;
      return parseInt(digits, 16);
    }
    return SIMPLE_ESCAPES[ch] ?? ch.codePointAt(0)!;
  };
  const rune = () => (c[i] === "\\" ? escapedRune() : c[i++].codePointAt(0)!);
  const unicodeGroup = (): string => {
    let negated = c[i + 1] === "P";
    i += 2;
    let name = c[i++];
    if (name === "{") {
      const end = c.indexOf("}", i);
      name = c.slice(i, end).join("");
      i = end + 1;
    }
    if (name.startsWith("^")) [negated, name] = [!negated, name.slice(1)];
    const property = name === "Any" || CATEGORIES.has(name) ? name : `Script=${name}`;
    return `\\${negated ? "P" : "p"}{${property}}`;
  };
  const perlClass = (): string | null => {
    const letter = c[i + 1] ?? "";
    if (!"dDsSwW".includes(letter) || !letter) return null;
    i += 2;
    return rangeClass(PERL[letter.toLowerCase()], letter !== letter.toLowerCase());
  };
  // v-mode classes nest, so POSIX, Perl and Unicode classes (negated too) go in as nested classes.
  const charClass = (): string => {
    let body = "[";
    if (c[++i] === "^") body += c[i++];
    for (let first = true; c[i] !== "]" || first; first = false) {
      const posixEnd = c[i] === "[" && c[i + 1] === ":" ? find(":", "]", i + 2) : -1;
      if (posixEnd >= 0) {
        const name = c.slice(i + 2, posixEnd).join("");
        body += rangeClass(POSIX[name.replace(/^\^/, "")], name.startsWith("^"));
        i = posixEnd + 2;
      } else if (c[i] === "\\" && (c[i + 1] === "p" || c[i + 1] === "P")) {
        body += unicodeGroup();
      } else {
        const perl = c[i] === "\\" ? perlClass() : null;
        if (perl) {
          body += perl;
          continue;
        }
        const lo = rune();
        const isRange = c[i] === "-" && i + 1 < c.length && c[i + 1] !== "]";
        body += isRange ? `${hex(lo)}-${hex((i++, rune()))}` : hex(lo);
      }
    }
    i++;
    return `${body}]`;
  };
  /** `{n}`, `{n,}` or `{n,m}` at the cursor as written, or null where RE2 reads a literal brace. */
  const counts = (): string | null => {
    const m = /^\{(?:0|[1-9]\d*)(?:,(?:0|[1-9]\d*)?)?\}/.exec(c.slice(i, i + 24).join(""));
    if (m) i += m[0].length;
    return m ? m[0] : null;
  };
  /** `(?flags)` or `(?flags:`, cursor on the `(`. */
  const flagGroup = (top: { m: boolean; s: boolean }) => {
    let j = i + 2;
    const set: Record<string, boolean> = {};
    for (let on = true; c[j] !== ")" && c[j] !== ":"; j++) {
      if (c[j] === "-") on = false;
      else set[c[j]] = on;
    }
    const scoped = c[j] === ":";
    const flags = scoped ? { ...top } : top;
    if ("m" in set) flags.m = set.m;
    if ("s" in set) flags.s = set.s;
    if ("i" in set && set.i !== ignoreCase) {
      // JS (on Node 20) has no scoped case folding: only flags before anything else can turn it on.
      if (scoped || frames.length > 1 || out !== "") throw unsupported("(?i) on part of a pattern (put it first)");
      ignoreCase = set.i;
    }
    if (scoped) {
      frames.push(flags);
      out += "(?:";
    }
    i = j + 1;
  };
  const escape = () => {
    const next = c[i + 1];
    if (next === "A" || next === "z") {
      out += next === "A" ? "(?:^)" : "(?:$)";
      i += 2;
    } else if (next === "b" || next === "B") {
      // Under the i flag JS also counts ſ and K (Kelvin) as word characters; RE2 stays ASCII.
      if (ignoreCase) throw unsupported(`\\${next} with (?i)`);
      out += `(?:\\${next})`;
      i += 2;
    } else if (next === "C") {
      throw unsupported("\\C (any byte)");
    } else if (next === "Q") {
      const end = find("\\", "E", i + 2);
      out += c.slice(i + 2, end < 0 ? c.length : end).map((t) => hex(t.codePointAt(0)!)).join("");
      i = end < 0 ? c.length : end + 2;
    } else if (next === "p" || next === "P") {
      out += unicodeGroup();
    } else {
      out += perlClass() ?? hex(escapedRune());
    }
  };

  while (i < c.length) {
    const ch = c[i];
    const top = frames[frames.length - 1];
    if (ch === "(" && c[i + 1] === "?" && c[i + 2] !== "P") {
      flagGroup(top);
    } else if (ch === "(") {
      // Capture groups and names do not change what matches.
      i = c[i + 1] === "?" ? c.indexOf(">", i) + 1 : i + 1;
      frames.push({ ...top });
      out += "(?:";
    } else if (ch === "\\") {
      escape();
    } else if (ch === "[") {
      out += charClass();
    } else if (ch === "{") {
      const repeat = counts();
      if (repeat === null) i++;
      out += repeat ?? hex(0x7b);
    } else {
      i++;
      if (ch === ")") frames.pop();
      if (")|*+?".includes(ch)) out += ch;
      else if (ch === ".") out += top.s ? "[\\s\\S]" : "[^\\n]";
      // Without JS's m flag ^ and $ are the text's ends, RE2's default; RE2's (?m) lines end at \n only.
      else if (ch === "^") out += top.m ? "(?:(?<![^\\n]))" : "(?:^)";
      else if (ch === "$") out += top.m ? "(?:(?![^\\n]))" : "(?:$)";
      else out += /[A-Za-z0-9]/.test(ch) ? ch : hex(ch.codePointAt(0)!);
    }
  }
  try {
    return new RegExp(`^(?:${out})$`, ignoreCase ? "vi" : "v");
  } catch (err) {
    throw new TraceQLError(`invalid regex: ${(err as Error).message}`, at.from, at.to);
  }
}
