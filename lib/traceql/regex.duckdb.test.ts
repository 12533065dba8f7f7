import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { regexProblem } from "./regex";

let conn: DuckDBConnection;

beforeAll(async () => {
  conn = await (await DuckDBInstance.create(":memory:")).connect();
});

async function duckdbAccepts(pattern: string): Promise<boolean> {
  try {
    await conn.run("SELECT regexp_full_match('x', $re::VARCHAR)", { re: pattern });
    return true;
  } catch {
    return false;
  }
}

// Both sides of every rule in regex.ts, including where RE2 and JavaScript disagree.
const PATTERNS = [
  "", "abc", "ent.*", "a|b", "(a|b)c", "[", "a(", "a)", "()", "(?:)", "(?)", "[a-z]+", "[^a]", "[]a]", "[^]", "[]",
  "[a-]", "[-a]", "[a-b-c]", "[z-a]", "[\\]]", "[\\.]", "[\\d]", "[a-\\d]", "[\\b]", "[\\A]", "[\\Q]\\E]",
  "[[:alpha:]]", "[[:^alpha:]]", "[[:foo:]]", "[[:alpha:]", "[[:a]b:]", "[\\pL]", "[\\p{Foo}]", "[\\x{41}-\\x{5a}]",
  "(?i)abc", "(?i:abc)", "(?i-s:a)", "(?U)a*", "(?s).", "(?m)^a", "(?x)a b", "(?#c)", "(?-)", "(?i-)", "(?i", "(?",
  "(?P<n>a)", "(?P<n>a)(?P<n>b)", "(?P<>a)", "(?P<a b>a)", "(?P=n)", "(?P<n", "(?<n>a)",
  "(?=a)", "(?!a)", "(?<=a)", "(?<!a)", "(a)\\1", "\\k<n>",
  "\\A", "\\z", "\\Z", "\\b", "\\B", "\\C", "\\Qa.b\\E", "\\Qab", "\\E", "\\Q\\E*",
  "\\pL", "\\PL", "\\pZ", "\\p{L}", "\\p{Lu}", "\\p{^Greek}", "\\p{Greek}", "\\p{Old_Italic}", "\\p{Any}",
  "\\p{Letter}", "\\p{Foo}", "\\pX", "\\p", "\\p{",
  "\\x{41}", "\\x{10FFFF}", "\\x{110000}", "\\x{}", "\\x{41", "\\x41", "\\x4", "\\xg", "\\x",
  "\\0", "\\07", "\\0777", "\\12", "\\1", "\\7", "\\8", "\\18",
  "\\.", "\\-", "\\ ", "\\_", "\\%", "\\/", "\\q", "\\e", "\\cA", "\\u0041", "\\G", "\\X", "\\é", "a\\",
  "a{", "a{2", "a{,3}", "a{01}", "a{2}", "a{2,}", "a{2,5}", "a{2,1}", "a{1000}", "a{1001}", "a{1000,}", "a{1001,}",
  "a{0,1001}", "a{99999999999}", "a{2}?", "a{2}??", "a{2}{3}", "x{2}{", "{", "}", "]",
  "*a", "a**", "a++", "a*?", "a*??", "(?i)*", "a|*", "(*)", "^*", "$+", "\\b*", "a(?i)*",
  "(a{2}){500}", "(a{2}){501}", "((a{10}){10}){10}", "((a{10}){10}){11}", "(a{10}|b{200}){5}", "(a{600}b){2}",
];

describe("regexProblem agrees with DuckDB's RE2", () => {
  it.each(PATTERNS)("%j", async (pattern) => {
    const accepted = await duckdbAccepts(pattern);
    expect(regexProblem(pattern) === null, regexProblem(pattern) ?? "accepted").toBe(accepted);
  });

  it("explains JavaScript-only syntax", () => {
    expect(regexProblem("(?=a)")).toMatch(/lookahead is not supported/);
    expect(regexProblem("(?<!a)b")).toMatch(/lookbehind is not supported/);
    expect(regexProblem("(a)\\1")).toMatch(/backreferences are not supported/);
    expect(regexProblem("(?<n>a)")).toMatch(/\(\?P<name>/);
    expect(regexProblem("[")).toBe('missing ] at "["');
  });
});
