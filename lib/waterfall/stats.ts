import type { SpanTree } from "./types";

export interface StatRow {
  /** The service, or `service · operation`. */
  service: string;
  operation: string | null;
  count: number;
  errors: number;
  /** Sums and extremes in ns. */
  totalNs: number;
  maxNs: number;
  selfNs: number;
}

export interface TraceStats {
  services: StatRow[];
  operations: StatRow[];
}

/**
 * Jaeger's "trace statistics": per service and per operation (service + span name), how
 * many spans, their total and self time. Sorted by self time, where the time really went.
 */
export function traceStats(t: SpanTree, self: Float64Array): TraceStats {
  const { trace } = t;
  const services = new Map<number, StatRow>();
  const operations = new Map<number, StatRow>();
  const stride = trace.names.length + 1;
  const add = (map: Map<number, StatRow>, key: number, make: () => StatRow, p: number, s: number) => {
    let row = map.get(key);
    if (!row) map.set(key, (row = make()));
    const d = trace.durationNs[s];
    row.count++;
    row.errors += trace.status[s] === 2 ? 1 : 0;
    row.totalNs += d;
    row.selfNs += self[p];
    if (d > row.maxNs) row.maxNs = d;
  };
  const blank = (service: string, operation: string | null): StatRow => ({ service, operation, count: 0, errors: 0, totalNs: 0, maxNs: 0, selfNs: 0 });
  for (let p = 0; p < t.size; p++) {
    const s = t.span[p];
    if (s < 0) continue;
    const svc = trace.service[s];
    const name = trace.name[s];
    add(services, svc, () => blank(trace.services[svc], null), p, s);
    add(operations, svc * stride + name, () => blank(trace.services[svc], trace.names[name]), p, s);
  }
  const bySelf = (a: StatRow, b: StatRow) => b.selfNs - a.selfNs || b.totalNs - a.totalNs;
  return { services: [...services.values()].sort(bySelf), operations: [...operations.values()].sort(bySelf) };
}
