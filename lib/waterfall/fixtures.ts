import type { CompactTrace } from "@/lib/contract";

/** A span for tests: times in ms from the trace start. */
export interface SpanSpec {
  id: string;
  parent?: string | null;
  start: number;
  end: number;
  name?: string;
  service?: string;
  error?: boolean;
  /** OTLP span kind; internal (1) when left out. */
  kind?: number;
  events?: [offsetMs: number, name: string][];
}

const MS = 1e6;

/** The compact form the API sends, from a few hand-written spans (tests and stories only). */
export function compactTrace(spans: SpanSpec[]): CompactTrace {
  const names: string[] = [];
  const services: string[] = [];
  const seen = new Map<string[], Map<string, number>>([[names, new Map()], [services, new Map()]]);
  const intern = (list: string[], s: string) => {
    const idx = seen.get(list)!;
    let i = idx.get(s);
    if (i === undefined) idx.set(s, (i = list.push(s) - 1));
    return i;
  };
  const t: CompactTrace = {
    traceId: "0".repeat(31) + "1", startTimeUnixNano: "1700000000000000000", spanCount: spans.length, names, services,
    spanId: [], parentSpanId: [], name: [], service: [], startOffsetNs: [], durationNs: [], status: [], kind: [], events: [],
  };
  spans.forEach((s, i) => {
    t.spanId.push(s.id);
    t.parentSpanId.push(s.parent ?? null);
    t.name.push(intern(names, s.name ?? s.id));
    t.service.push(intern(services, s.service ?? "svc"));
    t.startOffsetNs.push(s.start * MS);
    t.durationNs.push((s.end - s.start) * MS);
    t.status.push(s.error ? 2 : 0);
    t.kind.push(s.kind ?? 1);
    for (const [at, name] of s.events ?? []) t.events.push(i, at * MS, intern(names, name));
  });
  return t;
}
