/**
 * TraceQL queries with their answers on the shared fixture (lib/spans/duckdb/traceql/
 * fixture-traces.ts, also loaded through ingest as clickhouse/query-fixture.ts): traces by
 * letter and matched spans, by start. One table for both engines: DuckDB's compiler test
 * runs it against the fixture, and the ClickHouse contract test checks both engines agree.
 */
export const STRUCTURAL_CASES: [string, string][] = [
  ['{ name = "GET /checkout" } > { name = "charge" }', "A:1"],
  ['{ name = "GET /checkout" } > { name = "fetch row" }', ""],
  ["{ kind = server } > { kind = client }", "A:1 E:1"],
  ['{ name = "early root" } > { name = "late child" }', ""],
  ['{ name = "GET /checkout" } >> { name = "fetch row" }', "A:1"],
  ['{ name = "e-root" } >> { status = error }', "E:1"],
  ["{ kind = server } >> { kind = client }", "A:2 E:2"],
  ['{} >> { name = "leaf" }', "E:1"],
  ['{ name = "leaf" } >> {}', ""],
  ['{ name = "hop-1" } >> {}', "E:3"],
  ['{ name = "charge" } < { kind = server }', "A:1"],
  ['{ name = "leaf" } < {}', "E:1"],
  ['{ name = "leaf" } << { kind = server }', "E:1"],
  ['{ name = "fetch row" } << {}', "A:3"],
  ['{} << { name = "SELECT payments" }', "A:1"],
  ['{ name = "leaf" } << { name = "hop-1" }', "E:1"],
  ['{ name = "render" } ~ { name = "log" }', "B:1"],
  ['{ name = "render" } ~ { name = "render" }', ""],
  ['{ name = "task" } ~ { name = "task" }', "H:4"],
  ['{ name = "batch job" } ~ { name = "batch job" }', ""],
  ['{ kind = server } > { kind = client } && { name = "leaf" }', "E:2"],
  ['{ name = "e-root" } >> { name = "hop-2" } >> { name = "leaf" }', "E:1"],
  ['({ name = "e-root" } >> { name = "hop-3" }) || { name = "render" }', "B:1 E:1"],
];

export const PIPELINE_CASES: [string, string][] = [
  ["{} | count() > 4", "E:5 H:5"],
  ['{ name = "task" } | count() = 4', "H:4"],
  ["{ kind = internal } | count() >= 2", "B:2 E:2 H:5"],
  ['{ name = "task" } | avg(duration) = 250ms', "H:4"],
  ['{ name = "task" } | avg(duration) > 300ms', ""],
  ['{ name = "task" } | max(duration) >= 400ms', "H:4"],
  ['{ name = "task" } | min(duration) < 100ms', ""],
  ['{ name = "task" } | sum(duration) = 1s', "H:4"],
  ['{ name = "task" } | sum(span.items) = 10.5', "H:4"],
  ['{ name = "task" } | avg(span.items) > 2.5', "H:4"],
  ['{ name = "task" } | max(span.items) = 4.5 | min(span.items) = 1', "H:4"],
  ["{} | count() > 2 | avg(duration) > 500ms", "C:3"],
  ["{ status = error } | count() > 1", ""],
  ["({ kind = internal } | count() >= 2) && { status = error }", "E:3"],
  ['{ kind = internal } | { name = "task" }', "H:4"],
  ['{} | count() > 4 | { name = "task" }', "H:4"],
  ['({ name = "task" } | count() > 3) > {}', ""],
  ['{ kind = server } && { kind = internal } | count() > 2', "B:3 E:3"],
  ["{} | max(.items) > 3", "H:5"],
  ['{} | sum(resource.service.name) > 0', ""],
  ["{ span.http.response.status_code > 0 } | avg(span.http.response.status_code) > 400", "A:2 C:1"],
];

export const EVENT_CASES: [string, string][] = [
  ['{ event.exception.type = "CardError" }', "A:1"],
  ['{ event.exception.type =~ "Card.*" }', "A:1"],
  ["{ event.attempt > 2 }", "A:1"],
  ["{ event.attempt >= 2 }", "A:1 E:1"],
  ["{ event.backoff = 1.5 }", "E:1"],
  ["{ event.final = true }", "E:1"],
  ["{ event.attempt != nil }", "A:1 E:1"],
  ['{ event.attempt = nil && name = "leaf" }', "E:1"],
  ['{ event.exception.type = "CardError" } >> {}', "A:2"],
];
