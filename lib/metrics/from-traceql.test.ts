import { describe, expect, it } from "vitest";
import type { MetricsSeries } from "@/lib/contract";
import { parseMetricsTraceQL } from "@/lib/traceql/metrics";
import { planFromTraceQL } from "./from-traceql";
import { parseMeasure } from "./measure";
import { topKPerStep } from "./top-k";

const plan = (q: string) => planFromTraceQL(parseMetricsTraceQL(q)!);

describe("planFromTraceQL", () => {
  it("maps each function onto the builder's measures", () => {
    expect(plan("{ status = error } | rate()")).toMatchObject({ filter: "{ status = error }", measures: [{ measure: { fn: "rate" } }] });
    expect(plan("count_over_time()")).toMatchObject({ filter: null, measures: [{ measure: { fn: "count" } }] });
    expect(plan("{} | avg_over_time(duration)").measures).toEqual([{ measure: { fn: "avg", of: "duration" } }]);
    expect(plan("{} | sum_over_time(span.business.revenue_impact)").measures).toEqual([
      { measure: { fn: "sum", of: { scope: "span", key: "business.revenue_impact" } } },
    ]);
    expect(plan("{} | max_over_time(.x)").measures).toEqual([{ measure: { fn: "max", of: { scope: "any", key: "x" } } }]);
  });

  it("asks once per quantile, naming the four builder percentiles", () => {
    expect(plan("{} | quantile_over_time(duration, .95)").measures).toEqual([{ measure: { fn: "p95", of: "duration" } }]);
    expect(plan("{} | quantile_over_time(duration, .99, .75)").measures).toEqual([
      { measure: { fn: "p99", of: "duration" }, p: 0.99 },
      { measure: { fn: "quantile", q: 0.75, of: "duration" }, p: 0.75 },
    ]);
  });

  it("maps by() onto group-bys and histogram_over_time onto a bucket group", () => {
    expect(plan("{} | rate() by (resource.service.name, status)").groupBy).toEqual([
      { scope: "resource", key: "service.name" }, { intrinsic: "status" },
    ]);
    expect(plan("{} | histogram_over_time(duration) by (name)")).toMatchObject({
      histogram: true, measures: [{ measure: { fn: "count" } }], groupBy: [{ intrinsic: "name" }, { log2Bucket: "duration" }],
    });
  });

  it("names the limits it cannot chart", () => {
    expect(() => plan("{} | rate() by (name, kind, status)")).toThrow(/not supported: more than 2 by\(\) fields/);
    expect(() => plan("{} | histogram_over_time(duration) by (name, kind)")).toThrow(/more than 1 by\(\) field with histogram/);
    expect(() => plan("{} | rate() by (trace:rootService)")).toThrow(/not supported: by\(trace:rootService\)/);
  });
});

describe("parseMeasure percentiles", () => {
  it("reads any percentile as a quantile", () => {
    expect(parseMeasure("p75(duration)")).toEqual({ fn: "quantile", q: 0.75, of: "duration" });
    expect(parseMeasure("p99.9(span.x)")).toEqual({ fn: "quantile", q: 0.999, of: { scope: "span", key: "x" } });
    expect(parseMeasure("p95(duration)")).toEqual({ fn: "p95", of: "duration" });
  });
});

describe("topKPerStep", () => {
  const s = (name: string, values: (number | null)[]): MetricsSeries => ({
    group: { name }, points: values.map((v, i) => ({ t: i * 1000, v })), total: null, count: 1,
  });

  it("keeps the k highest series at each step, as Tempo does", () => {
    const out = topKPerStep([s("a", [1, 5, 1]), s("b", [2, 1, 1]), s("c", [0, 0, 0])], "topk", 1);
    expect(out.map((x) => [x.group.name, x.points.map((p) => p.t)])).toEqual([["a", [1000, 2000]], ["b", [0]]]);
  });

  it("keeps the k lowest for bottomk and never ranks the long tail", () => {
    const other: MetricsSeries = { ...s("", [0, 0, 0]), group: { other: true } };
    const out = topKPerStep([s("a", [1, 5, 1]), s("b", [2, 1, null]), other], "bottomk", 1);
    expect(out.map((x) => [x.group.name, x.points.map((p) => p.t)])).toEqual([["a", [0, 2000]], ["b", [1000]]]);
  });
});
