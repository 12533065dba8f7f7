"use client";

import { QueryField } from "@/components/charts/query-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { DraftErrors, RuleDraft, RuleField } from "./draft";

interface Props {
  rules: RuleDraft[];
  /** Row index -> its place in the order rules are tried. */
  tried: number[];
  errors: DraftErrors;
  onChange: (rules: RuleDraft[]) => void;
  /** Enter in a condition: preview now, with that row's latest text. */
  onRun: (rules: RuleDraft[]) => void;
}

const TH = "sticky top-0 h-8 border-b border-line bg-panel px-2 text-left text-xs font-medium text-muted";
const TD = "border-b border-line px-2 py-1 align-top";
const ICON = "h-6 w-6 justify-center px-0 text-xs";

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="mt-0.5 text-xs text-error" data-testid="field-error">
      {message}
    </p>
  );
}

/** The rules, in listed order: name, TraceQL condition, rate as a percentage, priority; move and remove. */
export function RuleTable({ rules, tried, errors, onChange, onRun }: Props) {
  const set = (i: number, field: RuleField, value: string) =>
    rules.map((r, j) => (j === i ? { ...r, [field]: value } : r));
  const move = (i: number, by: number) => {
    const next = [...rules];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  const position = new Map(tried.map((row, n) => [row, n + 1]));

  return (
    <table className="w-full border-collapse" data-testid="rule-table">
      <thead>
        <tr>
          <th scope="col" className={`${TH} w-10`} title="The order rules are tried in: by priority, then by their place in this list">
            Tried
          </th>
          <th scope="col" className={`${TH} w-44`}>Name</th>
          <th scope="col" className={TH}>Condition (TraceQL, on one span)</th>
          <th scope="col" className={`${TH} w-24`}>Keep</th>
          <th scope="col" className={`${TH} w-24`} title="Higher is tried first">Priority</th>
          <th scope="col" className={`${TH} w-24`}><span className="sr-only">Move or remove</span></th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r, i) => {
          const e = errors.rows.get(r.key) ?? {};
          const n = i + 1;
          const id = `rule-${r.key}`;
          return (
            <tr key={r.key} data-testid="sampling-rule">
              <td className={`${TD} pt-2 text-right font-mono text-xs text-muted`}>{position.get(i)}</td>
              <td className={TD}>
                <Input
                  aria-label={`Rule ${n} name`}
                  placeholder="errors"
                  value={r.name}
                  maxLength={100}
                  onChange={(ev) => onChange(set(i, "name", ev.target.value))}
                  aria-invalid={!!e.name}
                  aria-describedby={e.name ? `${id}-name` : undefined}
                  className="w-full"
                />
                <FieldError id={`${id}-name`} message={e.name} />
              </td>
              <td className={`${TD} min-w-0`}>
                <QueryField
                  value={r.match}
                  onChange={(text) => onChange(set(i, "match", text))}
                  onRun={(text) => onRun(set(i, "match", text))}
                  problem={e.match ?? null}
                  label={`Rule ${n} condition (TraceQL)`}
                  placeholder="{ status = error }"
                  testId="rule-match"
                />
              </td>
              <td className={TD}>
                <span className="flex items-center gap-1">
                  <Input
                    aria-label={`Rule ${n} keep (percent of traces)`}
                    inputMode="decimal"
                    value={r.rate}
                    onChange={(ev) => onChange(set(i, "rate", ev.target.value))}
                    aria-invalid={!!e.rate}
                    aria-describedby={e.rate ? `${id}-rate` : undefined}
                    className="w-16 text-right font-mono"
                  />
                  <span className="text-muted">%</span>
                </span>
                <FieldError id={`${id}-rate`} message={e.rate} />
              </td>
              <td className={TD}>
                <Input
                  aria-label={`Rule ${n} priority`}
                  inputMode="numeric"
                  placeholder="0"
                  value={r.priority}
                  onChange={(ev) => onChange(set(i, "priority", ev.target.value))}
                  aria-invalid={!!e.priority}
                  aria-describedby={e.priority ? `${id}-priority` : undefined}
                  className="w-20 text-right font-mono"
                />
                <FieldError id={`${id}-priority`} message={e.priority} />
              </td>
              <td className={`${TD} text-right whitespace-nowrap`}>
                <Button variant="ghost" className={ICON} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move rule ${n} up`}>
                  ↑
                </Button>
                <Button
                  variant="ghost"
                  className={ICON}
                  disabled={i === rules.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={`Move rule ${n} down`}
                >
                  ↓
                </Button>
                <Button variant="ghost" className={ICON} onClick={() => onChange(rules.filter((_, j) => j !== i))} aria-label={`Remove rule ${n}`}>
                  ✕
                </Button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
