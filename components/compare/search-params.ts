import { parseAsInteger, parseAsString } from "nuqs";

/**
 * A comparison lives in the URL of the page it was opened on, so a link restores it:
 * the selection and baseline TraceQL, the pinned window (epoch ms) and the weight.
 */
export const compareParsers = {
  cmp: parseAsString,
  cmpBase: parseAsString,
  cmpFrom: parseAsInteger,
  cmpTo: parseAsInteger,
  cmpWeight: parseAsString,
};

export interface CompareState {
  selection: string;
  baseline: string;
  fromMs: number;
  toMs: number;
  weightBy?: string | null;
}

/** The URL values that open a comparison (null ones close it). */
export function compareUrl(s: CompareState | null) {
  if (!s) return { cmp: null, cmpBase: null, cmpFrom: null, cmpTo: null, cmpWeight: null };
  return {
    cmp: s.selection, cmpBase: s.baseline || null, cmpFrom: Math.floor(s.fromMs), cmpTo: Math.ceil(s.toMs), cmpWeight: s.weightBy ?? null,
  };
}
