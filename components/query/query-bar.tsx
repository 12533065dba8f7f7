"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";
import type { Catalog } from "./catalog";
import { QueryBuilder } from "./query-builder";
import { TimeRangePicker } from "./time-range-picker";
import type { TimeRange } from "./time-range";
import { TraceQLEditor } from "./traceql-editor";
import type { QueryProblem } from "./traceql-lint";

interface Props {
  draft: string;
  onDraft: (text: string) => void;
  /** `refresh`: the user asked to run it (Enter, the button), so an unchanged query re-runs. */
  onRun: (text: string, refresh?: boolean) => void;
  range: TimeRange;
  onRange: (range: TimeRange) => void;
  problem: QueryProblem | null;
  catalog: Catalog;
  /** The applied query differs from the editor's text: Run would change the results. */
  pending: boolean;
}

/** The page's question: the TraceQL editor, its builder view, the time range and Run. */
export function QueryBar({ draft, onDraft, onRun, range, onRange, problem, catalog, pending }: Props) {
  const [builder, setBuilder] = useState(true);
  return (
    <section aria-label="Query" className="flex flex-col gap-2">
      <div className="flex items-start gap-2">
        <TraceQLEditor value={draft} onChange={onDraft} onRun={(text) => onRun(text, true)} problem={problem} catalog={catalog} placeholder='{ span.customer.tier = "enterprise" }   (empty: every trace)' />
        <TimeRangePicker range={range} onChange={onRange} />
        <Button variant="primary" onClick={() => onRun(draft, true)} title="Run the query (Enter in the editor)" data-testid="run-query">
          {pending ? "Run query" : "Refresh"}
        </Button>
      </div>
      {problem && (
        <p role="alert" className="rounded-md border border-error/40 bg-error-bg px-3 py-1.5 text-error" data-testid="query-error">
          Query error at column {problem.from + 1}: {problem.message}. The problem is underlined in the editor.
        </p>
      )}
      <div className="flex items-center gap-3 text-xs text-muted">
        <button type="button" aria-expanded={builder} onClick={() => setBuilder(!builder)} className="font-medium hover:text-fg">
          {builder ? "▾" : "▸"} Builder
        </button>
        <span>
          <Kbd>/</Kbd> focuses the query · <Kbd>Enter</Kbd> runs it · <Kbd>Shift</Kbd>+<Kbd>Enter</Kbd> new line · <Kbd>Ctrl</Kbd>+<Kbd>Space</Kbd> suggestions
        </span>
      </div>
      {builder && <QueryBuilder query={draft} onChange={(text, run) => (run ? onRun(text) : onDraft(text))} />}
    </section>
  );
}
