"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { cloneElement, useEffect, useId, useRef, useState, type InputHTMLAttributes } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { absoluteLabel, pinRange, rangeLabel, type TimeRange } from "@/components/query/time-range";
import { searchKeys } from "./api";
import { createSavedFilter, rememberAuthor, rememberedAuthor, updateSavedFilter, type SavedFilterInput } from "./saved-filters";
import { savedSortText, type SavedFilterRow, type SortKey, type SortOrder } from "./view";

interface Props {
  /** When Save was clicked: a moving range is pinned to the window it covered then. */
  openedAt: number;
  query: string;
  range: TimeRange;
  /** The result table as shown: saved with the filter, restored when it is opened. */
  sort: { sort: SortKey; order: SortOrder };
  cols: string[];
  /** The saved filter on screen, if any: it can be updated instead of saved anew. */
  current: SavedFilterRow | null;
  onClose: () => void;
  onSaved: (row: SavedFilterRow) => void;
}

type RangeChoice = "none" | "relative" | "pinned";
const msToNs = (ms: number) => (BigInt(Math.round(ms)) * 1_000_000n).toString();

/** `name: name is required` -> which field, and the sentence to show under it. */
function fieldOf(message: string): { field: string; text: string } {
  const m = /^(\w+): (.*)$/.exec(message);
  if (!m) return { field: "", text: message };
  const text = m[2].charAt(0).toUpperCase() + m[2].slice(1);
  return { field: m[1], text: m[1] === "query" ? `The query cannot be saved: ${m[2]}.` : `${text}.` };
}

/** Mounted when Save is clicked (so it starts from what is on screen), unmounted on close. */
export function SaveFilterDialog({ openedAt, query, range, sort, cols, current, onClose, onSaved }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const client = useQueryClient();
  const [name, setName] = useState(current?.name ?? "");
  const [author, setAuthor] = useState(rememberedAuthor);
  const [choice, setChoice] = useState<RangeChoice>(range.kind === "relative" ? "relative" : "pinned");
  const pinned = pinRange(range, openedAt);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const save = useMutation({
    mutationFn: (asNew: boolean) => {
      const input: SavedFilterInput = {
        name, author, query: query.trim() || "{}",
        since: choice === "relative" && range.kind === "relative" ? range.since : null,
        startNs: choice === "pinned" ? msToNs(pinned.startMs) : null,
        endNs: choice === "pinned" ? msToNs(pinned.endMs) : null,
        sort: savedSortText(sort),
        columns: cols.length ? cols : null,
      };
      return asNew || !current ? createSavedFilter(input) : updateSavedFilter(current.id, input);
    },
    onSuccess: (row) => {
      rememberAuthor(author.trim());
      client.setQueryData<SavedFilterRow[]>(searchKeys.savedFilters, (old) => [...(old ?? []).filter((f) => f.id !== row.id), row]);
      void client.invalidateQueries({ queryKey: searchKeys.savedFilters });
      onSaved(row);
    },
  });
  const problem = save.error ? fieldOf(save.error.message) : null;
  const errorFor = (field: string) => (problem?.field === field ? problem.text : null);

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="save-filter-title"
      className="m-auto w-[28rem] rounded-lg border border-line bg-bg p-4 text-fg shadow-xl backdrop:bg-black/40"
    >
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(true);
        }}
      >
        <h2 id="save-filter-title" className="text-sm font-semibold">Save filter</h2>
        <p className="truncate rounded-md bg-panel px-2 py-1 font-mono text-xs" title={query}>{query.trim() || "{}"}</p>
        <p className="text-xs text-muted" data-testid="save-filter-table">
          Sorted by {sort.sort}, {sort.order === "desc" ? "descending" : "ascending"}
          {cols.length > 0 && <> · columns <span className="font-mono">{cols.join(", ")}</span></>}
        </p>
        <Field label="Name" error={errorFor("name")}>
          <Input autoFocus value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!errorFor("name")} placeholder="Slow enterprise checkouts" />
        </Field>
        <Field label="Author" hint="Your name, shown to teammates beside the filter." error={errorFor("author")}>
          <Input value={author} onChange={(e) => setAuthor(e.target.value)} aria-invalid={!!errorFor("author")} placeholder="Ana" />
        </Field>
        <fieldset className="flex flex-col gap-1 text-[13px]">
          <legend className="mb-1 text-xs font-medium text-muted">Time range</legend>
          {range.kind === "relative" && <Choice value="relative" choice={choice} set={setChoice} label={`${rangeLabel(range)}, moving with the clock`} />}
          <Choice value="pinned" choice={choice} set={setChoice} label={`Pinned to ${absoluteLabel(pinned.startMs, pinned.endMs)}`} />
          <Choice value="none" choice={choice} set={setChoice} label="None: whoever opens it keeps their own range" />
        </fieldset>
        {problem && !["name", "author"].includes(problem.field) && <p role="alert" className="text-xs text-error">{problem.text}</p>}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          {current && (
            <Button onClick={() => save.mutate(false)} disabled={save.isPending}>
              Update “{current.name}”
            </Button>
          )}
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending ? "Saving…" : current ? "Save as new" : "Save"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}

/** A labelled input; the hint or error is its description, not part of its name. */
function Field({ label, hint, error, children }: { label: string; hint?: string; error: string | null; children: React.ReactElement<InputHTMLAttributes<HTMLInputElement>> }) {
  const id = useId();
  const note = error ?? hint;
  return (
    <div className="flex flex-col gap-1 text-xs font-medium text-muted">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, "aria-describedby": note ? `${id}-note` : undefined })}
      {note && <span id={`${id}-note`} className={`font-normal ${error ? "text-error" : "text-faint"}`}>{note}</span>}
    </div>
  );
}

function Choice({ value, choice, set, label }: { value: RangeChoice; choice: RangeChoice; set: (c: RangeChoice) => void; label: string }) {
  return (
    <label className="flex items-center gap-2">
      <input type="radio" name="range" checked={choice === value} onChange={() => set(value)} />
      {label}
    </label>
  );
}
