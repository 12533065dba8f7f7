"use client";

import { useCanEdit } from "@/components/project/use-can-edit";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useHydrated } from "@/components/ui/use-now";
import { rangeLabel } from "@/components/query/time-range";
import { searchKeys } from "./api";
import { deleteSavedFilter, savedFilterHref, updateSavedFilter } from "./saved-filters";
import { filterRange, type SavedFilterRow } from "./view";

interface Props {
  filter: SavedFilterRow;
  active: boolean;
  onDeleted: (filter: SavedFilterRow) => void;
}

const ACTION = "rounded px-1 text-xs text-muted hover:bg-hover hover:text-fg";

/** One saved filter: open it, rename it in place, delete it (after asking). */
export function SavedFilterItem({ filter, active, onDeleted }: Props) {
  const client = useQueryClient();
  const hydrated = useHydrated();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(filter.name);
  const [confirming, setConfirming] = useState(false);
  const { canEdit } = useCanEdit();
  const refresh = () => client.invalidateQueries({ queryKey: searchKeys.savedFilters });
  const rename = useMutation({
    mutationFn: (next: string) => updateSavedFilter(filter.id, { name: next }),
    onSuccess: () => {
      setRenaming(false);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteSavedFilter(filter.id),
    onSuccess: () => {
      setConfirming(false);
      onDeleted(filter);
      void refresh();
    },
  });
  const range = filterRange(filter);

  return (
    <li className={`group rounded-md px-2 py-1.5 ${active ? "bg-selected" : "hover:bg-hover"}`} data-testid="saved-filter">
      {renaming ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate(name);
          }}
          className="flex flex-col gap-1"
        >
          <input
            autoFocus
            aria-label="New name"
            aria-invalid={rename.isError || undefined}
            className="h-7 rounded-md border border-line bg-bg px-2 text-[13px] aria-invalid:border-error"
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                e.stopPropagation();
                setRenaming(false);
                setName(filter.name);
              }
            }}
          />
          {rename.isError && <p className="text-xs text-error">{rename.error.message.replace(/^name: /, "Name: ")}</p>}
          <span className="flex gap-1">
            <button type="submit" className={ACTION} disabled={rename.isPending}>Save</button>
            <button type="button" className={ACTION} onClick={() => { setRenaming(false); setName(filter.name); }}>Cancel</button>
          </span>
        </form>
      ) : (
        <>
          <div className="flex items-center gap-1">
            <Link href={savedFilterHref(filter.id)} aria-current={active ? "page" : undefined} className="min-w-0 flex-1 truncate font-medium hover:underline">
              {filter.name}
            </Link>
            {canEdit && <span className="hidden shrink-0 group-focus-within:flex group-hover:flex">
              <button type="button" className={ACTION} onClick={() => setRenaming(true)} aria-label={`Rename ${filter.name}`}>Rename</button>
              <button type="button" className={ACTION} onClick={() => setConfirming(true)} aria-label={`Delete ${filter.name}`}>Delete</button>
            </span>}
          </div>
          <p className="truncate text-xs text-muted">
            {filter.author} · {range ? rangeLabel(range, hydrated ? undefined : "UTC") : "viewer’s time range"}
          </p>
          <p className="truncate font-mono text-xs text-faint" title={filter.query}>{filter.query}</p>
          {filter.queryError && (
            <p className="mt-0.5 text-xs text-error" role="note">
              This query no longer parses: {filter.queryError}. Open it to fix and save it again.
            </p>
          )}
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete “${filter.name}”?`}
        confirmLabel="Delete"
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirming(false)}
      >
        Links to it (<span className="font-mono">{savedFilterHref(filter.id)}</span>) will stop working for everyone.
        {remove.isError && <p className="mt-2 text-error">{remove.error.message}</p>}
      </ConfirmDialog>
    </li>
  );
}
