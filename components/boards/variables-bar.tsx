"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { AttrInput } from "@/components/charts/attr-input";
import { fetchValues } from "@/components/charts/queries";
import type { BoardVariable } from "@/lib/boards/types";

function scopeOf(key: string): { scope: string; name: string } {
  const m = /^(span|resource)\.(.+)$/.exec(key);
  return m ? { scope: m[1], name: m[2] } : { scope: "span", name: key.replace(/^\./, "") };
}

/** One variable: its chosen values as removable chips, and the catalog's other values to add. */
function VariableControl({ variable, onChange, onRemove }: { variable: BoardVariable; onChange: (values: string[]) => void; onRemove?: () => void }) {
  const id = useId();
  const { scope, name } = scopeOf(variable.key);
  const values = useQuery({ queryKey: ["attributes", "values", scope, name, 100], queryFn: () => fetchValues(name, scope, 100), staleTime: 60_000 });
  const others = (values.data?.values ?? []).map((v) => v.value).filter((v) => !variable.values.includes(v));
  return (
    <div className="flex flex-wrap items-center gap-1 rounded-md border border-line px-2 py-0.5" data-testid="board-variable" data-key={variable.key}>
      <span className="font-mono text-xs text-muted">{variable.key}</span>
      {variable.values.length === 0 && <span className="text-xs text-faint">any value</span>}
      {variable.values.map((v) => (
        <span key={v} className="inline-flex items-center gap-1 rounded bg-selected px-1.5 text-xs" data-testid="variable-value">
          {v}
          <button type="button" aria-label={`Remove ${v} from ${variable.key}`} className="text-muted hover:text-fg" onClick={() => onChange(variable.values.filter((x) => x !== v))}>
            ×
          </button>
        </span>
      ))}
      <label htmlFor={id} className="sr-only">Add a value of {variable.key}</label>
      <select
        id={id}
        value=""
        onChange={(e) => e.target.value && onChange([...variable.values, e.target.value])}
        className="h-6 max-w-32 rounded border border-line bg-bg text-xs text-fg"
        disabled={values.isPending}
      >
        <option value="">{values.isPending ? "loading…" : others.length ? "+ value" : "no other values"}</option>
        {others.map((v) => <option key={v} value={v}>{v}</option>)}
      </select>
      {onRemove && (
        <button type="button" className="text-xs text-muted hover:text-error" onClick={onRemove} aria-label={`Remove variable ${variable.key}`}>
          Remove
        </button>
      )}
    </div>
  );
}

/**
 * The board's variables: values are picked by anyone and live in the URL; editors add or
 * remove the variables themselves (saved on the board).
 */
export function VariablesBar({
  variables, onValues, onAdd, onRemove,
}: {
  variables: BoardVariable[];
  onValues: (key: string, values: string[]) => void;
  onAdd?: (key: string) => void;
  onRemove?: (key: string) => void;
}) {
  const [adding, setAdding] = useState(false);
  if (variables.length === 0 && !onAdd) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" aria-label="Board variables" role="group">
      {variables.map((v) => (
        <VariableControl key={v.key} variable={v} onChange={(values) => onValues(v.key, values)} onRemove={onRemove ? () => onRemove(v.key) : undefined} />
      ))}
      {onAdd && (adding ? (
        <AttrInput value="" label="Variable attribute" className="w-52" testId="new-variable" onCommit={(key) => { setAdding(false); if (key.trim()) onAdd(key.trim()); }} />
      ) : (
        <button type="button" className="text-xs text-muted hover:text-fg hover:underline" onClick={() => setAdding(true)}>
          + Add variable
        </button>
      ))}
    </div>
  );
}
