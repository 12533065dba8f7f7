"use client";

import { formatCount, formatInteger } from "@/lib/format/count";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Kbd } from "@/components/ui/kbd";

interface Props {
  q: string;
  onQuery: (q: string) => void;
  matchCount: number;
  /** 1-based index of the focused match, 0 when the focus is not on one. */
  matchIndex: number;
  searchPending: boolean;
  searchError: string | null;
  onStepMatch: (dir: 1 | -1) => void;
  onlyMatches: boolean;
  onOnlyMatches: (on: boolean) => void;
  maxDepth: number;
  collapseDepth: number | null;
  /** Something is collapsed (by depth or by hand): "Expand all" has work to do. */
  anyCollapsed: boolean;
  onExpandAll: () => void;
  onCollapseTo: (depth: number) => void;
  critical: boolean;
  onCritical: (on: boolean) => void;
  /** Null while the critical path is still being computed. */
  criticalCount: number | null;
  errorCount: number;
  onNextError: () => void;
}

const CHECK = "flex items-center gap-1.5 text-xs text-muted select-none hover:text-fg";

/** Search in the trace, match stepping, collapse controls and the critical-path and error helpers. */
export function Toolbar(p: Props) {
  const searching = p.q.trim() !== "";
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5 border-b border-line px-4 py-2">
      <div className="flex items-center gap-1.5">
        <Input
          type="search"
          data-search
          data-testid="trace-search"
          aria-label="Search spans by name, service or attribute (key=value)"
          placeholder="Search: name, service, attribute or key=value   /"
          value={p.q}
          onChange={(e) => p.onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") p.onStepMatch(e.shiftKey ? -1 : 1);
            if (e.key === "Escape") e.currentTarget.blur();
          }}
          className="w-80"
        />
        {searching && (
          <>
            <span className="min-w-24 font-mono text-xs text-muted tabular-nums" data-testid="match-count" aria-live="polite">
              {p.matchCount === 0 && !p.searchPending ? "no matches" : `${p.matchIndex ? `${formatInteger(p.matchIndex)} / ` : ""}${formatInteger(p.matchCount)} ${p.matchCount === 1 ? "match" : "matches"}`}
              {p.searchPending && <span className="text-faint"> · attributes…</span>}
            </span>
            <Button variant="ghost" aria-label="Previous match (Shift+Enter)" title="Previous match (Shift+Enter)" disabled={!p.matchCount} onClick={() => p.onStepMatch(-1)}>↑</Button>
            <Button variant="ghost" aria-label="Next match (Enter)" title="Next match (Enter)" disabled={!p.matchCount} onClick={() => p.onStepMatch(1)}>↓</Button>
            <label className={CHECK}>
              <input type="checkbox" checked={p.onlyMatches} onChange={(e) => p.onOnlyMatches(e.target.checked)} />
              Only matches
            </label>
          </>
        )}
      </div>
      {p.searchError && <span role="alert" className="text-xs text-error">Attribute search failed: {p.searchError}</span>}
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <Button variant="ghost" onClick={p.onExpandAll} disabled={!p.anyCollapsed} title="Expand every span">Expand all</Button>
        <label className={CHECK}>
          Collapse to depth
          <select
            aria-label="Collapse to depth"
            title="Show this many levels of the tree"
            value={p.collapseDepth === null ? "" : p.collapseDepth + 1}
            onChange={(e) => (e.target.value === "" ? p.onExpandAll() : p.onCollapseTo(Number(e.target.value) - 1))}
            className="h-7 rounded-md border border-line bg-bg px-1 text-xs text-fg"
          >
            <option value="">all</option>
            {Array.from({ length: Math.min(p.maxDepth, 30) }, (_, d) => (
              <option key={d} value={d + 1}>{d + 1}</option>
            ))}
          </select>
        </label>
        <label className={CHECK} title="The chain of spans that set the trace's end-to-end time">
          <input type="checkbox" checked={p.critical} onChange={(e) => p.onCritical(e.target.checked)} />
          Critical path <span className="font-mono text-faint" title={p.criticalCount === null ? "Computing the critical path…" : undefined}>{p.criticalCount === null ? "…" : formatCount(p.criticalCount)}</span>
        </label>
        <Button variant="ghost" onClick={p.onNextError} disabled={p.errorCount === 0} title="Jump to the next span with an error (e)">
          Next error <span className={`font-mono ${p.errorCount ? "text-error" : "text-faint"}`}>{formatCount(p.errorCount)}</span>
        </Button>
        <span className="hidden items-center gap-1 text-[11px] text-faint 2xl:flex">
          <Kbd>↑</Kbd><Kbd>↓</Kbd> move <Kbd>←</Kbd><Kbd>→</Kbd> fold <Kbd>Enter</Kbd> details
        </span>
      </div>
    </div>
  );
}
