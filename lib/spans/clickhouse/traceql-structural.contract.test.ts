/**
 * Structural operators, pipelines, aggregates and event attributes: the same TraceQL on
 * the same spans gives the same traces, matched-span counts and first matches on DuckDB
 * and on ClickHouse (embedded chDB). DuckDB's answer is the reference; the expected
 * column restates it so a change on both engines at once still shows. A file of its own:
 * chDB allows one data directory per process, and vitest runs each file in its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TraceSearchPage } from "@/lib/contract";
import type { NormalizedSpan } from "@/lib/ingest/types";
import { checkTraceQL } from "@/lib/traceql";
import type { SpanStore } from "../types";
import { EVENT_CASES, PIPELINE_CASES, STRUCTURAL_CASES } from "../traceql-cases";
import { QPROJECT, QWINDOW, qLetterOf, queryFixtureBatches } from "./query-fixture";
import { openBothEngines } from "./both-engines";

let engines: Awaited<ReturnType<typeof openBothEngines>>;

beforeAll(async () => {
  engines = await openBothEngines(async (store) => {
    for (const b of queryFixtureBatches()) await store.ingest(b.projectId, b.spans, b.rates.length ? { sampleRates: b.rates } : {});
  });
}, 180_000); // opening chDB is slow on a loaded machine

afterAll(() => engines.cleanup());

const search = (s: SpanStore, q: string) =>
  s.searchTraces({ projectId: QPROJECT, q, ...QWINDOW, limit: 20, sort: "start", order: "asc", columns: [] });
const letters = (p: TraceSearchPage) => p.traces.map((t) => `${qLetterOf(t.traceId)}:${t.matchedSpans}`).join(" ");

describe.each([
  ["structural operators", STRUCTURAL_CASES],
  ["pipelines and aggregates", PIPELINE_CASES],
  ["event attributes", EVENT_CASES],
])("TraceQL %s on ClickHouse answer as DuckDB", (_name, cases) => {
  it.each(cases)("%s", async (q, expected) => {
    const duck = await search(engines.duck, q);
    const ch = await search(engines.ch, q);
    expect(letters(duck), "DuckDB").toBe(expected);
    expect(ch).toEqual(duck);
  });
});

describe("structural filters for charts", () => {
  it("counts the spans a structural query matches alike", async () => {
    for (const filter of ["{ kind = server } >> { kind = client }", '{ name = "task" } | count() > 3', "{ event.attempt >= 2 }"]) {
      const q = { projectId: QPROJECT, ...QWINDOW, stepNs: 60_000_000_000n, topN: 10, filter, measure: { fn: "count" as const }, groupBy: [] };
      const duck = await engines.duck.queryMetrics(q);
      const ch = await engines.ch.queryMetrics(q);
      expect(duck.series.length, filter).toBeGreaterThan(0);
      expect(ch, filter).toEqual(duck);
    }
  });
});

/** A trace of `n` spans from `parentOf(i)` (null: a root), in a project of its own. */
function shapedTrace(traceId: string, n: number, prefix: string, parentOf: (i: number) => number | null): NormalizedSpan[] {
  const sid = (i: number) => `${prefix.charCodeAt(0).toString(16)}${i.toString(16).padStart(14, "0")}`;
  return Array.from({ length: n }, (_, i) => {
    const startNs = QWINDOW.startNs + 1_000_000n + BigInt(i) * 1_000n;
    const parent = parentOf(i);
    return {
      traceId, spanId: sid(i), parentSpanId: parent === null ? null : sid(parent), traceState: "", name: `${prefix}-${i}`, kind: 1,
      startNs, endNs: startNs + 500n, statusCode: 0, statusMessage: "", attributes: [], resource: [], scopeName: "", scopeVersion: "",
      events: [], links: [], droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0,
    };
  });
}

/**
 * ClickHouse walks ancestors by pointer doubling, so depth has no limit of its own: a
 * chain as deep as the trace is long answers as DuckDB's recursive walk does.
 */
describe("deep and wide traces", () => {
  const PROJECT = QPROJECT + 10;
  const DEPTH = 1500;
  const WIDTH = 2000;
  beforeAll(async () => {
    const chain = shapedTrace("c".repeat(32), DEPTH, "link", (i) => (i ? i - 1 : null));
    const fan = shapedTrace("d".repeat(32), WIDTH, "wide", (i) => (i ? 0 : null));
    for (const store of [engines.duck, engines.ch]) await store.ingest(PROJECT, [...chain, ...fan]);
  }, 180_000);

  it.each([
    [`{ name = "link-0" } >> { name = "link-${DEPTH - 1}" }`, 1],
    [`{ name = "link-${DEPTH - 1}" } << { name = "link-0" }`, 1],
    ['{ name = "link-0" } >> {}', DEPTH - 1],
    [`{ name = "link-${DEPTH - 1}" } << {}`, DEPTH - 1],
    [`{ name = "link-${DEPTH - 1}" } >> {}`, 0],
    ['{ name = "wide-7" } ~ {}', WIDTH - 2],
    ['{ name = "wide-0" } > {} | count() > 1000', WIDTH - 1],
  ])("%s", async (q, matched) => {
    const run = (s: SpanStore) =>
      s.searchTraces({ projectId: PROJECT, q, ...QWINDOW, limit: 5, sort: "start", order: "asc", columns: [] });
    const duck = await run(engines.duck);
    const ch = await run(engines.ch);
    expect(duck.traces.reduce((n, t) => n + t.matchedSpans, 0)).toBe(matched);
    expect(ch).toEqual(duck);
  });
});

/**
 * Long queries. Each structural operator level is a subquery layer, and planning grows
 * faster than linearly with them: a chain of 20 `>>` took about 2 s and 20 `~` about 6 s
 * on a loaded 2-core machine, 95 `>>` over a minute. Larger mixes (hundreds of spansets
 * beside a structural one, dozens of pipeline stages) were still too slow to test here.
 */
describe("query limits on ClickHouse", () => {
  const chain = (n: number, op: string) => Array.from({ length: n }, (_, i) => `{ .a = ${i} }`).join(` ${op} `);
  it.each([
    ["12 >>", chain(12, ">>")],
    ["8 ~", chain(8, "~")],
  ])("%s", async (_label, q) => {
    expect(checkTraceQL(q)).toBeNull();
    const ch = await search(engines.ch, q);
    expect(ch).toEqual(await search(engines.duck, q));
  }, 120_000);
});
