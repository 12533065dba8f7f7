/**
 * "What is different?": a selection of spans compared with a baseline on every attribute.
 * Shares are in 0..1 of each side's total (span count, or the sum of `weightBy`).
 */
export type CompareScope = "span" | "resource" | "intrinsic";

export interface CompareValue {
  /**
   * The attribute's value: a string, number or boolean; null for spans without the key.
   * For a numeric range it is the label (`"≥ 120 and < 480"`) and `range` holds the ends;
   * for the folded tail it is the label "other" with `other: true`.
   */
  value: string | number | boolean | null;
  /** Numeric bucket `[gte, lt)`, open where null; shared by both sides. */
  range?: { gte: number | null; lt: number | null };
  /** Every value past the top ones, folded together. */
  other?: true;
  /** Share of the selection's spans (or weight) with this value. */
  selection: number;
  /** Share of the baseline's spans (or weight) with this value. */
  baseline: number;
}

export interface CompareAttribute {
  key: string;
  scope: CompareScope;
  /** string values (bools included) or numbers (bucketed into ranges when there are many). */
  type: "string" | "number";
  /**
   * Total variation distance between the two distributions as shown (top values, "other",
   * missing): half the sum of |selection − baseline| over the values. 0 = same, 1 = disjoint.
   */
  score: number;
  values: CompareValue[];
}

export interface CompareSide {
  /** Spans on this side in the range (all of them, before any sampling). */
  spans: number;
  /** What the shares divide: spans weighted by 1 / sample rate, times `weightBy` when given. */
  total: number;
}

export interface CompareResult {
  /** Ranked by score, highest first. */
  attributes: CompareAttribute[];
  selection: CompareSide;
  baseline: CompareSide;
  weightBy: string | null;
  /**
   * Present when a side had more spans than `limit`: the fraction of each side's spans the
   * shares were computed from (a deterministic sample by span id).
   */
  sampled?: { selection: number; baseline: number; limit: number };
}
