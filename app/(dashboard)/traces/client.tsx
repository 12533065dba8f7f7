"use client";

import { IntentLink as Link } from "@/components/ui/intent-link";
import { AddToBoard } from "@/components/boards/add-to-board";
import { useCanEdit } from "@/components/project/use-can-edit";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useMemo, useState } from "react";
import { TopBar } from "@/components/nav/top-bar";
import { catalogOf, fieldType, keysQuery } from "@/components/query/catalog";
import { QueryBar } from "@/components/query/query-bar";
import type { TimeRange } from "@/components/query/time-range";
import { ColumnPicker } from "@/components/search/column-picker";
import { traceLinkTime } from "@/components/search/link-time";
import { CopyLinkMenu } from "@/components/share/copy-link-menu";
import { DurationHistogram } from "@/components/search/duration-histogram";
import { ComparePanel, useCompareState } from "@/components/compare/compare-panel";
import { andConditions } from "@/lib/chart-data/traceql";
import { looksLikeMetrics } from "@/lib/chart-data/traceql-metrics";
import { pinRange } from "@/components/query/time-range";
import { EmptyResults } from "@/components/search/empty-results";
import { quantileUpperBound, fillBuckets } from "@/components/search/histogram-data";
import { Pager } from "@/components/search/pager";
import { ResultsTable } from "@/components/search/results-table";
import { SaveFilterDialog } from "@/components/search/save-filter-dialog";
import { savedFiltersQuery } from "@/components/search/saved-filters";
import { SavedFiltersPanel } from "@/components/search/saved-filters-panel";
import { SearchSummary } from "@/components/search/search-summary";
import { useSearchResults } from "@/components/search/use-search-results";
import { resolveView, type SavedFilterRow, type SortKey } from "@/components/search/view";
import { CompareButton, useTracePicks } from "@/components/trace-compare/pick-traces";
import { Button } from "@/components/ui/button";
import { SkeletonRows } from "@/components/ui/skeleton";
import type { BuilderRow } from "@/lib/query-builder/builder";
import { addFilter, clearDurationRange, setDurationRange } from "@/lib/query-builder/edit";
import { parseFieldText } from "@/lib/query-builder/fields";
import { traceSearchParsers } from "./search-params";

const rangeUrl = (r: TimeRange) =>
  r.kind === "relative" ? { since: r.since, start: null, end: null } : { since: null, start: new Date(r.startMs), end: new Date(r.endMs) };

/** The same query and window on /metrics (start/end there are seconds). */
function metricsHref(query: string, range: TimeRange): string {
  const time: Record<string, string> = range.kind === "relative"
    ? { since: range.since }
    : { start: String(Math.floor(range.startMs / 1000)), end: String(Math.ceil(range.endMs / 1000)) };
  return `/metrics?${new URLSearchParams({ q: query, ...time })}`;
}

export function TracesClient() {
  const [url, setUrl] = useQueryStates(traceSearchParsers, { history: "push" });
  const client = useQueryClient();
  const catalog = useMemo(() => catalogOf(client), [client]);
  const filters = useQuery(savedFiltersQuery());
  const keys = useQuery(keysQuery());
  const view = resolveView(url, filters.data);
  const search = useSearchResults(view);
  const picks = useTracePicks();
  const [saveAt, setSaveAt] = useState<number | null>(null);
  const { canEdit, reason: cannotEdit } = useCanEdit();
  // null: shown on wide screens only (CSS decides); a click makes it explicit.
  const [showSaved, setShowSaved] = useState<boolean | null>(null);
  const toggleSaved = () => setShowSaved(!(showSaved ?? window.matchMedia("(min-width: 96rem)").matches));

  // The editor's text; it follows the applied query whenever that changes (URL, Back, a click).
  const [draft, setDraft] = useState(view.query);
  const [applied, setApplied] = useState(view.query);
  if (applied !== view.query) {
    setApplied(view.query);
    setDraft(view.query);
  }

  /** Applies a query; `refresh` (Enter, Run) also re-runs it when it has not changed. */
  const run = (text: string, refresh = false) => {
    const q = text.trim();
    setDraft(text);
    if (q === view.query.trim()) {
      if (refresh) void Promise.all([search.results.refetch(), search.histogram.refetch()]);
      return;
    }
    // With a saved filter open, its own query stays implicit so the link stays the filter's.
    void setUrl({ q: view.filter && q === view.filter.query.trim() ? null : q || (view.filter ? "" : null) });
  };
  const onFilter = (row: BuilderRow) => run(addFilter(draft, row));
  const onSort = (key: SortKey) => void setUrl({ sort: key, order: key === view.sort && view.order === "desc" ? "asc" : "desc" });
  const onDeleted = (f: SavedFilterRow) => {
    // Keep what is on screen, no longer tied to the filter.
    if (f.id === url.filter) {
      void setUrl({ filter: null, q: view.query || null, ...rangeUrl(view.range), sort: view.sort, order: view.order, cols: view.cols.length ? view.cols : null });
    }
  };
  const onSaved = (row: SavedFilterRow) => {
    setSaveAt(null);
    setShowSaved(true);
    // The filter holds all of it now, so its link stays short and opens the same view.
    void setUrl({ filter: row.id, q: null, since: null, start: null, end: null, sort: null, order: null, cols: null });
  };

  const qe = search.queryError;
  // Stable while the error is the same, so the editor is not re-linted on every render.
  const problem = useMemo(
    () => (qe ? { query: view.query, message: qe.message.replace(/^q: /, ""), from: qe.from ?? 0, to: qe.to ?? 0 } : null),
    [qe, view.query],
  );
  const bars = useMemo(() => fillBuckets(search.histogram.data?.buckets ?? []), [search.histogram.data]);
  const cleared = clearDurationRange(draft);
  const comparison = useCompareState();
  // The narrowed query against the same query without its duration bounds, over the window as it is now.
  const compareDurations = () => {
    const base = clearDurationRange(view.query);
    if (base === null) return;
    const { startMs, endMs } = pinRange(view.range, Date.now());
    comparison.open({ selection: view.query, baseline: base, fromMs: startMs, toMs: endMs });
  };
  const r = search.results;
  const nonQueryError = r.isError && !search.queryError ? r.error : null;

  return (
    <>
      <TopBar
        title="Traces"
        subtitle={view.filter && <span data-testid="filter-title">“{view.filter.name}”{view.modified ? " · modified" : ""}</span>}
      >
        <CopyLinkMenu time={traceLinkTime(view.range)} />
        <AddToBoard
          range={view.range.kind === "relative" ? { since: view.range.since } : { start: Math.floor(view.range.startMs / 1000), end: Math.ceil(view.range.endMs / 1000) }}
          draft={() => ({
            kind: "traces",
            title: view.filter?.name ?? "Traces",
            query: { q: view.query, cols: view.cols, sort: view.sort, order: view.order, limit: 10 },
            size: { w: 6, h: 8 },
          })}
        />
        <Button onClick={() => setSaveAt(Date.now())} data-testid="save-filter" disabled={!canEdit} title={cannotEdit} aria-description={cannotEdit}>{view.filter ? "Save…" : "Save filter"}</Button>
        <Button variant="ghost" aria-pressed={showSaved ?? undefined} onClick={toggleSaved}>Saved filters</Button>
      </TopBar>
      <div className="flex min-h-0 flex-1">
        <div className="flex min-w-0 flex-1 flex-col gap-3 p-4">
          {view.missingFilter && (
            <p role="alert" className="rounded-md border border-line bg-warn-bg px-3 py-2">
              The saved filter <span className="font-mono">{view.missingFilter}</span> does not exist any more (it was deleted, or the link is mistyped). Showing every trace instead.
            </p>
          )}
          {view.filter?.queryError && (
            <p role="alert" className="rounded-md border border-error/40 bg-error-bg px-3 py-2 text-error">
              The saved filter “{view.filter.name}” no longer parses, so it cannot run: TraceQL support changed since it was saved. Fix the query below, then Save… → Update to store the fix.
            </p>
          )}
          <QueryBar
            draft={draft}
            onDraft={setDraft}
            onRun={run}
            range={view.range}
            onRange={(range) => void setUrl({ ...rangeUrl(range), q: draft.trim() === view.query.trim() ? url.q : draft.trim() || null })}
            problem={problem}
            catalog={catalog}
            pending={draft.trim() !== view.query.trim()}
          />
          {qe && looksLikeMetrics(view.query) && (
            <p className="rounded-md border border-line bg-panel px-3 py-2" data-testid="metrics-query-hint">
              This is a TraceQL metrics query: it draws a chart rather than listing traces.{" "}
              <Link href={metricsHref(view.query, view.range)} className="text-accent hover:underline">Open it in Metrics →</Link>
            </p>
          )}
          <DurationHistogram
            data={search.histogram.data}
            unavailable={search.queryError ? "Durations show once the query runs." : undefined}
            onSelect={(from, to) => run(setDurationRange(draft, from, to))}
            onClear={cleared === null ? null : () => run(cleared)}
            onCompare={clearDurationRange(view.query) === null ? null : compareDurations}
          />
          <ComparePanel onAddToQuery={(condition) => run(andConditions(view.query, [condition]))} />
          {nonQueryError && (
            <p role="alert" className="rounded-md border border-error/40 bg-error-bg px-3 py-2 text-error">
              Could not load traces: {nonQueryError.message}. Check the server is running, then <button type="button" className="underline" onClick={() => void r.refetch()}>try again</button>.
            </p>
          )}
          {r.isPending || view.waiting ? (
            <SkeletonRows rows={12} columns={8} />
          ) : search.queryError ? null : search.total === 0 && !r.isError ? (
            <EmptyResults query={view.query} range={view.range} onWiden={(since) => void setUrl({ since, start: null, end: null })} onClearQuery={() => run("")} />
          ) : (
            <section aria-label="Matching traces" aria-busy={r.isFetching} className="flex flex-col gap-2">
              <div className="flex flex-wrap items-center gap-3">
                <SearchSummary total={search.total} range={view.range} p95Ms={quantileUpperBound(bars, 0.95)} sort={view.sort} order={view.order} filterName={view.filter?.name ?? null} fetching={r.isFetching} />
                <span className="ml-auto" />
                <CompareButton picks={picks} />
                <ColumnPicker cols={view.cols} onChange={(cols) => void setUrl({ cols })} />
                <Pager index={search.index} shown={search.traces.length} total={search.total} hasNext={search.hasNext} busy={r.isFetchingNextPage} onPrev={search.prev} onNext={() => void search.next()} />
              </div>
              {/* Its own scroller, so wide tables scroll sideways and the header stays in view. */}
              <div className={`-mx-4 max-h-[calc(100dvh-2.75rem)] overflow-auto border-t border-line transition-opacity ${r.isPlaceholderData ? "opacity-60" : ""}`}>
                <ResultsTable
                  traces={search.traces}
                  cols={view.cols}
                  sort={view.sort}
                  order={view.order}
                  hasQuery={!!view.query.trim() && !/^\s*\{\s*\}\s*$/.test(view.query)}
                  onSort={onSort}
                  onFilter={onFilter}
                  onRemoveColumn={(c) => void setUrl({ cols: view.cols.filter((x) => x !== c) })}
                  columnType={(c) => { const f = parseFieldText(c); return f ? fieldType(f, keys.data) : "string"; }}
                  picks={picks}
                />
              </div>
            </section>
          )}
        </div>
        {showSaved !== false && <SavedFiltersPanel activeId={url.filter} onDeleted={onDeleted} className={showSaved ? "flex" : "hidden 2xl:flex"} />}
      </div>
      {saveAt !== null && (
        <SaveFilterDialog
          openedAt={saveAt} query={draft} range={view.range} sort={{ sort: view.sort, order: view.order }} cols={view.cols}
          current={view.filter} onClose={() => setSaveAt(null)} onSaved={onSaved}
        />
      )}
    </>
  );
}
