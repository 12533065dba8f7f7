/** A time window of a comparison side, [startNs, endNs). */
export interface CompareWindow {
  startNs: bigint;
  endNs: bigint;
}

export interface CompareWindows {
  selection: CompareWindow;
  baseline: CompareWindow;
  /** The smallest window holding both: what an engine scans. */
  scan: CompareWindow;
  /** Whether a side's window is the whole scan, so its own window needs no condition. */
  selectionIsScan: boolean;
  baselineIsScan: boolean;
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

/**
 * Each side's window, the baseline's defaulting to the selection's. Engines scan the span
 * of both (a gap between disjoint windows is read too: the side conditions drop it) and
 * add a side's own window only where it is narrower than the scan.
 */
export function compareWindows(q: { startNs: bigint; endNs: bigint; baselineStartNs?: bigint; baselineEndNs?: bigint }): CompareWindows {
  const selection = { startNs: q.startNs, endNs: q.endNs };
  const baseline = { startNs: q.baselineStartNs ?? q.startNs, endNs: q.baselineEndNs ?? q.endNs };
  const scan = { startNs: min(selection.startNs, baseline.startNs), endNs: max(selection.endNs, baseline.endNs) };
  const same = (w: CompareWindow) => w.startNs === scan.startNs && w.endNs === scan.endNs;
  return { selection, baseline, scan, selectionIsScan: same(selection), baselineIsScan: same(baseline) };
}
