"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useRef, useState } from "react";
import { builderToQuery, queryToBuilder, type BuilderRow, type BuilderState } from "@/lib/query-builder/builder";
import { parseFieldText } from "@/lib/query-builder/fields";
import { Button } from "@/components/ui/button";
import { fieldOptions, fieldType, keysQuery } from "./catalog";
import { BuilderRowEditor } from "./builder-row";

type Keyed = BuilderRow & { id: string };

interface Props {
  /** The editor's text: the builder shows it when it can, and writes back to it. */
  query: string;
  /** `run` is false while a value is being typed, true once a change is complete. */
  onChange: (query: string, run: boolean) => void;
}

const keyed = (state: BuilderState): Keyed[] => state.rows.map((r, i) => ({ ...r, id: `q${i}` }));
const EMPTY_ROW: BuilderRow = { field: "", op: "=", value: { type: "string", text: "" } };

/**
 * Rows of key / operator / value joined by AND or OR, kept in step with the editor both ways.
 * A query it cannot show (pipelines, structure, grouping) is named and left to the editor.
 */
export function QueryBuilder({ query, onChange }: Props) {
  const parsed = useMemo(() => queryToBuilder(query), [query]);
  const [rows, setRows] = useState<Keyed[]>(() => (parsed.ok ? keyed(parsed.state) : []));
  const [join, setJoin] = useState<"and" | "or">(parsed.ok ? parsed.state.join : "and");
  // The text these rows stand for; a different query prop means the editor (or a click) changed it.
  const [synced, setSynced] = useState(query);
  const nextId = useRef(0);
  const keys = useQuery(keysQuery());
  const fieldsListId = useId();
  const options = useMemo(() => fieldOptions(keys.data ?? []), [keys.data]);

  if (query !== synced) {
    setSynced(query);
    if (parsed.ok) {
      setRows(keyed(parsed.state));
      setJoin(parsed.state.join);
    }
  }

  const emit = (nextRows: Keyed[], nextJoin: "and" | "or", run: boolean) => {
    const before = builderToQuery({ join, rows });
    setRows(nextRows);
    setJoin(nextJoin);
    const text = builderToQuery({ join: nextJoin, rows: nextRows });
    if (text === before && !run) return;
    const out = text === "{}" && !query.trim() ? "" : text;
    setSynced(out);
    onChange(out, run);
  };

  if (!parsed.ok) {
    return (
      <div className="rounded-md border border-dashed border-line px-3 py-2 text-muted" data-testid="builder-unavailable">
        {parsed.kind === "error"
          ? `The builder shows the query once it parses: fix the error at column ${parsed.from + 1} in the editor.`
          : `This query uses ${parsed.uses.join(", ")}; edit it as text.`}
      </div>
    );
  }

  const typeOf = (text: string) => {
    const f = parseFieldText(text);
    return f ? fieldType(f, keys.data) : "string";
  };

  return (
    <div className="flex flex-col gap-1.5" data-testid="query-builder">
      <div className="flex items-center gap-2 text-xs text-muted">
        <span>Spans matching</span>
        <div role="radiogroup" aria-label="Join conditions with" className="inline-flex overflow-hidden rounded-md border border-line">
          {(["and", "or"] as const).map((j) => (
            <button
              key={j}
              type="button"
              role="radio"
              aria-checked={join === j}
              onClick={() => emit(rows, j, true)}
              className={`h-6 px-2 font-medium ${join === j ? "bg-selected text-fg" : "bg-bg hover:bg-hover"}`}
            >
              {j === "and" ? "all (AND)" : "any (OR)"}
            </button>
          ))}
        </div>
        <span>of these conditions</span>
      </div>
      <ul className="flex flex-col gap-1.5">
        {rows.map((row, i) => (
          <BuilderRowEditor
            key={row.id}
            row={row}
            index={i}
            fieldsListId={fieldsListId}
            typeOf={typeOf}
            onChange={(next, commit) => emit(rows.map((r) => (r.id === row.id ? { ...next, id: r.id } : r)), join, commit)}
            onRemove={() => emit(rows.filter((r) => r.id !== row.id), join, true)}
          />
        ))}
      </ul>
      <datalist id={fieldsListId}>
        {options.map((o) => <option key={o.text} value={o.text} label={o.spanCount === null ? o.description : `${o.type} · ${o.spanCount} spans`} />)}
      </datalist>
      <div>
        <Button variant="ghost" onClick={() => setRows([...rows, { ...EMPTY_ROW, id: `n${nextId.current++}` }])}>
          + Add condition
        </Button>
        {rows.length === 0 && <span className="text-xs text-faint">No conditions: every trace in the range matches.</span>}
      </div>
    </div>
  );
}
