import type { SideStats } from "./align";

/** Which duration a node shows per side: the sum of its spans' durations, or the longest one. */
export type DurationMeasure = "sum" | "max";
export const DURATION_MEASURES: readonly DurationMeasure[] = ["sum", "max"];

export type DiffTone = "slower" | "faster" | "same";

export interface DurationDiff {
  /** B minus A, in ns. */
  deltaNs: number;
  /** B over A (Infinity when A took no time). */
  ratio: number;
  tone: DiffTone;
  /** 1 small, 2 clear, 3 large: how strongly the row is coloured. */
  strength: 0 | 1 | 2 | 3;
}

/** Below this share of the larger side a difference is noise (clock skew, scheduling), not a change. */
export const SAME_WITHIN = 0.05;

export const measureOf = (s: SideStats, measure: DurationMeasure) => (measure === "sum" ? s.sumNs : s.maxNs);

/**
 * How B's duration compares with A's, for a node present in both: within 5% is the same;
 * otherwise slower or faster, stronger from 1.25x and 2x.
 */
export function durationDiff(aNs: number, bNs: number): DurationDiff {
  const deltaNs = bNs - aNs;
  const ratio = aNs > 0 ? bNs / aNs : bNs > 0 ? Infinity : 1;
  const larger = Math.max(aNs, bNs);
  if (larger === 0 || Math.abs(deltaNs) <= larger * SAME_WITHIN) return { deltaNs, ratio, tone: "same", strength: 0 };
  const factor = deltaNs > 0 ? ratio : aNs / Math.max(bNs, Number.MIN_VALUE);
  const strength = factor >= 2 ? 3 : factor >= 1.25 ? 2 : 1;
  return { deltaNs, ratio, tone: deltaNs > 0 ? "slower" : "faster", strength };
}
