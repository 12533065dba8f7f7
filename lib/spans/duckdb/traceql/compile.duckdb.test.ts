import { BIGINT, DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { migrateSpanSchema } from "../schema";
import { WINDOW, insertFixture, letterOf, spanId } from "./fixture-traces";
import { TraceQLError } from "@/lib/traceql";
import { compileTraceQL } from "./index";
import { EVENT_CASES, PIPELINE_CASES, STRUCTURAL_CASES } from "../../traceql-cases";

let conn: DuckDBConnection;

beforeAll(async () => {
  const instance = await DuckDBInstance.create(":memory:");
  conn = await instance.connect();
  await migrateSpanSchema(conn);
  await insertFixture(conn);
});

interface Row { trace_id: string; matched_spans: bigint; matched: { span_id: string; name: string }[] }

async function run(query: string, wrap = (sql: string) => sql, index = true): Promise<Row[]> {
  const { sql, params } = compileTraceQL(query, { index });
  const reader = await conn.runAndReadAll(wrap(sql), { project: 1, start: WINDOW.start, end: WINDOW.end, ...params });
  return reader.getRowObjectsJS() as unknown as Row[];
}

/** "A:2 C" -> traces A (2 matched spans) and C (any count). */
async function expectTraces(query: string, expected: string) {
  const rows = await run(query);
  const got = rows.map((r) => letterOf(r.trace_id)).sort();
  const want = expected.split(/\s+/).filter(Boolean).map((e) => e.split(":"));
  expect(got, query).toEqual(want.map(([l]) => l).sort());
  for (const [letter, count] of want) {
    if (count) expect(Number(rows.find((r) => letterOf(r.trace_id) === letter)!.matched_spans), `${query} ${letter}`).toBe(Number(count));
  }
}

// [query, expected traces]. F's root and trace G (project 2) are outside the scope.
const CASES: [string, string][] = [
  ["{}", "A:4 B:3 C:3 D:1 E:5 F:1 H:5"],
  ["{ true }", "A B C D E F H"],
  ["{ false }", ""],
  // attributes: typed comparison, every operator
  ['{ span.customer.tier = "enterprise" }', "A:2"],
  ['{ span.customer.tier = "enterprise" && span.http.response.status_code >= 500 }', "A:2"],
  ['{ span.customer.tier != "enterprise" }', "B C D F"],
  ['{ span.customer.tier =~ "ent" }', "D"],
  ['{ span.customer.tier =~ "ent.*" }', "A D"],
  ['{ span.customer.tier !~ "ent.*" }', "B C F"],
  ['{ span.customer.tier > "free" }', "C"],
  ['{ span.customer.tier <= "ent" }', "D"],
  ["{ span.http.response.status_code = 200 }", "B"],
  ["{ span.http.response.status_code != 200 }", "A:2 C"],
  ["{ span.http.response.status_code > 500 }", "A:1 C"],
  ["{ span.http.response.status_code >= 500 }", "A:2 C"],
  ["{ span.http.response.status_code < 500 }", "B"],
  ["{ span.http.response.status_code <= 200 }", "B"],
  ["{ span.http.response.status_code > 501.5 }", "A:1 C"],
  ["{ 500 <= span.http.response.status_code }", "A:2 C"],
  ["{ span.retry.ratio = 0.5 }", "A"],
  ["{ span.load.factor < 1 }", "B"],
  ["{ span.items >= 2 }", "H:3"],
  ["{ span.items > 4 }", "H:1"],
  ["{ span.big.id = 9007199254740993 }", "C"],
  ["{ span.big.id = 9007199254740992 }", ""],
  ["{ span.cache.hit = true }", "B"],
  ["{ span.cache.hit = false }", "A"],
  ["{ span.cache.hit != true }", "A"],
  ['{ span."key with spaces" = "yes" }', "B"],
  // nil: presence in any typed map, json included
  ["{ span.cache.hit != nil }", "A B"],
  ["{ span.payload != nil }", "C"],
  ["{ span.customer.tier = nil && kind = server }", "E"],
  // scopes
  ['{ .customer.tier = "ent" }', "D"],
  ['{ .team = "ent" }', "D"],
  ['{ span.team = "ent" }', ""],
  ['{ resource.team = "ent" }', "D"],
  ['{ .region = "us" }', "D"],
  ['{ .region = "eu" }', ""],
  ['{ resource.region = "eu" }', "D"],
  ['{ resource.service.name = "db" }', "A:2"],
  ['{ resource.service.name =~ "front.*" }', "A:2 B:3 F:1"],
  ['{ resource.k8s.pod.name != nil }', "C:1"],
  // intrinsics
  ['{ name = "charge" }', "A"],
  ['{ span:name =~ "GET .*" }', "A:1 B:1"],
  ["{ status = error }", "A:1 C:1 E:1"],
  ["{ span:status = ok }", "B"],
  ["{ status != unset }", "A B C E"],
  ["{ status = unset && kind = consumer }", "C"],
  ['{ statusMessage = "card declined" }', "A"],
  ['{ span:statusMessage =~ "time.*" }', "E"],
  ['{ statusMessage = "" && status = error }', "C"],
  ["{ statusMessage != nil }", "A E"],
  ["{ kind = server }", "A B C E"],
  ["{ span:kind = producer }", "C"],
  ["{ kind = unspecified }", "D"],
  ["{ kind = internal }", "A:1 B:2 E:2 F:1 H:5"],
  ["{ kind != internal && kind != server }", "A:2 C:2 D E:2"],
  ["{ duration > 1s }", "A C D H"],
  ["{ span:duration >= 1.5s }", "A C D"],
  ["{ duration < 2ms }", "B"],
  ["{ duration = 100ms }", "E H"],
  ["{ duration <= 10ms }", "A B C F"],
  ["{ duration > 1500000000 }", "C D"],
  ['{ event:name = "exception" }', "A"],
  ['{ event:name =~ "cache.*" }', "E"],
  ['{ event:name != "retry" }', "A E"],
  ["{ event:name != nil }", "A E"],
  ['{ trace:rootName = "GET /checkout" }', "A:4"],
  ['{ trace:rootService = "gateway" }', "E:5"],
  ['{ rootServiceName = "orders" }', "C"],
  // F's trace spans 8s, counting its out-of-window root: the traces row covers the whole trace.
  ["{ trace:duration > 5s }", "D F"],
  ["{ span:parentID = nil }", "A:1 B:1 C:1 D:1 E:1 H:1"],
  [`{ span:id = "${spanId("A2").toUpperCase()}" }`, "A:1"],
  [`{ trace:id = "${"3".padStart(32, "0")}" }`, "C:3"],
  ['{ instrumentation:name = "cron-lib" && instrumentation:version = "1.2.0" }', "D"],
  // logic inside a spanset
  ['{ name = "charge" || name = "render" }', "A B"],
  ['{ (name = "charge" || name = "log") && status = error }', "A"],
  ["{ !(status = error) && kind = server }", "A B E"],
  // TraceQL negation is two-valued: E1 has no tier, so !(tier = enterprise) holds for it.
  ['{ !(span.customer.tier = "enterprise") && kind = server }', "B C E"],
  // spanset && and ||: both sides' spans
  ['{ name = "charge" } && { name = "fetch row" }', "A:2"],
  ['{ name = "charge" } && { name = "render" }', ""],
  ['{ name = "charge" } || { name = "render" }', "A:1 B:1"],
  ["{ kind = server } && { status = error }", "A:2 C:1 E:2"],
  ['{ span.customer.tier = "enterprise" } && { resource.service.name = "db" }', "A:4"],
  ['{ span.cache.hit = true } && { span."key with spaces" = "yes" }', "B:2"],
  ['{ span.customer.tier = "enterprise" } && { span.http.response.status_code = 200 }', ""],
  ['({ name = "charge" } && { name = "fetch row" }) || { name = "render" }', "A:2 B:1"],
  // structural operators, pipelines and event attributes: the table ClickHouse is held to
  ...STRUCTURAL_CASES,
  ...PIPELINE_CASES,
  ...EVENT_CASES,
];

describe("compileTraceQL on DuckDB", () => {
  it.each(CASES)("%s -> %s", async (query, expected) => {
    await expectTraces(query, expected);
  });

  it.each(CASES)("%s: the sparse-attribute index and the maps give the same rows", async (query) => {
    const byTrace = (rows: Row[]) => [...rows].sort((a, b) => a.trace_id.localeCompare(b.trace_id));
    expect(byTrace(await run(query)), query).toEqual(byTrace(await run(query, undefined, false)));
  });

  it.each([
    ['{ span.customer.tier = "enterprise" }', 1],
    ['{ span.http.response.status_code >= 500 && .region = "us" }', 2],
    ['{ resource.service.name = "db" || span.cache.hit = true }', 2],
    ["{ span.customer.tier != nil }", 0],
    ['{ !(span.customer.tier = "enterprise") }', 0],
    ["{ event.attempt > 2 }", 0],
  ])("%s reads the index %i times", (query, times) => {
    expect(compileTraceQL(query).sql.split("FROM sparse_attributes").length - 1).toBe(times);
    expect(compileTraceQL(query, { index: false }).sql).not.toContain("sparse_attributes");
  });

  it("answers a lone indexed comparison from the index, without reading spans", () => {
    const readsSpans = (q: string) => /FROM spans s\b/.test(compileTraceQL(q).sql);
    expect(readsSpans('{ span.customer.tier = "enterprise" }')).toBe(false);
    expect(readsSpans("{ .items >= 2 } | count() > 1")).toBe(false);
    expect(readsSpans("{ .items >= 2 } | avg(duration) > 1ms")).toBe(true);
    expect(readsSpans('{ resource.service.name = "db" }')).toBe(true);
  });

  it("stays exact when a key stopped being indexed after the query was compiled", async () => {
    // What the store looks like once the organiser has stopped indexing customer.tier (it
    // became hot) and dropped its rows, for a query compiled with the layout from before.
    await conn.run("BEGIN");
    try {
      await conn.run("INSERT INTO unindexed_keys VALUES ('span', 'customer.tier', 'str')");
      await conn.run("DELETE FROM sparse_attributes WHERE key = 'customer.tier'");
      await expectTraces('{ span.customer.tier = "enterprise" }', "A:2");
      await expectTraces('{ span.customer.tier = "enterprise" } && { resource.service.name = "db" }', "A:4");
      await expectTraces('{ .customer.tier = "ent" }', "D");
    } finally {
      await conn.run("ROLLBACK");
    }
  });

  it("reads dedicated columns, not the index, for promoted keys", () => {
    const columns = new Map([["span:str:customer.tier", "p0_str_a"]]);
    const { sql } = compileTraceQL('{ span.customer.tier = "enterprise" && span.db.system = "postgresql" }', { columns });
    expect(sql).toContain("s.p0_str_a = ");
    expect(sql.split("FROM sparse_attributes").length - 1).toBe(1);
    // Unscoped reads both scopes: a dedicated column for either keeps the maps.
    expect(compileTraceQL('{ .customer.tier = "ent" }', { columns }).sql).not.toContain("sparse_attributes");
  });

  it("lists up to three matched spans, earliest first", async () => {
    const [row] = await run('{ trace:rootName = "GET /checkout" }');
    expect(row.matched).toEqual([
      { span_id: spanId("A1"), name: "GET /checkout" },
      { span_id: spanId("A2"), name: "charge" },
      { span_id: spanId("A3"), name: "SELECT payments" },
    ]);
  });

  it("works nested inside the caller's CTE, as the search query embeds it", async () => {
    const wrap = (sql: string) => `WITH hits AS (WITH m AS (${sql}) SELECT m.* FROM m JOIN traces t ON t.project_id = $project AND t.trace_id = m.trace_id) SELECT * FROM hits`;
    expect((await run("{ kind = server } >> { kind = client }", wrap)).map((r) => letterOf(r.trace_id)).sort()).toEqual(["A", "E"]);
    expect((await run('{ span.customer.tier = "enterprise" }', wrap)).map((r) => letterOf(r.trace_id))).toEqual(["A"]);
  });

  it("binds $start/$end given as bigint, with or without explicit types", async () => {
    const { sql, params } = compileTraceQL("{ kind = server }");
    const all = { project: 1, start: WINDOW.start, end: WINDOW.end, ...params };
    const typed = await conn.runAndReadAll(sql, all, { start: BIGINT, end: BIGINT });
    expect(typed.getRowObjectsJS()).toHaveLength(4);
    const narrow = await conn.runAndReadAll(sql, { ...all, end: WINDOW.start + 2_500_000_000n });
    expect(narrow.getRowObjectsJS().map((r) => letterOf(r.trace_id as string)).sort()).toEqual(["A", "B"]);
  });

  it("never splices user text into the SQL", async () => {
    const evil = `{ span."x'); DROP TABLE spans; --" = "'); DROP TABLE traces; --" || name =~ "(?i).*'.*" }`;
    const { sql, params } = compileTraceQL(evil);
    expect(sql).not.toMatch(/DROP|x'\)|\(\?i\)/);
    expect(Object.values(params)).toEqual(expect.arrayContaining(["x'); DROP TABLE spans; --", "'); DROP TABLE traces; --"]));
    expect(Object.keys(params).every((k) => /^p\d+$/.test(k))).toBe(true);
    expect(await run(evil)).toEqual([]);
    expect((await conn.runAndReadAll("SELECT count(*) AS n FROM spans")).getRowObjectsJS()[0].n).toBeGreaterThan(0n);
  });

  it.each([
    ["{ status > error }", "cannot compare status > a status value"],
    ['{ duration = "slow" }', "cannot compare duration = a string value"],
    ["{ name = 1 }", "cannot compare name = a int value"],
    ["{ kind = ok }", "cannot compare kind = a status value"],
    ["{ span.x = server }", "cannot compare span.x = a kind value"],
    ["{ span.x > true }", "cannot compare span.x > a bool value"],
    ["{ .x > nil }", "cannot compare .x > a nil value"],
    ["{} | avg(name) > 1", "not supported: avg(name)"],
    ["{} | by(name)", "not supported: by()"],
    ["{} | select(span.x)", "not supported: select()"],
    ["{} | quantile_over_time(duration, 0.9)", "not supported: metrics function quantile_over_time()"],
    ["{} !> {}", "not supported: the !> operator"],
  ])("rejects %s", (query, message) => {
    const err = (() => { try { compileTraceQL(query); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(TraceQLError);
    expect((err as TraceQLError).message).toContain(message);
  });
});
