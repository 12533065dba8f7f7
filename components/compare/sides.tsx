import type { CompareResult } from "@/lib/contract";
import { formatCount } from "@/lib/format/count";
import { compareWindowsMs, type CompareState } from "./search-params";

/**
 * `2026-11-30 10:05 – 10:10 UTC`, the date repeated only when the window crosses midnight,
 * seconds shown when an edge is not on a whole minute (30 s buckets).
 */
export function windowText(fromMs: number, toMs: number): string {
  const seconds = fromMs % 60_000 !== 0 || toMs % 60_000 !== 0;
  const stamp = (ms: number) => new Date(ms).toISOString().slice(0, seconds ? 19 : 16).replace("T", " ");
  const from = stamp(fromMs);
  const to = stamp(toMs);
  return `${from} – ${to.slice(0, 10) === from.slice(0, 10) ? to.slice(11) : to} UTC`;
}

const Query = ({ text }: { text: string }) => <code className="font-mono text-fg">{text.trim() || "{ }"}</code>;

/**
 * What each side of the comparison is, in words: its query, its window and its size. The
 * baseline never holds a selected span, which the second line says, since a baseline query
 * usually matches the selection's spans too.
 */
export function CompareSides({ state, data }: { state: CompareState; data?: CompareResult }) {
  const w = compareWindowsMs(state);
  const sameWindow = w.baseline.fromMs === w.selection.fromMs && w.baseline.toMs === w.selection.toMs;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs text-muted" data-testid="compare-sides">
      <dt className="flex items-center gap-1.5">
        <span className="inline-block size-2 rounded-sm bg-accent" aria-hidden /> Selection
      </dt>
      <dd data-testid="compare-selection">
        <Query text={state.selection} /> in {windowText(w.selection.fromMs, w.selection.toMs)}
        {data && <> ({formatCount(data.selection.spans)} spans)</>}
      </dd>
      <dt className="flex items-center gap-1.5">
        <span className="inline-block size-2 rounded-sm bg-faint" aria-hidden /> Baseline
      </dt>
      <dd data-testid="compare-baseline">
        <Query text={state.baseline} />{" "}
        {sameWindow ? "in the same window" : <>in {windowText(w.baseline.fromMs, w.baseline.toMs)}</>}, without the selected spans
        {data && <> ({formatCount(data.baseline.spans)} spans)</>}
      </dd>
      {state.weightBy && (
        <dd className="col-span-2">Shares of the sum of <code className="font-mono">{state.weightBy}</code>, not of span counts.</dd>
      )}
    </dl>
  );
}
