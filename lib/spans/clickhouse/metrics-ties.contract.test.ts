/**
 * Metrics series with equal span counts, on DuckDB and on ClickHouse (chDB): both engines
 * rank them by their group values, so two identical requests answer the same, and so do the
 * two engines (ClickHouse's parallel GROUP BY returned tied groups in a different order from
 * one request to the next).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NormalizedSpan } from "@/lib/ingest/types";
import { parseMeasure } from "@/lib/metrics/measure";
import { openBothEngines } from "./both-engines";

const T0 = 1_700_000_000_000_000_000n;
const S = 1_000_000_000n;
const PROJECT = 1;
// 30 names, 2 spans each, sent in an order that is neither sorted nor reversed.
const NAMES = Array.from({ length: 30 }, (_, i) => `op-${String((i * 7) % 30).padStart(2, "0")}`);

function span(name: string, i: number): NormalizedSpan {
  const startNs = T0 + BigInt(i) * S;
  return {
    traceId: (i + 1).toString(16).padStart(32, "0"), spanId: (i + 1).toString(16).padStart(16, "0"), parentSpanId: null,
    traceState: "", name, kind: 1, startNs, endNs: startNs + 1_000_000n, statusCode: 0, statusMessage: "",
    attributes: [], resource: [{ key: "service.name", value: { t: "str", v: "svc" } }], scopeName: "", scopeVersion: "",
    events: [], links: [], droppedAttributesCount: 0, droppedEventsCount: 0, droppedLinksCount: 0,
  };
}

let engines: Awaited<ReturnType<typeof openBothEngines>>;
beforeAll(async () => {
  engines = await openBothEngines(async (store) => {
    await store.ingest(PROJECT, [...NAMES, ...NAMES].map(span));
  });
}, 120_000);
afterAll(() => engines.cleanup());

describe("metrics series with equal counts", () => {
  it("come in the order of their group values on both engines, and the top N are the first of them", async () => {
    const query = {
      projectId: PROJECT, filter: null, measure: parseMeasure("count"), groupBy: [{ intrinsic: "name" as const }],
      startNs: T0, endNs: T0 + 120n * S, stepNs: 60n * S, topN: 5,
    };
    const names = (r: { series: { group: Record<string, unknown> }[] }) => r.series.map((s) => s.group.name ?? "other");
    const expected = [...[...NAMES].sort().slice(0, 5), "other"];
    for (let i = 0; i < 3; i++) {
      const got = await engines.both((s) => s.queryMetrics(query));
      expect(names(got.duck)).toEqual(expected);
      expect(names(got.ch)).toEqual(expected);
      expect(got.ch).toEqual(got.duck);
    }
  });
});
