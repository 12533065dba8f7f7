import { buildSpanTree } from "./build-tree";
import { criticalPath, type CriticalPath } from "./critical-path";
import { indexEvents, type EventIndex } from "./events";
import { selfTimes } from "./self-time";
import { STATUS_ERROR, type SpanTree } from "./types";
import type { CompactTrace } from "@/lib/contract";

/** Everything the waterfall draws from, computed once per trace. */
export interface WaterfallModel {
  tree: SpanTree;
  critical: CriticalPath;
  selfNs: Float64Array;
  events: EventIndex;
  /** Error rows in tree order, for "next error". */
  errorRows: Int32Array;
  services: number;
  errors: number;
}

/** Runs a step as a `waterfall:<name>` user-timing measure: the benchmark and DevTools show where load time goes. */
export function timed<T>(name: string, fn: () => T): T {
  const start = performance.now();
  const out = fn();
  performance.measure(`waterfall:${name}`, { start, end: performance.now() });
  return out;
}

/**
 * Builds the model in steps, yielding between them so a 100,000-span trace does not hold
 * the main thread in one long task (the page can paint its progress in between).
 */
export async function buildModel(trace: CompactTrace, pause: () => Promise<void> = async () => {}): Promise<WaterfallModel> {
  const tree = timed("tree", () => buildSpanTree(trace));
  await pause();
  const critical = timed("critical-path", () => criticalPath(tree));
  await pause();
  const selfNs = timed("self-time", () => selfTimes(tree));
  const events = indexEvents(trace);
  const errors: number[] = [];
  for (let p = 0; p < tree.size; p++) if (tree.span[p] >= 0 && trace.status[tree.span[p]] === STATUS_ERROR) errors.push(p);
  return { tree, critical, selfNs, events, errorRows: Int32Array.from(errors), services: trace.services.length, errors: errors.length };
}
