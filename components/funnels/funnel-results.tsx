"use client";

import { IntentLink as Link } from "@/components/ui/intent-link";
import { useRouter } from "next/navigation";
import { ComparePanel, useCompareState } from "@/components/compare/compare-panel";
import { dropOffComparison, MAX_COMPARED_TRACES } from "@/lib/chart-data/drop-off-compare";
import { useHydrated } from "@/components/ui/use-now";
import { ChartSkeleton } from "@/components/charts/chart-states";
import { EmptyState } from "@/components/ui/empty-state";
import { SampledNote } from "@/components/charts/sampled-note";
import { funnelRows, type FunnelDefinition } from "@/lib/chart-data/funnel";
import { describeRange, rangeFromUrl } from "@/lib/chart-data/range";
import { formatInteger, formatPercent } from "@/lib/format/count";
import { BreakdownChart } from "./breakdown-chart";
import { DropOffList } from "./drop-off-list";
import { FunnelChart } from "./funnel-chart";
import { FunnelTable } from "./funnel-table";
import { useDropOff } from "./queries";
import type { FunnelResult } from "@/lib/contract";

interface Props {
  def: FunnelDefinition;
  result: FunnelResult;
  stale: boolean;
  drop: number | null;
  onDrop: (step: number | null) => void;
  show: "count" | "share";
  onShow: (v: "count" | "share") => void;
  stepHref: (index: number) => string;
}

/** What a funnel answered: a summary line, the chart, the table, who dropped off, the breakdown. */
export function FunnelResults({ def, result, stale, drop, onDrop, show, onShow, stepHref }: Props) {
  const hydrated = useHydrated();
  const router = useRouter();
  const rows = funnelRows(def.steps, result);
  const first = rows[0]?.count ?? 0;
  const last = rows[rows.length - 1];
  const range = rangeFromUrl({ since: def.since, start: def.start, end: def.end });
  const entity = def.by === "trace" ? "traces" : def.by;
  const sampled = result.minSampleRate < 1;
  const note = useDropOffNote(def, drop);
  return (
    <div className={`flex flex-col gap-3 transition-opacity ${stale ? "opacity-60" : ""}`} aria-busy={stale}>
      <p className="text-muted" data-testid="funnel-summary">
        <span className="font-mono text-fg">{formatInteger(first)}</span> {entity} entered ·{" "}
        <span className="font-mono text-fg">{formatInteger(last?.count ?? 0)}</span> reached step {rows.length}
        {first > 0 && <> (<span className="font-mono text-fg">{formatPercent((last?.count ?? 0) / first)}</span>)</>} · within {def.window} of step 1 · {describeRange(range)}
        {sampled && <> · <SampledNote minSampleRate={result.minSampleRate} about="funnel" /></>}
      </p>
      {first === 0 ? (
        <EmptyState title={`Nothing entered the funnel (${describeRange(range)})`}>
          No span{def.by === "trace" ? "" : <> with <code className="font-mono">{def.by}</code></>} matches step 1.{" "}
          <Link href={stepHref(0)} className="text-accent hover:underline" data-testid="funnel-empty-step">Open step 1&apos;s traces</Link>{" "}
          to check its query, widen the time range{def.by === "trace" ? "" : ", or follow another attribute as the entity"}.
        </EmptyState>
      ) : hydrated ? (
        <FunnelChart rows={rows} entity={def.by} onStep={(i) => router.push(stepHref(i))} onDropOff={(s) => onDrop(s)} />
      ) : (
        <ChartSkeleton height={220} />
      )}
      <FunnelTable rows={rows} steps={def.steps} stepHref={stepHref} openDrop={drop} onDropOff={(s) => onDrop(drop === s ? null : s)} />
      {drop !== null && drop < rows.length - 1 && <DropOffList key={drop} def={def} step={drop} sampled={sampled} onClose={() => onDrop(null)} />}
      <ComparePanel note={note} />
      {def.breakdown && result.breakdown && hydrated && <BreakdownChart steps={def.steps} result={result} breakdown={def.breakdown} show={show} onShow={onShow} />}
    </div>
  );
}

/** What a drop-off comparison's selection holds: which traces, and whether the id cap cut it. */
function useDropOffNote(def: FunnelDefinition, drop: number | null): string | undefined {
  const { state } = useCompareState();
  // Shares the drop-off list's query (same key), so this fetches nothing more.
  const list = useDropOff(state && drop !== null ? def : null, drop);
  if (!state || drop === null || !list.data) return undefined;
  const cmp = dropOffComparison(def.steps[drop], list.data.entities.map((e) => e.traceId));
  if (!cmp.ok || cmp.selection !== state.selection) return undefined;
  const all = list.data.total;
  const cut = cmp.capped || all > list.data.entities.length;
  return `The selection is step ${drop + 1}'s spans in ${formatInteger(cmp.traces)} trace${cmp.traces === 1 ? "" : "s"} that dropped off after it`
    + `${cut ? `, the latest of ${formatInteger(all)} that dropped off (a comparison names at most ${MAX_COMPARED_TRACES} trace ids)` : ""}; `
    + `the baseline is step ${drop + 1}'s spans in the other traces.`;
}
