import type { SortKey, SortOrder } from "./view";

export const TH = "sticky top-0 z-10 h-8 border-b border-line bg-panel px-3 text-left text-xs font-medium whitespace-nowrap text-muted";

interface Props {
  label: string;
  sortKey: SortKey;
  sort: SortKey;
  order: SortOrder;
  onSort: (key: SortKey) => void;
  className?: string;
}

/** A header that sorts by its column; a second click flips the order. */
export function SortHeader({ label, sortKey, sort, order, onSort, className = "" }: Props) {
  const active = sort === sortKey;
  return (
    <th scope="col" className={`${TH} ${className}`} aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"}>
      <button type="button" onClick={() => onSort(sortKey)} className={`inline-flex items-center gap-1 hover:text-fg ${active ? "text-fg" : ""}`}>
        {label}
        <span aria-hidden className={active ? "" : "invisible"}>{order === "asc" ? "↑" : "↓"}</span>
      </button>
    </th>
  );
}
