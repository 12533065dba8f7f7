import type { TraceColumns } from "./columns";
import { buildSpanTree } from "./build-tree";
import { criticalPath, type CriticalPath } from "./critical-path";
import { indexEvents, type EventIndex } from "./events";
import { selfTimes } from "./self-time";
import { traceStats, type TraceStats } from "./stats";
import { STATUS_ERROR, type SpanTree } from "./types";

/** What the rows need: enough to paint the first screen. */
export interface WaterfallBase {
  tree: SpanTree;
  events: EventIndex;
  /** Error rows in tree order, for "next error". */
  errorRows: Int32Array;
  services: number;
  errors: number;
}

/** What can come a moment after the first rows: the critical path and where the time went. */
export interface WaterfallAnalysis {
  critical: CriticalPath;
  selfNs: Float64Array;
  stats: TraceStats;
}

/** Everything the waterfall draws from; `analysis` is null until it has been computed. */
export interface WaterfallModel extends WaterfallBase {
  analysis: WaterfallAnalysis | null;
}

/** Runs a step as a `waterfall:<name>` user-timing measure: the benchmark and DevTools show where load time goes. */
export function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  const out = fn();
  performance.measure(`waterfall:${name}`, { start, end: performance.now() });
  return out;
}

export function buildBase(trace: TraceColumns): WaterfallBase {
  const tree = timed("tree", () => buildSpanTree(trace));
  const events = indexEvents(trace);
  const errors: number[] = [];
  for (let p = 0; p < tree.size; p++) if (tree.span[p] >= 0 && trace.status[tree.span[p]] === STATUS_ERROR) errors.push(p);
  return { tree, events, errorRows: Int32Array.from(errors), services: trace.services.length, errors: errors.length };
}

export function analyse(tree: SpanTree): WaterfallAnalysis {
  const critical = timed("critical-path", () => criticalPath(tree));
  const selfNs = timed("self-time", () => selfTimes(tree));
  const stats = timed("stats", () => traceStats(tree, selfNs));
  return { critical, selfNs, stats };
}

/**
 * Builds the whole model in steps, yielding between them: the path for pages without a
 * worker, so a big trace still does not hold the main thread in one long task.
 */
export async function buildModel(trace: TraceColumns, pause: () => Promise<void> = async () => {}): Promise<WaterfallModel> {
  const base = buildBase(trace);
  await pause();
  return { ...base, analysis: analyse(base.tree) };
}
