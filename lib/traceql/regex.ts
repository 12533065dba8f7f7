/**
 * Whether DuckDB's regex engine (RE2) will accept a `=~` / `!~` pattern, checked where the
 * query is parsed so every route, saved filters and the editor report it with a position.
 *
 * This follows re2/parse.cc (the version DuckDB bundles) instead of trying `new RegExp`:
 * the two syntaxes differ both ways. `(?i)`, `(?P<n>…)`, `\A`, `\z`, `\Q…\E`, `[[:alpha:]]`
 * and `\pL` are RE2 but fail or mean something else in JavaScript; lookaround, backreferences
 * and `(?<n>…)` are JavaScript but RE2 refuses them. Asking DuckDB would be exact, but it is
 * async and server-only. regex.duckdb.test.ts pins this file to what DuckDB really does.
 *
 * Not checked: RE2 also refuses a pattern whose compiled program is too big (`\pL{1000}`),
 * which depends on its Unicode tables; the routes turn that engine error into a 400.
 */

const MAX_REPEAT = 1000;
const POSIX_CLASSES = new Set(
  "alnum alpha ascii blank cntrl digit graph lower print punct space upper word xdigit".split(" "),
);
const CATEGORIES = new Set(
  "C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs".split(" "),
);
const SIMPLE_ESCAPES: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
const PERL_CLASSES = "dDsSwW";

class Re2SyntaxError extends Error {}

function fail(reason: string, fragment: string): never {
  throw new Re2SyntaxError(`${reason} at "${fragment}"`);
}

/** Null when RE2 parses the pattern, else why not (RE2's wording, plus a hint for JS-only syntax). */
export function regexProblem(pattern: string): string | null {
  try {
    new Checker(Array.from(pattern)).run();
    return null;
  } catch (err) {
    if (err instanceof Re2SyntaxError) return err.message;
    throw err;
  }
}

/**
 * Scripts come from the JS engine's tables, which use RE2's names (Greek, Old_Italic) but
 * also take aliases RE2 refuses (Grek): those reach the engine, whose error is a 400 too.
 */
function isUnicodeGroup(name: string): boolean {
  if (name === "Any" || CATEGORIES.has(name)) return true;
  if (!/^[A-Z][A-Za-z_]*$/.test(name)) return false;
  try {
    new RegExp(`\\p{Script=${name}}`, "u");
    return true;
  } catch {
    return false;
  }
}

const isOctal = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "7";
const isHex = (ch: string | undefined) => ch !== undefined && /^[0-9a-fA-F]$/.test(ch);

/**
 * One pass over the code points. Each open group is a frame: `last` is the operand a
 * repetition would apply to (null right after `(` or `|`), holding the product of the
 * counted repeats nested inside it, because RE2 refuses nestings like `(a{50}){50}`.
 */
class Checker {
  private i = 0;
  private readonly frames: { last: number | null; max: number }[] = [{ last: null, max: 1 }];
  private afterRepeat = false;

  constructor(private readonly c: string[]) {}

  private text(from: number, to = this.i) {
    return this.c.slice(from, to).join("");
  }

  private get top() {
    return this.frames[this.frames.length - 1];
  }

  private operand(product = 1) {
    this.top.last = product;
    this.top.max = Math.max(this.top.max, product);
  }

  run(): void {
    while (this.i < this.c.length) {
      const start = this.i;
      let repeat = false;
      switch (this.c[this.i]) {
        case "(":
          this.group();
          break;
        case ")":
          if (this.frames.length === 1) fail("unexpected )", this.text(0, this.i + 1));
          this.i++;
          this.operand(this.frames.pop()!.max);
          break;
        case "|":
          this.i++;
          this.top.last = null;
          break;
        case "[":
          this.charClass();
          this.operand();
          break;
        case "*":
        case "+":
        case "?":
          this.i++;
          this.repetition(start, null);
          repeat = true;
          break;
        case "{": {
          const counts = this.counts();
          if (counts) {
            this.repetition(start, counts);
            repeat = true;
          } else {
            this.i++; // not a valid {n,m}: a literal brace
            this.operand();
          }
          break;
        }
        case "\\":
          this.escape();
          break;
        default:
          this.i++;
          this.operand();
      }
      this.afterRepeat = repeat;
    }
    if (this.frames.length > 1) fail("missing )", this.text(0));
  }

  private repetition(start: number, counts: { lo: number; hi: number } | null): void {
    if (this.c[this.i] === "?") this.i++; // non-greedy
    const op = this.text(start);
    if (this.afterRepeat) fail("bad repetition operator (repeats cannot be stacked)", op);
    if (counts && ((counts.hi !== -1 && counts.hi < counts.lo) || counts.lo > MAX_REPEAT || counts.hi > MAX_REPEAT)) {
      fail(`invalid repetition size (at most ${MAX_REPEAT})`, op);
    }
    const last = this.top.last;
    if (last === null) fail("missing argument to repetition operator", op);
    if (!counts) return;
    const m = counts.hi === -1 ? counts.lo : counts.hi;
    const product = last * Math.max(m, 1);
    if ((counts.lo >= 2 || counts.hi >= 2) && product > MAX_REPEAT) {
      fail(`invalid repetition size (nested counts multiply past ${MAX_REPEAT})`, op);
    }
    this.operand(product);
  }

  /** `{n}`, `{n,}` or `{n,m}` at the cursor; null when the brace is a literal, as in RE2. */
  private counts(): { lo: number; hi: number } | null {
    let j = this.i + 1;
    const integer = (): number | null => {
      if (!/[0-9]/.test(this.c[j] ?? "")) return null;
      if (this.c[j] === "0" && /[0-9]/.test(this.c[j + 1] ?? "")) return null; // RE2 refuses leading zeros
      let n = 0;
      while (/[0-9]/.test(this.c[j] ?? "")) {
        if (n >= 100_000_000) return null;
        n = n * 10 + Number(this.c[j++]);
      }
      return n;
    };
    const lo = integer();
    if (lo === null) return null;
    let hi: number | null = lo;
    if (this.c[j] === ",") {
      j++;
      hi = this.c[j] === "}" ? -1 : integer();
      if (hi === null) return null;
    }
    if (this.c[j] !== "}") return null;
    this.i = j + 1;
    return { lo, hi };
  }

  private group(): void {
    const start = this.i;
    if (this.c[this.i + 1] !== "?") {
      this.i++;
      this.frames.push({ last: null, max: 1 });
      return;
    }
    if (this.c[this.i + 2] === "P" && this.c[this.i + 3] === "<") {
      const end = this.c.indexOf(">", this.i + 4);
      if (end < 0) fail("invalid named capture group", this.text(start, this.c.length));
      const name = this.text(this.i + 4, end);
      if (!/^[A-Za-z0-9_]+$/.test(name)) fail("invalid named capture group", this.text(start, end + 1));
      this.i = end + 1;
      this.frames.push({ last: null, max: 1 });
      return;
    }
    this.i += 2;
    let negated = false;
    let sawFlag = false;
    for (;;) {
      const ch = this.c[this.i++];
      if (ch === "i" || ch === "m" || ch === "s" || ch === "U") {
        sawFlag = true;
      } else if (ch === "-" && !negated) {
        negated = true;
        sawFlag = false;
      } else if ((ch === ":" || ch === ")") && !(negated && !sawFlag)) {
        if (ch === ":") this.frames.push({ last: null, max: 1 });
        return; // `(?i)` alone sets flags and is not an operand
      } else {
        this.perlSyntax(start);
      }
    }
  }

  private perlSyntax(start: number): never {
    const seen = this.text(start, Math.min(this.i, this.c.length));
    if (/^\(\?[=!]/.test(seen)) fail("lookahead is not supported", seen);
    if (/^\(\?<[=!]/.test(this.text(start, start + 4))) fail("lookbehind is not supported", this.text(start, start + 4));
    if (seen.startsWith("(?<")) fail("named groups are written (?P<name>...) in RE2", seen);
    return fail("invalid or unsupported Perl syntax", seen);
  }

  private escape(): void {
    const start = this.i;
    const next = this.c[this.i + 1];
    if (next !== undefined && "bBAzC".includes(next)) {
      this.i += 2;
      this.operand();
    } else if (next === "Q") {
      // \Q...\E: everything up to \E (or the end) is literal.
      this.i += 2;
      while (this.i < this.c.length) {
        if (this.c[this.i] === "\\" && this.c[this.i + 1] === "E") {
          this.i += 2;
          break;
        }
        this.i++;
        this.operand();
      }
    } else if (next === "p" || next === "P") {
      this.i += 2;
      this.unicodeGroup(start);
      this.operand();
    } else if (next !== undefined && PERL_CLASSES.includes(next)) {
      this.i += 2;
      this.operand();
    } else {
      this.escapedRune();
      this.operand();
    }
  }

  /** `\pL`, `\p{Greek}`, `\P{^Lu}`, with the cursor after the `p`. */
  private unicodeGroup(start: number): void {
    if (this.i >= this.c.length) fail("invalid character class range", this.text(start));
    let name: string;
    if (this.c[this.i] !== "{") {
      name = this.c[this.i++];
    } else {
      const end = this.c.indexOf("}", this.i);
      if (end < 0) fail("invalid character class range", this.text(start, this.c.length));
      name = this.text(this.i + 1, end);
      this.i = end + 1;
    }
    if (!isUnicodeGroup(name.replace(/^\^/, ""))) fail("invalid character class range", this.text(start));
  }

  /** A single-character escape; returns its code point (classes compare range ends). */
  private escapedRune(): number {
    const start = this.i;
    const ch = this.c[this.i + 1];
    if (ch === undefined) return fail("trailing \\", "\\");
    this.i += 2;
    const bad = (hint = "") => fail(`invalid escape sequence${hint}`, this.text(start));
    if (ch >= "1" && ch <= "9" && !(ch <= "7" && isOctal(this.c[this.i]))) bad(" (backreferences are not supported)");
    if (isOctal(ch)) {
      let code = Number(ch);
      for (let k = 0; k < 2 && isOctal(this.c[this.i]); k++) code = code * 8 + Number(this.c[this.i++]);
      return code;
    }
    if (ch === "x") {
      if (this.c[this.i] === "{") {
        let digits = "";
        for (this.i++; isHex(this.c[this.i]); this.i++) digits += this.c[this.i];
        if (this.c[this.i] !== "}" || !digits || parseInt(digits, 16) > 0x10ffff) {
          this.i = Math.min(this.i + 1, this.c.length);
          bad();
        }
        this.i++;
        return parseInt(digits, 16);
      }
      if (!isHex(this.c[this.i]) || !isHex(this.c[this.i + 1])) bad();
      this.i += 2;
      return parseInt(this.text(this.i - 2), 16);
    }
    if (ch in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[ch];
    // Escaped ASCII punctuation and spaces stand for themselves; letters and digits must be known.
    if (ch.codePointAt(0)! < 0x80 && !/[A-Za-z0-9]/.test(ch)) return ch.codePointAt(0)!;
    return bad();
  }

  private charClass(): void {
    const start = this.i++;
    if (this.c[this.i] === "^") this.i++;
    let first = true; // `]` right after `[` or `[^` is a literal
    while (this.i < this.c.length && (this.c[this.i] !== "]" || first)) {
      first = false;
      if (this.c[this.i] === "[" && this.c[this.i + 1] === ":" && this.posixClass()) continue;
      const next = this.c[this.i + 1];
      if (this.c[this.i] === "\\" && (next === "p" || next === "P") && this.c.length - this.i > 2) {
        this.i += 2;
        this.unicodeGroup(this.i - 2);
        continue;
      }
      if (this.c[this.i] === "\\" && next !== undefined && PERL_CLASSES.includes(next)) {
        this.i += 2;
        continue;
      }
      const rangeStart = this.i;
      const lo = this.classRune(start);
      if (this.c[this.i] === "-" && this.i + 1 < this.c.length && this.c[this.i + 1] !== "]") {
        this.i++;
        if (this.classRune(start) < lo) fail("invalid character class range", this.text(rangeStart));
      }
    }
    if (this.i >= this.c.length) fail("missing ]", this.text(start));
    this.i++;
  }

  /** `[:alpha:]` inside a class. RE2 looks for the closing `:]` anywhere after it. */
  private posixClass(): boolean {
    let close = -1;
    for (let j = this.i + 2; j + 1 < this.c.length; j++) {
      if (this.c[j] === ":" && this.c[j + 1] === "]") {
        close = j;
        break;
      }
    }
    if (close < 0) return false;
    if (!POSIX_CLASSES.has(this.text(this.i + 2, close).replace(/^\^/, ""))) {
      fail("invalid character class range", this.text(this.i, close + 2));
    }
    this.i = close + 2;
    return true;
  }

  private classRune(classStart: number): number {
    if (this.i >= this.c.length) fail("missing ]", this.text(classStart));
    if (this.c[this.i] === "\\") return this.escapedRune();
    return this.c[this.i++].codePointAt(0)!;
  }
}
