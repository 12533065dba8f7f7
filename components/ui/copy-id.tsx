"use client";

import { shortId } from "@/lib/format/id";
import { useCopy } from "./copy-button";

/** An id shown by its first 8 characters: full on hover, copied on click. */
export function CopyId({ id, className = "" }: { id: string; className?: string }) {
  const { copied, copy } = useCopy();
  return (
    <button
      type="button"
      title={copied ? "Copied" : `${id} (click to copy)`}
      aria-label={`Copy id ${id}`}
      data-testid="copy-id"
      onClick={(e) => {
        // Ids sit inside clickable rows: copying must not also open the row.
        e.stopPropagation();
        e.preventDefault();
        void copy(id);
      }}
      className={`rounded px-1 font-mono text-xs text-muted hover:bg-hover hover:text-fg ${className}`}
    >
      {copied ? "copied" : shortId(id)}
    </button>
  );
}
