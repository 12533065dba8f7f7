"use client";

import { useQueryStates } from "nuqs";
import { useEffect, useState, type ReactNode } from "react";
import { QueryProgress } from "@/components/charts/progress";
import { withProject } from "@/components/project/with-project";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { andConditions } from "@/lib/chart-data/traceql";
import { formatCount, formatPercent } from "@/lib/format/count";
import { AttributeCard } from "./attribute-card";
import { useComparison } from "./queries";
import { compareParsers, compareState, compareUrl, type CompareState } from "./search-params";
import { CompareSides } from "./sides";
import { WeightPicker } from "./weight-picker";

const FIRST_SHOWN = 12;

/** The comparison the URL holds, or null. */
export function useCompareState() {
  const [url, setUrl] = useQueryStates(compareParsers, { history: "push" });
  const state = compareState(url);
  return { state, open: (s: CompareState | null) => void setUrl(compareUrl(s)), setWeight: (w: string | null) => void setUrl({ cmpWeight: w }) };
}

/**
 * "What is different?": the selection's attributes beside the baseline's, ranked by how
 * strongly each separates the two. Opened from a chart (it writes the URL); Esc closes it.
 */
export function ComparePanel({ onAddToQuery, note }: { onAddToQuery?: (condition: string) => void; note?: ReactNode }) {
  const { state, open, setWeight } = useCompareState();
  const res = useComparison(state);
  const [showAll, setShowAll] = useState(false);
  useEffect(() => {
    if (!state) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && open(null);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [state, open]);
  if (!state) return null;

  const href = (condition: string) => {
    const params = new URLSearchParams({
      q: andConditions(state.selection, [condition]), start: new Date(state.fromMs).toISOString(), end: new Date(state.toMs).toISOString(),
    });
    return withProject(`/traces?${params.toString()}`);
  };
  const data = res.data;
  const shown = data ? (showAll ? data.attributes : data.attributes.slice(0, FIRST_SHOWN)) : [];
  return (
    <section aria-label="What is different?" className="flex flex-col gap-2 rounded-lg border border-line bg-panel p-3" data-testid="compare-panel">
      <header className="flex flex-wrap items-center gap-3">
        <h2 className="text-sm font-semibold">What is different?</h2>
        <QueryProgress busy={res.isFetching} what="Comparing every attribute" />
        <span className="ml-auto" />
        <WeightPicker value={state.weightBy ?? null} onChange={setWeight} />
        <Button variant="ghost" onClick={() => open(null)} aria-label="Close the comparison (Esc)">Close</Button>
      </header>
      <CompareSides state={state} data={data} />
      {note && <p className="text-xs text-muted" data-testid="compare-note">{note}</p>}
      {data?.sampled && (
        <p className="text-xs text-muted" data-testid="compare-sampled">
          Sampled for speed: {formatPercent(data.sampled.selection)} of the selection and {formatPercent(data.sampled.baseline)} of the
          baseline (about {formatCount(data.sampled.limit)} spans a side, chosen by span id). Shares are estimates.
        </p>
      )}
      {res.error ? (
        <p role="alert" className="rounded-md border border-error/40 bg-error-bg px-3 py-2 text-error">
          The comparison failed: {res.error.message}. Check the selection and the range, then try again.
        </p>
      ) : !data ? (
        <div className="flex flex-col gap-2" aria-busy>{[0, 1, 2].map((i) => <Skeleton key={i} className="h-20 w-full" />)}</div>
      ) : data.selection.spans === 0 ? (
        <p className="rounded-md border border-dashed border-line px-3 py-4 text-muted">
          No spans match the selection in this window, so there is nothing to compare. Select a region or bar that has spans.
        </p>
      ) : data.baseline.spans === 0 ? (
        <p className="rounded-md border border-dashed border-line px-3 py-4 text-muted">
          The baseline has no spans outside the selection: widen the baseline query or the time range.
        </p>
      ) : (
        <>
          <ol className="grid gap-2 lg:grid-cols-2" data-testid="compare-attributes">
            {shown.map((a, i) => <AttributeCard key={`${a.scope}.${a.key}.${a.type}`} attribute={a} rank={i + 1} href={href} onAdd={onAddToQuery} />)}
          </ol>
          {data.attributes.length > shown.length && (
            <Button className="self-start" onClick={() => setShowAll(true)}>Show all {data.attributes.length} attributes</Button>
          )}
        </>
      )}
    </section>
  );
}
