"use client";

import { useCopy } from "@/components/ui/copy-button";

/**
 * Copies the address as it is at click time: span, zoom, search and collapse state live
 * in it. The zoom is stored as offsets into the trace, so the link pins the same view.
 */
export function CopyLinkButton() {
  const { copied, copy } = useCopy();
  return (
    <button
      type="button"
      onClick={() => void copy(window.location.href)}
      title="Copy a link to this view: selected span, zoom, search and collapsed spans"
      className="inline-flex h-6 items-center rounded border border-line bg-bg px-2 text-xs text-muted hover:bg-hover hover:text-fg"
    >
      <span aria-live="polite">{copied ? "Copied" : "Copy link"}</span>
    </button>
  );
}
