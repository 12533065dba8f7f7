/**
 * The sampling preview on DuckDB and on ClickHouse (chDB), over the TraceQL parity
 * fixture (query-fixture.ts): traces starting in the range, each under the first rule it
 * matches. Each ClickHouse answer must equal DuckDB's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBothEngines } from "./both-engines";
import { QPROJECT, QT0, QWINDOW, queryFixtureBatches } from "./query-fixture";

let engines: Awaited<ReturnType<typeof openBothEngines>>;
beforeAll(async () => {
  engines = await openBothEngines(async (store) => {
    const batches = queryFixtureBatches();
    for (const b of batches) await store.ingest(b.projectId, b.spans, b.rates.length ? { sampleRates: b.rates } : {});
    // B's root again beside nothing new but a rate: ClickHouse holds a second copy until a merge.
    const b1 = batches[0].spans.find((s) => s.spanId.endsWith("b1"))!;
    await store.ingest(QPROJECT, [b1, { ...b1, spanId: "000000000000abb9", parentSpanId: b1.spanId, name: "late" }]);
  });
}, 120_000);
afterAll(() => engines.cleanup());

const MS = 1_000_000n;

describe("samplingPreview on ClickHouse answers as on DuckDB", () => {
  it.each([
    ["no rules", []],
    ["errors", ["{ status = error }"]],
    ["first rule wins", ["{ kind = server }", "{ status = error }"]],
    ["every trace", ["{}"]],
    ["a rule that matches nothing, then attributes", ['{ name = "nothing" }', '{ span.customer.tier = "enterprise" }', "{ .region = \"eu\" }"]],
    ["{ A } && { B }, { A } || { B }", ['{ name = "charge" } && { name = "fetch row" }', '{ name = "task" } || { name = "render" }']],
    ["durations and trace intrinsics", ["{ trace:duration > 1s }", "{ duration < 10ms && kind = internal }", '{ trace:rootService = "gateway" }']],
  ] as [string, string[]][])("%s", async (_label, rules) => {
    const got = await engines.both((s) => s.samplingPreview(QPROJECT, rules, QWINDOW.startNs, QWINDOW.endNs));
    expect(got.ch).toEqual(got.duck);
    const all = [...got.ch.byRule, got.ch.unmatched];
    // A..E and H start in the window (F starts before it): six traces, a span stored twice counts once.
    expect(all.reduce((n, c) => n + c.traces, 0)).toBe(6);
    expect(all.reduce((n, c) => n + c.spans, 0)).toBe(4 + 4 + 3 + 1 + 5 + 5);
  });

  it("counts only traces starting in the range, with rules matched on its spans", async () => {
    for (const [start, end] of [[2000n, 4000n], [1100n, 1100n], [-6000n, 0n], [70_000n, 80_000n]]) {
      const range = [QT0 + start * MS, QT0 + end * MS] as const;
      const got = await engines.both((s) => s.samplingPreview(QPROJECT, ["{ status = error }", "{ kind = server }"], ...range));
      expect(got.ch, `${start}..${end}`).toEqual(got.duck);
    }
    const other = await engines.both((s) => s.samplingPreview(QPROJECT + 1, ["{ status = error }"], QWINDOW.startNs, QWINDOW.endNs));
    expect(other.ch).toEqual(other.duck);
    expect(other.ch.byRule[0].traces).toBe(1);
  });
});
