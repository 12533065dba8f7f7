"use client";

import { useEffect, useState } from "react";
import { copyText } from "./clipboard";

/** Shows "Copied" for a moment after a successful copy. */
export function useCopy() {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(t);
  }, [copied]);
  const copy = async (text: string) => setCopied(await copyText(text));
  return { copied, copy };
}

export function CopyButton({ text, label = "Copy", className = "" }: { text: string; label?: string; className?: string }) {
  const { copied, copy } = useCopy();
  return (
    <button
      type="button"
      onClick={(e) => {
        e.stopPropagation();
        void copy(text);
      }}
      className={`inline-flex h-6 items-center rounded border border-line bg-bg px-2 text-xs text-muted hover:bg-hover hover:text-fg ${className}`}
    >
      <span aria-live="polite">{copied ? "Copied" : label}</span>
    </button>
  );
}
