"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useId, useMemo } from "react";
import { catalogOf } from "@/components/query/catalog";
import { TraceQLEditor } from "@/components/query/traceql-editor";
import type { QueryProblem } from "@/components/query/traceql-lint";

export type { QueryProblem };

interface Props {
  value: string;
  onChange: (text: string) => void;
  /** Gets the editor's own text: the parent's copy may be a keystroke behind. */
  onRun: (text: string) => void;
  problem: QueryProblem | null;
  placeholder?: string;
  label?: string;
  testId?: string;
  /** Accept TraceQL metrics queries as well as filters. */
  metrics?: boolean;
}

/**
 * A TraceQL filter: the shared editor (highlighting, autocomplete from the attribute
 * catalog, the server's error underlined where it is), with the error spelled out below
 * for as long as the text is the one the server judged.
 */
export function QueryField({ value, onChange, onRun, problem, placeholder = "{ } (every span)", label = "TraceQL filter", testId = "query-input", metrics = false }: Props) {
  const client = useQueryClient();
  const catalog = useMemo(() => catalogOf(client), [client]);
  const errorId = useId();
  const current = problem && problem.query === value ? problem : null;
  return (
    <div
      role="group"
      aria-label={label}
      // The editor owns its textbox; the problem is announced by the alert below and marked here for styling and tests.
      data-invalid={current ? "true" : undefined}
      aria-describedby={current ? errorId : undefined}
      className="flex min-w-0 flex-1 flex-col gap-1"
      data-testid={testId}
    >
      <TraceQLEditor value={value} onChange={onChange} onRun={onRun} problem={current} catalog={catalog} placeholder={placeholder} metrics={metrics} />
      {current && (
        <p id={errorId} role="alert" className="text-xs text-error" data-testid="query-problem">
          {current.message} (column {current.from + 1})
        </p>
      )}
    </div>
  );
}
