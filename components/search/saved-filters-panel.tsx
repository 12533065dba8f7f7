"use client";

import { useQuery } from "@tanstack/react-query";
import { savedFiltersQuery } from "./saved-filters";
import { SavedFilterItem } from "./saved-filter-item";
import type { SavedFilterRow } from "./view";

interface Props {
  activeId: string | null;
  className?: string;
  onDeleted: (filter: SavedFilterRow) => void;
}

/** Everyone's saved filters, by name; each opens at its own stable address. */
export function SavedFiltersPanel({ activeId, onDeleted, className = "flex" }: Props) {
  const filters = useQuery(savedFiltersQuery());
  return (
    <aside aria-label="Saved filters" className={`sticky top-11 ${className} max-h-[calc(100dvh-2.75rem)] w-64 shrink-0 flex-col self-start overflow-y-auto border-l border-line p-2`} data-testid="saved-filters">
      <h2 className="px-2 py-1 text-xs font-semibold tracking-wide text-muted uppercase">Saved filters</h2>
      {filters.isPending && <p className="px-2 text-xs text-muted">Loading…</p>}
      {filters.isError && <p className="px-2 text-xs text-error">Could not load saved filters: {filters.error.message}</p>}
      {filters.data?.length === 0 && (
        <p className="px-2 text-xs text-muted">None yet. Run a query you will want again and choose Save: teammates can open it by its link.</p>
      )}
      <ul className="flex flex-col gap-0.5">
        {filters.data?.map((f) => <SavedFilterItem key={f.id} filter={f} active={f.id === activeId} onDeleted={onDeleted} />)}
      </ul>
    </aside>
  );
}
