"use client";

import { QueryField, type QueryProblem } from "@/components/charts/query-field";
import { Button } from "@/components/ui/button";
import { MAX_STEPS, MIN_STEPS } from "@/lib/chart-data/funnel";

interface Props {
  steps: string[];
  onChange: (steps: string[]) => void;
  /** Runs with the steps as they are, a step's own latest text included. */
  onRun: (steps: string[]) => void;
  /** The server's complaint about one step, if it named one. */
  problem: { step: number; problem: QueryProblem } | null;
}

const ICON = "h-6 w-6 justify-center px-0 text-xs";

/** 2 to 10 ordered steps, each a TraceQL spanset filter; Enter in any step runs the funnel. */
export function StepEditor({ steps, onChange, onRun, problem }: Props) {
  const set = (i: number, text: string) => onChange(steps.map((s, j) => (j === i ? text : s)));
  const move = (i: number, by: number) => {
    const next = [...steps];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  return (
    <div className="flex flex-col gap-1.5">
      <ol className="flex flex-col gap-1.5" aria-label="Funnel steps" data-testid="funnel-steps">
        {steps.map((s, i) => (
          <li key={i} className="flex items-start gap-1.5">
            <span className="mt-1 w-5 shrink-0 text-right font-mono text-xs text-muted">{i + 1}.</span>
            <QueryField
              value={s}
              onChange={(t) => set(i, t)}
              onRun={(text) => onRun(steps.map((x, j) => (j === i ? text : x)))}
              problem={problem?.step === i ? problem.problem : null}
              label={`Step ${i + 1} (TraceQL)`}
              placeholder={i === 0 ? '{ span.funnel.stage = "view" }' : "{ … }"}
              testId={`funnel-step-${i}`}
            />
            <Button variant="ghost" className={ICON} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move step ${i + 1} up`}>↑</Button>
            <Button variant="ghost" className={ICON} disabled={i === steps.length - 1} onClick={() => move(i, 1)} aria-label={`Move step ${i + 1} down`}>↓</Button>
            <Button
              variant="ghost"
              className={ICON}
              disabled={steps.length <= MIN_STEPS}
              onClick={() => onChange(steps.filter((_, j) => j !== i))}
              aria-label={`Remove step ${i + 1}`}
            >
              ✕
            </Button>
          </li>
        ))}
      </ol>
      <div className="ml-6 flex items-center gap-2">
        <Button onClick={() => onChange([...steps, ""])} disabled={steps.length >= MAX_STEPS} data-testid="add-step">
          + Add step
        </Button>
        <span className="text-xs text-faint">
          {steps.length} of {MAX_STEPS} steps · each step matches spans; an entity moves on with the earliest matching span after the previous step
        </span>
      </div>
    </div>
  );
}
