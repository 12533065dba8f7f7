"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { formatCount } from "@/lib/format/count";
import { fieldText } from "@/lib/query-builder/fields";
import { keysQuery } from "@/components/query/catalog";
import { Popover } from "@/components/query/popover";

/** The search API fills at most this many attribute columns. */
export const MAX_COLUMNS = 10;
const COLUMN_SPEC = /^(span|resource)?\.\S+$/;

interface Props {
  cols: string[];
  onChange: (cols: string[]) => void;
}

/** Adds attribute columns (`span.customer.tier`) to the results; business keys are what people reach for. */
export function ColumnPicker({ cols, onChange }: Props) {
  const keys = useQuery(keysQuery());
  const [filter, setFilter] = useState("");
  const options = useMemo(
    () =>
      (keys.data ?? [])
        .filter((k) => k.scope === "span" || k.scope === "resource")
        .map((k) => ({ spec: fieldText({ kind: "attribute", scope: k.scope as "span" | "resource", key: k.key }), types: k.types, spanCount: k.spanCount })),
    [keys.data],
  );
  const needle = filter.trim().toLowerCase();
  const shown = options.filter((o) => o.spec.toLowerCase().includes(needle)).slice(0, 80);
  const full = cols.length >= MAX_COLUMNS;
  const toggle = (spec: string) => onChange(cols.includes(spec) ? cols.filter((c) => c !== spec) : full ? cols : [...cols, spec]);
  const custom = COLUMN_SPEC.test(filter.trim()) && !options.some((o) => o.spec === filter.trim()) ? filter.trim() : null;

  return (
    <Popover label="Columns" testId="column-picker" align="end" button={<>Columns{cols.length ? ` (${cols.length})` : ""}</>}>
      {() => (
        <div className="flex w-80 flex-col gap-2">
          <input
            autoFocus
            aria-label="Find an attribute"
            placeholder="Find an attribute, e.g. customer.tier"
            className="h-7 rounded-md border border-line bg-bg px-2 font-mono text-xs"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <p className="text-xs text-muted">
            {full ? `At most ${MAX_COLUMNS} columns: remove one to add another.` : "Each column shows the first span in the trace that has the attribute."}
          </p>
          <ul className="max-h-72 overflow-y-auto">
            {custom && (
              <li>
                <button type="button" disabled={full} onClick={() => toggle(custom)} className="w-full rounded px-1.5 py-1 text-left text-xs hover:bg-hover">
                  Add column <span className="font-mono">{custom}</span>
                </button>
              </li>
            )}
            {shown.map((o) => (
              <li key={o.spec}>
                <label className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-xs hover:bg-hover">
                  <input type="checkbox" checked={cols.includes(o.spec)} disabled={full && !cols.includes(o.spec)} onChange={() => toggle(o.spec)} />
                  <span className="min-w-0 flex-1 truncate font-mono" title={o.spec}>{o.spec}</span>
                  <span className="shrink-0 text-faint">{o.types.join("|")} · {formatCount(o.spanCount)}</span>
                </label>
              </li>
            ))}
            {keys.isSuccess && shown.length === 0 && !custom && <li className="px-1.5 py-1 text-xs text-muted">No attribute matches “{filter}”.</li>}
            {keys.isPending && <li className="px-1.5 py-1 text-xs text-muted">Loading attributes…</li>}
          </ul>
        </div>
      )}
    </Popover>
  );
}
