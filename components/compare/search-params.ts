import { parseAsInteger, parseAsString } from "nuqs";

/**
 * A comparison lives in the URL of the page it was opened on, so a link restores it:
 * the selection and baseline TraceQL, the pinned windows (epoch ms) and the weight.
 * `cmpBaseFrom`/`cmpBaseTo` give the baseline its own window; absent, it is the selection's.
 */
export const compareParsers = {
  cmp: parseAsString,
  cmpBase: parseAsString,
  cmpFrom: parseAsInteger,
  cmpTo: parseAsInteger,
  cmpBaseFrom: parseAsInteger,
  cmpBaseTo: parseAsInteger,
  cmpWeight: parseAsString,
};

export interface CompareState {
  selection: string;
  baseline: string;
  fromMs: number;
  toMs: number;
  /** The baseline's window; the selection's when absent. */
  baseFromMs?: number | null;
  baseToMs?: number | null;
  weightBy?: string | null;
}

/** The URL values that open a comparison (null ones close it). */
export function compareUrl(s: CompareState | null) {
  if (!s) return { cmp: null, cmpBase: null, cmpFrom: null, cmpTo: null, cmpBaseFrom: null, cmpBaseTo: null, cmpWeight: null };
  const own = (ms: number | null | undefined, selectionMs: number, round: (n: number) => number) =>
    ms === null || ms === undefined || round(ms) === round(selectionMs) ? null : round(ms);
  return {
    cmp: s.selection, cmpBase: s.baseline || null, cmpFrom: Math.floor(s.fromMs), cmpTo: Math.ceil(s.toMs),
    cmpBaseFrom: own(s.baseFromMs, s.fromMs, Math.floor), cmpBaseTo: own(s.baseToMs, s.toMs, Math.ceil), cmpWeight: s.weightBy ?? null,
  };
}

/** The state a URL holds, or null when it holds no comparison. */
export function compareState(url: {
  cmp: string | null; cmpBase: string | null; cmpFrom: number | null; cmpTo: number | null;
  cmpBaseFrom: number | null; cmpBaseTo: number | null; cmpWeight: string | null;
}): CompareState | null {
  if (!url.cmp || url.cmpFrom === null || url.cmpTo === null) return null;
  return {
    selection: url.cmp, baseline: url.cmpBase ?? "", fromMs: url.cmpFrom, toMs: url.cmpTo,
    baseFromMs: url.cmpBaseFrom, baseToMs: url.cmpBaseTo, weightBy: url.cmpWeight,
  };
}

/** Each side's window in epoch ms, the baseline's defaulting to the selection's. */
export function compareWindowsMs(s: CompareState) {
  return {
    selection: { fromMs: s.fromMs, toMs: s.toMs },
    baseline: { fromMs: s.baseFromMs ?? s.fromMs, toMs: s.baseToMs ?? s.toMs },
  };
}
