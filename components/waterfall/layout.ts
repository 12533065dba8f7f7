/** Row height in px: compact, as ux.md asks (28-32 px). Fixed, so the list never measures. */
export const ROW_H = 28;
/** Indent per level; past MAX_INDENT levels the indent stops and the depth is shown instead. */
export const INDENT = 14;
export const MAX_INDENT = 20;
export const DEFAULT_NAME_WIDTH = 380;

/** The time window on screen, in ns from the trace start. */
export interface ViewWindow {
  from: number;
  to: number;
}

/** Position of a time in the window, in percent of the timeline's width. */
export const pct = (ns: number, v: ViewWindow) => ((ns - v.from) / (v.to - v.from)) * 100;

/** A bar's left and width in percent, clipped to just outside the window so CSS never sees huge values. */
export function barBox(start: number, finish: number, v: ViewWindow): { left: number; width: number } | null {
  const a = Math.max(pct(start, v), -1);
  const b = Math.min(pct(finish, v), 101);
  if (b < -1 || a > 101) return null;
  return { left: a, width: Math.max(b - a, 0) };
}
