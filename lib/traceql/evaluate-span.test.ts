import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyValue, Attr, NormalizedEvent, NormalizedSpan } from "@/lib/ingest/types";
import { DuckDbSpanStore } from "@/lib/spans/duckdb/store";
import { compileSpanPredicate } from "./evaluate-span";
import { TraceQLError } from "./errors";
import { compileTraceQL } from "@/lib/spans/duckdb/traceql/compile";
import { compileSpanFilter } from "@/lib/spans/duckdb/traceql/span-filter";

/**
 * The JS predicate against the SQL compiler: the spans below go through the real store's
 * ingest, and for every query the spans each side keeps must be the same (and the ones
 * listed, so a fixture mistake cannot make both sides agree on nothing).
 */
const T0 = 1_700_000_000_000_000_000n;
const MS = 1_000_000n;
const a = (key: string, value: AnyValue): Attr => ({ key, value });
const str = (key: string, v: string) => a(key, { t: "str", v });
const int = (key: string, v: bigint) => a(key, { t: "int", v });
const dbl = (key: string, v: number) => a(key, { t: "dbl", v });
const bool = (key: string, v: boolean) => a(key, { t: "bool", v });
const event = (name: string, attributes: Attr[] = []): NormalizedEvent =>
  ({ name, timeNs: T0, attributes, droppedAttributesCount: 0 });

// Shared arrays, as a decoded OTLP resource is shared by its spans. BIG has more keys than
// the evaluator scans linearly, so its lookups go through the cached Map.
const CHECKOUT = [
  str("service.name", "checkout"), str("deployment.environment", "prod"), str("region", "eu"), int("tier", 3n),
];
const DB = [str("service.name", "db"), str("team", "payments"), str("tier", "gold")];
const BIG = [
  str("service.name", "batch"), ...Array.from({ length: 8 }, (_, k) => str(`r${k}`, `v${k}`)),
  str("region", "ap"), str("x", "a"), int("y", 7n), str("z", "yes"),
];

interface Spec extends Partial<NormalizedSpan> { label: string; parent?: string; ms?: number }
const SPECS: Spec[] = [
  { label: "root", name: "GET /checkout", kind: 2, ms: 1500, resource: CHECKOUT, scopeName: "http-lib",
    scopeVersion: "1.0.0",
    attributes: [
      str("http.method", "GET"), int("http.status_code", 200n), str("customer.tier", "enterprise"),
      str("region", "us"), dbl("retry.ratio", 0.5),
    ] },
  { label: "charge", parent: "root", name: "charge", kind: 3, ms: 300, statusCode: 2, statusMessage: "card declined",
    resource: CHECKOUT,
    attributes: [
      int("http.status_code", 502n), dbl("amount", 12.5), int("big.id", 9007199254740993n), bool("cache.hit", false),
      str("customer.tier", "enterprise"),
    ],
    events: [event("exception", [str("exception.type", "CardError"), int("attempt", 3n)])] },
  { label: "db", parent: "charge", name: "SELECT payments", kind: 3, ms: 50, resource: DB,
    attributes: [str("db.system", "postgresql"), dbl("http.status_code", 500), int("items", -2n)] },
  { label: "render", name: "render", kind: 1, ms: 2, statusCode: 1, resource: CHECKOUT, scopeName: "ui",
    scopeVersion: "2.1.0",
    attributes: [
      bool("cache.hit", true), dbl("load", 0.75), str("key with spaces", "yes"), str("glyph", "😀"),
      str("label", "ünïcödé"),
    ],
    events: [
      event("cache.miss"),
      event("retry", [int("attempt", 2n), dbl("backoff", 1.5), bool("final", true), str("attempt", "two")]),
    ] },
  { label: "bmp", name: "bmp", kind: 1, ms: 1, resource: CHECKOUT, attributes: [str("glyph", "\uffff")] },
  { label: "many", name: "many", kind: 4, ms: 100, statusCode: 2, resource: BIG,
    attributes: [
      ...Array.from({ length: 6 }, (_, k) => str(`a${k}`, `v${k}`)), str("dup", "old"), int("dup", 7n),
      dbl("nan", NaN), dbl("inf", Infinity), a("list", { t: "arr", v: [{ t: "int", v: 1n }] }),
      a("blob", { t: "bytes", v: new Uint8Array([1]) }), a("nothing", { t: "empty" }), int("http.status_code", 404n),
    ] },
  { label: "typed", name: "typed", kind: 5, ms: 20, resource: BIG,
    attributes: [int("x", 5n), dbl("y", 2.5), bool("z", true)] },
  { label: "bare", name: "", kind: 0, ms: 0, resource: [], attributes: [] },
  { label: "dupsvc", name: "dupsvc", resource: [str("service.name", "a"), str("service.name", "b")] },
  { label: "emptysvc", name: "emptysvc", resource: [str("service.name", "")] },
  { label: "evnum", name: "evnum", statusCode: 2, statusMessage: "timeout", ms: 7200_000, resource: DB,
    events: [
      event("metrics", [
        dbl("score", NaN), int("huge", 9223372036854775807n), dbl("ratio", 1e21), dbl("limit", Infinity),
      ]),
      event("Exception"),
    ] },
];

const spanIdOf = (label: string) => (0xab00 + SPECS.findIndex((s) => s.label === label)).toString(16).padStart(16, "0");
// Spans under "root" share its trace; every other span is a trace of its own.
const SPANS: NormalizedSpan[] = SPECS.map(({ label, parent, ms = 10, ...rest }, k) => ({
  traceId: (parent ? 1 : k + 1).toString(16).padStart(32, "0"), spanId: spanIdOf(label),
  parentSpanId: parent ? spanIdOf(parent) : null, traceState: "", name: label, kind: 1,
  startNs: T0 + BigInt(k) * MS, endNs: T0 + BigInt(k) * MS + BigInt(ms) * MS, statusCode: 0, statusMessage: "",
  attributes: [], resource: [], scopeName: "", scopeVersion: "", events: [], links: [],
  droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0, ...rest,
}));
const labelOf = (spanId: string) => SPECS[parseInt(spanId, 16) - 0xab00].label;

let dir: string;
let instance: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "spanlens-evaluate-span-"));
  const store = await DuckDbSpanStore.open(dir);
  await store.ingest(1, SPANS);
  await store.close();
  instance = await DuckDBInstance.create(path.join(dir, "spans.duckdb"));
  conn = await instance.connect();
});

afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function sqlLabels(query: string): Promise<string[]> {
  const filter = compileSpanFilter(query);
  if (filter?.semi) throw new Error(`${query} compiled to a structural filter`);
  const where = filter?.where ?? "TRUE";
  const sql = `SELECT span_id FROM spans s WHERE s.project_id = 1 AND (${where})`;
  const rows = (await conn.runAndReadAll(sql, filter?.params)).getRows();
  return rows.map(([id]) => labelOf(String(id))).sort();
}

const jsLabels = (query: string) => {
  const matches = compileSpanPredicate(query);
  return SPECS.filter((_, k) => matches(SPANS[k])).map((s) => s.label).sort();
};

const ALL = SPECS.map((s) => s.label).join(" ");
// [query, the spans it keeps].
const CASES: [string, string][] = [
  ["{}", ALL],
  ["{ true }", ALL],
  ["{ false }", ""],
  ["{ true && !false }", ALL],
  // strings: every operator; ordering is by code point, as DuckDB compares UTF-8 bytes
  ['{ span.customer.tier = "enterprise" }', "root charge"],
  ['{ span.customer.tier != "enterprise" }', ""],
  ['{ span.http.method != "POST" }', "root"],
  ['{ span.glyph > "\uffff" }', "render"],
  ['{ span.glyph >= "\uffff" }', "render bmp"],
  ['{ span.label < "ünï" }', ""],
  ['{ span.label > "ünï" }', "render"],
  ['{ span."key with spaces" = "yes" }', "render"],
  // ints and doubles: int literals are exact on ints, floats compare as doubles
  ["{ span.http.status_code = 200 }", "root"],
  ["{ span.http.status_code >= 500 }", "charge db"],
  ["{ span.http.status_code = 500.0 }", "db"],
  ["{ span.http.status_code != 200 }", "charge db many"],
  ["{ span.http.status_code < 404.5 }", "root many"],
  ["{ span.retry.ratio = 0.5 }", "root"],
  ["{ span.amount > 12 }", "charge"],
  ["{ span.items < -1 }", "db"],
  ["{ span.items = -2.0 }", "db"],
  ["{ span.big.id = 9007199254740993 }", "charge"],
  ["{ span.big.id = 9007199254740992 }", ""],
  ["{ span.big.id = 9007199254740992.0 }", "charge"],
  ["{ span.big.id > 9007199254740992 }", "charge"],
  ["{ span.amount > 1ms }", ""],
  // bools, and values kept only as JSON (NaN, arrays, bytes, empty): present, never compared
  ["{ span.cache.hit = true }", "render"],
  ["{ span.cache.hit != true }", "charge"],
  ["{ span.cache.hit = false }", "charge"],
  ["{ span.nan != nil }", "many"],
  ["{ span.nan > 0 || span.nan < 1 || span.inf > 0 }", ""],
  ["{ span.list != nil && span.blob != nil && span.nothing != nil }", "many"],
  // a repeated key keeps its last value
  ["{ span.dup = 7 }", "many"],
  ['{ span.dup = "old" }', ""],
  // missing keys: no comparison holds, `!` is two-valued
  ['{ span.absent != "x" }', ""],
  ['{ !(span.absent = "x") }', ALL],
  ['{ !(span.customer.tier = "enterprise") && kind = server }', ""],
  ['{ !(span.customer.tier = "enterprise") && kind = client }', "db"],
  ["{ span.absent = nil }", ALL],
  ["{ span.http.status_code = nil }", "render bmp typed bare dupsvc emptysvc evnum"],
  // scopes: unscoped reads the span, else the resource, per type
  ['{ .region = "us" }', "root"],
  ['{ .region = "eu" }', "charge render bmp"],
  ['{ resource.region = "eu" }', "root charge render bmp"],
  ['{ span.region = "ap" }', ""],
  ['{ .region = "ap" }', "many typed"],
  ['{ .x = "a" }', "many typed"],
  ["{ .x = 5 }", "typed"],
  ["{ .y > 6 }", "many typed"],
  ["{ .y = 2.5 }", ""],
  ["{ span.y = 2.5 }", "typed"],
  ['{ .z = "yes" }', "many typed"],
  ["{ .z = true }", "typed"],
  ["{ .tier = 3 }", "root charge render bmp"],
  ['{ .tier = "gold" }', "db evnum"],
  ["{ resource.team != nil }", "db evnum"],
  ["{ .team = nil }", "root charge render bmp many typed bare dupsvc emptysvc"],
  ['{ resource.service.name = "checkout" }', "root charge render bmp"],
  ['{ resource.service.name =~ "check.*|db" }', "root charge db render bmp evnum"],
  // service.name: the SQL also checks the service_name column (first value, never "")
  ['{ resource.service.name = "b" }', ""],
  ['{ resource.service.name = "" }', ""],
  ['{ resource.service.name =~ "" }', "emptysvc"],
  ['{ .service.name = "" }', "emptysvc"],
  // intrinsics
  ['{ name = "charge" }', "charge"],
  ['{ name = "" }', "bare"],
  ['{ span:name =~ "GET .*" }', "root"],
  ['{ name > "render" }', "typed"],
  ["{ status = error }", "charge many evnum"],
  ["{ span:status = ok }", "render"],
  ["{ status != unset }", "charge render many evnum"],
  ['{ statusMessage = "card declined" }', "charge"],
  ['{ statusMessage = "" && status = error }', "many"],
  ["{ statusMessage != nil }", "charge evnum"],
  ['{ statusMessage =~ "time.*" }', "evnum"],
  ["{ kind = server }", "root"],
  ["{ kind = client }", "charge db"],
  ["{ kind = unspecified }", "bare"],
  ["{ kind != internal && kind != client }", "root many typed bare"],
  ["{ span:kind = producer || kind = consumer }", "many typed"],
  ["{ duration > 1s }", "root evnum"],
  ["{ duration >= 1.5s }", "root evnum"],
  ["{ duration > 1.5s }", "evnum"],
  ["{ duration = 2ms }", "render"],
  ["{ duration <= 2000us }", "render bmp bare"],
  ["{ duration < 1ns }", "bare"],
  ["{ duration >= 2h }", "evnum"],
  ["{ duration > 1500000000 }", "evnum"],
  ["{ duration > 299999999.5 }", "root charge evnum"],
  ["{ span:parentID = nil }", "root render bmp many typed bare dupsvc emptysvc evnum"],
  ["{ span:parentID != nil }", "charge db"],
  [`{ span:parentID = "${spanIdOf("root").toUpperCase()}" }`, "charge"],
  [`{ span:id = "${spanIdOf("db").toUpperCase()}" }`, "db"],
  [`{ span:id =~ "${spanIdOf("db").toUpperCase()}" }`, ""],
  [`{ trace:id = "${"1".padStart(32, "0")}" }`, "root charge db"],
  ["{ span:id != nil && trace:id != nil && kind != nil && duration != nil }", ALL],
  ['{ instrumentation:name = "http-lib" && instrumentation:version = "1.0.0" }', "root"],
  ['{ instrumentation:name =~ ".*" }', "root render"],
  ['{ instrumentation:name = "" }', ""],
  ["{ instrumentation:version = nil }", "charge db bmp many typed bare dupsvc emptysvc evnum"],
  // events: any event's name or attribute
  ['{ event:name = "exception" }', "charge"],
  ['{ event:name =~ "cache.*" }', "render"],
  ['{ event:name != "retry" }', "charge render evnum"],
  ['{ event:name =~ "(?i)exception" }', "charge evnum"],
  ["{ event:name != nil }", "charge render evnum"],
  ["{ event:name = nil }", "root db bmp many typed bare dupsvc emptysvc"],
  ['{ event.exception.type = "CardError" }', "charge"],
  ['{ event.exception.type !~ "Card.*" }', ""],
  ["{ event.attempt > 2 }", "charge"],
  ["{ event.attempt >= 2 }", "charge render"],
  ['{ event.attempt = "two" }', "render"],
  ["{ event.attempt != 3 }", "render"],
  ["{ event.backoff = 1.5 }", "render"],
  ["{ event.final = true }", "render"],
  ["{ event.final != true }", ""],
  ["{ event.attempt != nil }", "charge render"],
  ["{ event.attempt = nil }", "root db bmp many typed bare dupsvc emptysvc evnum"],
  // DuckDB orders NaN above every number
  ["{ event.score > 0 }", "evnum"],
  ["{ event.score != 0 }", "evnum"],
  ["{ event.score < 0 || event.score <= 0 || event.score = 0 }", ""],
  ["{ event.limit > 99999999999.5 }", "evnum"],
  ["{ event.limit < 0 }", ""],
  ["{ event.score != nil }", "evnum"],
  ["{ event.huge = 9223372036854775807 }", "evnum"],
  ["{ event.huge > 9223372036854775806 }", "evnum"],
  ["{ event.ratio > 9000000000000000000.0 }", "evnum"],
  ["{ event.ratio > 999999999999999999 }", "evnum"],
  // logic
  ['{ (name = "charge" || name = "render") && status != error }', "render"],
  ['{ !(status = error) && !(kind = internal) }', "root db typed bare"],
  ['{ !(span.http.status_code >= 500 || span.cache.hit = true) }', "root bmp many typed bare dupsvc emptysvc evnum"],
];

describe("compileSpanPredicate agrees with the SQL compiler", () => {
  it.each(CASES)("%s -> %s", async (query, expected) => {
    const want = expected.split(" ").filter(Boolean).sort();
    expect(await sqlLabels(query), `SQL: ${query}`).toEqual(want);
    expect(jsLabels(query), `JS: ${query}`).toEqual(want);
  });
});

// RE2 patterns (regexp_full_match) against their JS translation, on awkward subjects.
const PATTERNS = [
  "", "a", "ab", "a.b", "(?s)a.b", "(?s:a.)b", "a.*", ".*", ".+", ".", "a|ab", "(a|b)+c?", "(?P<n>a)b", "(a*)*", "^*a",
  "a{2}", "a{,2}", "x{2}", "x\\{2\\}", "a{1,}b", "(?U)a+", "a*?", "a+?b",
  "(?i)ab", "(?i)get /.*", "(?i)k", "(?i)[^k]", "[^k]", "(?i)[[:upper:]]+", "(?i)é", "(?i)\\pL+", "(?i)\\W",
  "(?is)A.B",
  "\\s", "\\S", "\\d+", "\\D", "\\w+", "\\W", "[\\d\\s]+", "[^\\w]", "[^\\S\\n]",
  "[[:alpha:]]+", "[[:^alpha:]]", "[[:space:]]", "[[:punct:]]+", "[[:blank:]]", "[^[:alnum:]]",
  "\\pL", "\\p{Greek}", "\\PL", "\\p{^Greek}", "[\\p{Lu}\\d]+", "\\pN+", "\\p{Any}", "[^\\p{L}]",
  "\\Qa.b\\E", "\\Qa*b", "a\\.b", "\\x{41}", "\\x41", "\\101", "\\\\", "\\t", "\\n", "\\v", "[\\n]",
  "[]a]", "[^]a]", "[a-]", "[\\]]", "[é-ë]", "[\\x{1F600}-\\x{1F64F}]+", "😀+",
  "\\Aab\\z", "^ab$", "(?m)ab$\\n^ab", "ab$\\nab", "(?m)^ab$", "(?m:^a)\\n?b", "\\bab\\b", "a\\B", "a\\bb",
];
const SUBJECTS = [
  "", "a", "A", "ab", "AB", "aB", "a\nb", "a\rb", "a\u2028b", "A\nB", "abc", "aab", "aaa", "bbc", "GET /checkout",
  "get /Checkout", "ſ", "\u212A", "k", "K", " ", "\t", "\n", "\v", "\f", "_", "é", "É", "ë", "α", "Ω", "😀",
  "😀😀", "x{2}", "xx", "a{,2}", "a.b", "a*b", "\\", "1", "٣", "12", "ab\nab", "ab\n", "\nab", "!?", "é ë", "1 2",
];

describe("regexes match what DuckDB's RE2 matches", () => {
  beforeAll(async () => {
    await conn.run("CREATE TEMP TABLE subjects (i INTEGER, s VARCHAR)");
    for (const [i, s] of SUBJECTS.entries()) await conn.run("INSERT INTO subjects VALUES ($i, $s)", { i, s });
  });

  it.each(PATTERNS)("%j", async (pattern) => {
    const rows = await conn.runAndReadAll(
      "SELECT regexp_full_match(s, $p::VARCHAR) FROM subjects ORDER BY i", { p: pattern },
    );
    const matches = compileSpanPredicate(`{ name =~ \`${pattern}\` }`);
    const js = SUBJECTS.map((name) => matches({ ...SPANS[0], name }));
    expect(js).toEqual(rows.getRows().map(([m]) => m));
  });

  it.each([
    ["a(?i)b", "(?i) on part of a pattern"],
    ["(?i:a)b", "(?i) on part of a pattern"],
    ["a\\C", "\\C"],
    ["(?i)\\bab", "\\b with (?i)"],
  ])("refuses %j, which JS cannot match the same way", (pattern, message) => {
    const query = `{ name =~ \`${pattern}\` }`;
    const err = catchError(() => compileSpanPredicate(query));
    expect(err.message).toContain(message);
    expect([err.from, err.to]).toEqual([query.indexOf("`"), query.length - 2]);
  });
});

function catchError(fn: () => unknown): TraceQLError {
  try {
    fn();
  } catch (err) {
    if (err instanceof TraceQLError) return err;
    throw err;
  }
  throw new Error("expected a TraceQLError");
}

describe("compileSpanPredicate rejects", () => {
  it.each([
    "{ status > error }", '{ duration = "slow" }', "{ name = 1 }", "{ kind = ok }", "{ span.x = server }",
    "{ span.x > true }", "{ .x > nil }", "{ event.x > true }", "{ event:name = 1 }", '{ duration =~ "1" }',
    "{ status != nil && kind > nil }",
    '{ name =~ "(" }', '{ name =~ "(?=a)" }',
  ])("%s as the SQL compiler does", (query) => {
    const sql = catchError(() => compileTraceQL(query));
    const js = catchError(() => compileSpanPredicate(query));
    expect([js.message, js.from, js.to]).toEqual([sql.message, sql.from, sql.to]);
  });

  it.each([
    '{ name = "a" } && { name = "b" }', '{ name = "a" } || { name = "b" }', "{ kind = server } > { kind = client }",
    "{} | count() > 2", '{ name = "a" } | { kind = server }',
  ])("%s: not a single spanset filter", (query) => {
    const err = catchError(() => compileSpanPredicate(query));
    expect(err.message).toBe("sampling rules take a single { ... } condition");
  });

  it("trace-level intrinsics, naming them", () => {
    const query = '{ name = "a" && (rootServiceName = "x" || traceDuration > 1s || trace:rootName = "y") }';
    const err = catchError(() => compileSpanPredicate(query));
    expect(err.message).toMatch(/^trace:rootService, trace:duration, trace:rootName cannot be used in a sampling rule/);
    expect([err.from, err.to]).toEqual([query.indexOf("rootServiceName"), query.indexOf("rootServiceName") + 15]);
  });
});
