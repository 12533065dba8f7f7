"use client";

import type { BuilderRow } from "@/lib/query-builder/builder";

interface Props {
  row: BuilderRow;
  onFilter: (row: BuilderRow) => void;
  children: React.ReactNode;
  className?: string;
}

/**
 * A value that filters by itself when clicked (Alt-click excludes it instead). Clicks stop
 * here so the table row around it does not also open the trace.
 */
export function FilterValue({ row, onFilter, children, className = "" }: Props) {
  const shown = row.value.type === "string" ? JSON.stringify(row.value.text) : row.value.text;
  return (
    <button
      type="button"
      data-testid="filter-value"
      title={`Filter: ${row.field} = ${shown} (Alt-click to exclude)`}
      onClick={(e) => {
        e.stopPropagation();
        onFilter(e.altKey ? { ...row, op: "!=" } : row);
      }}
      className={`max-w-full truncate rounded px-0.5 text-left hover:bg-hover hover:underline ${className}`}
    >
      {children}
    </button>
  );
}

/** A builder row for `field = value`, typed for the literal it will become. */
export function equals(field: string, text: string, type: BuilderRow["value"]["type"] = "string"): BuilderRow {
  return { field, op: "=", value: { type, text } };
}
