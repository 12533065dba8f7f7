import type { SpanTree } from "./types";

/**
 * Each row's self time in ns: its duration minus the union of its children's time, with
 * children clipped to its range (overlapping children count once; work outside the span
 * is not its own). Children come in start order, so one merge pass per row: O(n) in all.
 */
export function selfTimes(t: SpanTree): Float64Array {
  const self = new Float64Array(t.size);
  for (let p = 0; p < t.size; p++) {
    if (t.span[p] < 0) continue; // markers are not work
    const from = t.start[p];
    const to = t.finish[p];
    let covered = 0;
    let runStart = 0;
    let runEnd = -Infinity;
    for (let c = p + 1; c < t.end[p]; c = t.end[c]) {
      const s = Math.max(t.start[c], from);
      const e = Math.min(t.finish[c], to);
      if (e <= s) continue;
      if (s > runEnd) {
        if (runEnd > runStart) covered += runEnd - runStart;
        runStart = s;
        runEnd = e;
      } else if (e > runEnd) runEnd = e;
    }
    if (runEnd > runStart) covered += runEnd - runStart;
    self[p] = Math.max(0, to - from - covered);
  }
  return self;
}
